import { z } from 'zod';

/** The largest sync file taken from the renderer: 100 MB (as base64, 4 characters per 3 bytes). */
export const MAX_SYNC_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_SYNC_FILE_BASE64 = Math.ceil(MAX_SYNC_FILE_BYTES / 3) * 4;

export const syncFileExportInput = z.strictObject({
  /** Every change this laptop holds, rather than those the others may lack. */
  all: z.boolean().default(false),
  /** Split into parts of at most this many bytes (a messaging app's limit); null: one file. */
  maxBytes: z.number().int().min(1000).max(MAX_SYNC_FILE_BYTES).nullable().default(null),
});
export type SyncFileExportInput = z.input<typeof syncFileExportInput>;

/** "Save changes to a file": the file, or its parts, each loadable alone (the renderer saves them). */
export interface SyncFileExport {
  files: { fileName: string; contentBase64: string; bytes: number }[];
  changes: number;
  bytes: number;
}

export const syncFileImportInput = z.strictObject({
  fileName: z.string().trim().min(1).max(260),
  contentBase64: z.base64().max(MAX_SYNC_FILE_BASE64),
});
export type SyncFileImportInput = z.input<typeof syncFileImportInput>;

/** What loading a sync file did: changes new here, changes it had already, conflicts kept. */
export interface SyncFileImported {
  applied: number;
  alreadyHad: number;
  conflicts: number;
}
