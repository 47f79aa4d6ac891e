import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupEntry, BackupFile, BackupKind, BackupList } from '../../../shared/backup';
import { makeDirPrivate } from '../../../node/private-files';
import { LATEST_VERSION } from '../../db/migrations';
import { userVersion, type Db } from '../../db/open';
import { backupFolder, KEEP_BACKUPS, listBackups, newBackupPath, pruneBackups } from './folder';
import { quickCheckPasses, writeSnapshot } from './snapshot';

/** A daily backup is due once the newest backup of any kind is this old. */
const DAY_MS = 24 * 60 * 60_000;

export interface BackupDeps {
  db: Db;
  dbPath: string;
  now: () => Date;
  nativeBinding?: string;
  keep?: number;
}

export interface BackupService {
  list(): BackupList;
  /** A backup now, for a reason (before an import, before a migration…); older ones beyond N go. */
  automatic(kind: BackupKind): Promise<BackupEntry>;
  /** The daily backup, when the newest is a day old and the chapter has changed since. */
  dailyIfDue(): Promise<BackupEntry | null>;
  /** A fresh copy of the chapter as bytes, for "Save a backup as…". */
  exportCopy(): Promise<BackupFile>;
}

function newestSeq(db: Db): number {
  return (db.prepare(`SELECT coalesce(max(seq), 0) AS seq FROM changes`).get() as { seq: number }).seq;
}

function openReadOnly(path: string, nativeBinding: string | undefined): Db {
  return new Database(path, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
}

/**
 * Whether a backup would restore: it passes SQLite's check, this version can open it and it holds a
 * chapter. Backups are written without WAL (snapshot.ts), so they open read only as they are.
 */
export function backupRestores(path: string, nativeBinding?: string): boolean {
  let db: Db | null = null;
  try {
    db = openReadOnly(path, nativeBinding);
    return (
      quickCheckPasses(db) &&
      userVersion(db) <= LATEST_VERSION &&
      db.prepare(`SELECT 1 FROM chapter WHERE deleted = 0 LIMIT 1`).get() !== undefined
    );
  } catch (error) {
    // Whatever stops SQLite from reading it (not a database, malformed, no chapter table) means it
    // cannot be offered; the reason goes to the log, and the next older backup is tried.
    console.warn(`Backup ${path} cannot be restored: ${(error as Error).message}`);
    return false;
  } finally {
    db?.close();
  }
}

/** The newest of this chapter file's backups that would restore, for the recovery screen. */
export function newestGoodBackup(dbPath: string, nativeBinding?: string): BackupEntry | null {
  const folder = backupFolder(dbPath);
  return listBackups(dbPath).find((entry) => backupRestores(join(folder, entry.name), nativeBinding)) ?? null;
}

export function createBackupService(deps: BackupDeps): BackupService {
  const { db, dbPath, now, nativeBinding } = deps;
  const keep = deps.keep ?? KEEP_BACKUPS;
  const snapshotOptions = { nativeBinding, now };

  function entryFor(path: string): BackupEntry {
    const entry = listBackups(dbPath).find((found) => join(backupFolder(dbPath), found.name) === path);
    if (!entry) throw new Error(`The backup just written is not listed: ${path}`);
    return entry;
  }

  async function automatic(kind: BackupKind): Promise<BackupEntry> {
    const path = newBackupPath(dbPath, now(), kind);
    await writeSnapshot(db, path, snapshotOptions);
    const entry = entryFor(path);
    pruneBackups(dbPath, keep);
    return entry;
  }

  /** Nothing was written or pulled since the backup was made: another copy would keep nothing new. */
  function unchangedSince(entry: BackupEntry): boolean {
    const backup = openReadOnly(join(backupFolder(dbPath), entry.name), nativeBinding);
    try {
      return newestSeq(backup) === newestSeq(db);
    } finally {
      backup.close();
    }
  }

  return {
    list: () => ({ backups: listBackups(dbPath), folder: backupFolder(dbPath) }),
    automatic,
    async dailyIfDue() {
      if (!db.prepare(`SELECT 1 FROM chapter WHERE deleted = 0 LIMIT 1`).get()) return null;
      const newest = listBackups(dbPath)[0];
      if (newest && now().getTime() - Date.parse(newest.createdAt) < DAY_MS) return null;
      if (
        newest &&
        backupRestores(join(backupFolder(dbPath), newest.name), nativeBinding) &&
        unchangedSince(newest)
      ) {
        return null;
      }
      return automatic('daily');
    },
    async exportCopy() {
      const at = now();
      const path = join(backupFolder(dbPath), `.export-${randomBytes(6).toString('hex')}.sqlite`);
      makeDirPrivate(backupFolder(dbPath));
      try {
        await writeSnapshot(db, path, snapshotOptions);
        return {
          fileName: `chapterdesk-backup-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.sqlite`,
          contentBase64: readFileSync(path).toString('base64'),
        };
      } finally {
        rmSync(path, { force: true });
      }
    },
  };
}
