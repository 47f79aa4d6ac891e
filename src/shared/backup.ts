import { z } from 'zod';

/**
 * Why an automatic backup was made: once a day, before a schema migration, before an import, before
 * a restore (the file being replaced).
 */
export const BACKUP_KINDS = ['daily', 'migration', 'import', 'restore'] as const;

/** How many automatic backups are kept per chapter file; older ones are deleted. */
export const KEEP_BACKUPS = 10;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** One automatic backup, in the backups folder beside the chapter file. */
export interface BackupEntry {
  /** The file's name in the backups folder, which also names it in `backup.restore`. */
  name: string;
  /** When it was made (UTC ISO), from its name. */
  createdAt: string;
  kind: BackupKind;
  bytes: number;
}

export interface BackupList {
  backups: BackupEntry[];
  /** Where they are, for the secretary who wants to copy one elsewhere. */
  folder: string;
}

/** A fresh copy of the chapter, for "Save a backup as…" (the renderer saves it as a download). */
export interface BackupFile {
  fileName: string;
  contentBase64: string;
}

/** The largest chapter file taken back from the renderer (as base64: 4 characters per 3 bytes). */
export const MAX_BACKUP_BASE64 = Math.ceil((200 * 1024 * 1024) / 3) * 4;

export const backupRestoreInput = z.union([
  z.strictObject({
    /** An automatic backup, by its name in the backups folder. */
    name: z
      .string()
      .max(200)
      .regex(/^[^/\\]+\.sqlite$/),
    confirmUnsynced: z.boolean().default(false),
  }),
  z.strictObject({
    /** A file the secretary picked (a backup saved elsewhere, a copy of the chapter file). */
    fileName: z.string().trim().min(1).max(260),
    contentBase64: z.base64().max(MAX_BACKUP_BASE64),
    confirmUnsynced: z.boolean().default(false),
  }),
]);
export type BackupRestoreInput = z.input<typeof backupRestoreInput>;

export interface RestoreResult {
  /** The backup's name, or the picked file's. */
  restoredFrom: string;
  /** The automatic backup of the file as it was just before, when it could be read. */
  safetyBackup: string | null;
  /** Where a damaged file was moved aside (kept, never overwritten), when it was damaged. */
  damagedKeptAs: string | null;
  /** Whether the laptop pulls everything again from the server at its next sync. */
  resyncs: boolean;
}

/** Whether the chapter file could be opened; when not, the newest backup that passed its check. */
export type RecoveryState =
  { damaged: false } | { damaged: true; message: string; newestGood: BackupEntry | null; folder: string };
