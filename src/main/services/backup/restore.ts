import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
  fchmodSync,
} from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { PRIVATE_FILE_MODE, writePrivateFile } from '../../../node/private-files';
import type { RestoreResult } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import { latestHlc } from '../../db/changes';
import { isDamageError, openDatabase, type Db } from '../../db/open';
import { markResync } from '../../sync/resync';
import { raiseClockFloor } from '../device/clock-floor';
import { newBackupPath, pruneBackups } from './folder';
import { quickCheckPasses, writeSnapshot } from './snapshot';

export type RestoreSource = { path: string; label: string } | { bytes: Uint8Array; label: string };

export interface RestoreOptions {
  dbPath: string;
  source: RestoreSource;
  /** The secretary was told how many changes no server holds would be lost, and said yes. */
  confirmUnsynced: boolean;
  nativeBinding?: string;
  now?: () => Date;
}

/** What the file to be replaced is: readable (`healthy`), unreadable, or not there at all. */
type CurrentState = 'healthy' | 'damaged' | 'missing';

/** A restore checked and ready: the backup's private, migrated copy beside the chapter file. */
export interface PreparedRestore {
  dbPath: string;
  copyPath: string;
  label: string;
  current: CurrentState;
  /** The restored file is connected to a server: its next sync pulls everything after its cursor. */
  enrolled: boolean;
  nodeId: string;
  /** The newest stamp of the file being replaced, so the clock never goes back (clock-floor.ts). */
  currentLatestHlc: string | undefined;
  nativeBinding?: string;
  now: () => Date;
}

interface SyncStateRow {
  server_url: string;
  token: string;
  device_id: string;
  chapter_id: string;
  next_client_seq: number;
  clock_offset_ms: number;
}

/** Copies a file to a new private (0600) file, by chunks: a chapter file can be large. */
function copyPrivately(from: string, to: string): void {
  const input = openSync(from, 'r');
  const output = openSync(to, 'wx', PRIVATE_FILE_MODE);
  try {
    if (process.platform !== 'win32') fchmodSync(output, PRIVATE_FILE_MODE);
    const chunk = Buffer.alloc(1024 * 1024);
    for (let read = readSync(input, chunk); read > 0; read = readSync(input, chunk)) {
      writeSync(output, chunk, 0, read);
    }
  } finally {
    closeSync(input);
    closeSync(output);
  }
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/** Opens the backup's copy as the app would (checked, migrated): refused as a backup if it cannot be. */
function openCopy(copyPath: string, label: string, options: RestoreOptions): Db {
  let copy: Db;
  try {
    copy = openDatabase(copyPath, {
      nativeBinding: options.nativeBinding,
      backupBeforeMigration: false,
      now: options.now,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'DB_TOO_NEW') throw error;
    if ((error instanceof AppError && error.code === 'DB_DAMAGED') || isDamageError(error)) {
      throw new AppError(
        'VALIDATION',
        `${label} is not a sound ChapterDesk chapter file; nothing was restored.`,
        {
          problem: problem('BACKUP_UNREADABLE'),
        },
      );
    }
    throw error;
  }
  const chapter = copy.prepare(`SELECT 1 FROM chapter WHERE deleted = 0 LIMIT 1`).get();
  const device = copy.prepare(`SELECT 1 FROM device WHERE singleton = 1`).get();
  if (!chapter || !device) {
    copy.close();
    throw new AppError('VALIDATION', `${label} holds no chapter; nothing was restored.`, {
      problem: problem('BACKUP_NO_CHAPTER'),
    });
  }
  return copy;
}

/** The file being replaced, opened only to read it; null when it is damaged or not there. */
function openCurrent(
  dbPath: string,
  nativeBinding: string | undefined,
): { state: CurrentState; db: Db | null } {
  if (!existsSync(dbPath)) return { state: 'missing', db: null };
  let db: Db | null = null;
  try {
    db = new Database(dbPath, nativeBinding ? { nativeBinding } : {});
    db.pragma('busy_timeout = 5000');
    if (quickCheckPasses(db)) return { state: 'healthy', db };
  } catch (error) {
    if (!isDamageError(error)) {
      db?.close();
      throw error;
    }
  }
  db?.close();
  return { state: 'damaged', db: null };
}

function nodeIdOf(db: Db): string | null {
  const row = db.prepare(`SELECT node_id FROM device WHERE singleton = 1`).get() as
    { node_id: string } | undefined;
  return row?.node_id ?? null;
}

function syncStateOf(db: Db): SyncStateRow | undefined {
  return db
    .prepare(
      `SELECT server_url, token, device_id, chapter_id, next_client_seq, clock_offset_ms FROM sync_state WHERE singleton = 1`,
    )
    .get() as SyncStateRow | undefined;
}

/**
 * Changes in the file being replaced that no server holds (waiting in its outbox, or all of them on
 * a laptop never connected) and that the backup does not have either: what a restore would lose.
 */
function unsyncedChanges(current: Db, copyPath: string): number {
  current.prepare(`ATTACH DATABASE ? AS restoring`).run(copyPath);
  try {
    const row = current
      .prepare(
        `SELECT count(*) AS n FROM main.changes c WHERE c.pushed = 0 AND NOT EXISTS (
           SELECT 1 FROM restoring.changes b
           WHERE b.tbl = c.tbl AND b.row_id = c.row_id AND b.col = c.col AND b.hlc = c.hlc)`,
      )
      .get() as { n: number };
    return row.n;
  } finally {
    current.exec(`DETACH DATABASE restoring`);
  }
}

/**
 * The restored file keeps this laptop's connection to the server when the backup was made in the
 * same chapter on the same server: the current token (a backup may hold one revoked since), and a
 * client sequence that never goes back. Its pull cursor stays the backup's, which is what its data
 * has seen; what came after is pulled again, this laptop's own pushes included (resync.ts).
 */
function keepConnection(copy: Db, current: SyncStateRow | undefined): void {
  const restored = syncStateOf(copy);
  if (!current || !restored) return;
  if (restored.server_url !== current.server_url || restored.chapter_id !== current.chapter_id) return;
  copy
    .prepare(
      `UPDATE sync_state SET token = ?, device_id = ?, clock_offset_ms = ?,
         next_client_seq = max(next_client_seq, ?), last_error_code = NULL, last_error = NULL
       WHERE singleton = 1`,
    )
    .run(current.token, current.device_id, current.clock_offset_ms, current.next_client_seq);
}

/**
 * Checks a backup and readies it beside the chapter file, without touching the chapter file: a
 * private copy, opened as the app opens a file (checked, migrated to this version's schema), that
 * holds a chapter of this laptop. Refuses (`CONFLICT`, problem UNSYNCED_CHANGES) while the file
 * being replaced holds changes no server has and the backup lacks, unless the secretary confirmed.
 */
export function prepareRestore(options: RestoreOptions): PreparedRestore {
  const { dbPath, source } = options;
  const now = options.now ?? (() => new Date());
  const copyPath = `${dbPath}.restoring-${randomBytes(4).toString('hex')}`;
  if ('path' in source) copyPrivately(source.path, copyPath);
  else writePrivateFile(copyPath, source.bytes);
  try {
    const copy = openCopy(copyPath, source.label, options);
    let current: { state: CurrentState; db: Db | null } = { state: 'missing', db: null };
    try {
      current = openCurrent(dbPath, options.nativeBinding);
      const nodeId = nodeIdOf(copy)!;
      let currentLatestHlc: string | undefined;
      if (current.db) {
        const currentNode = nodeIdOf(current.db);
        if (currentNode && currentNode !== nodeId) {
          throw new AppError(
            'CONFLICT',
            `${source.label} is a backup of another laptop's chapter file (laptop ${nodeId}, this one is ${currentNode}); nothing was restored. Restore it on a new, empty file instead.`,
            { problem: problem('BACKUP_OTHER_LAPTOP') },
          );
        }
        const lost = unsyncedChanges(current.db, copyPath);
        if (lost > 0 && !options.confirmUnsynced) {
          throw new AppError(
            'CONFLICT',
            `${lost} change${lost === 1 ? '' : 's'} made on this laptop ${lost === 1 ? 'has' : 'have'} not reached the sync server and ${lost === 1 ? 'is' : 'are'} not in ${source.label}: restoring would lose ${lost === 1 ? 'it' : 'them'}. Nothing was restored; confirm to restore anyway.`,
            { problem: problem('UNSYNCED_CHANGES', { count: lost }) },
          );
        }
        keepConnection(copy, syncStateOf(current.db));
        currentLatestHlc = latestHlc(current.db);
      }
      const enrolled = syncStateOf(copy) !== undefined;
      // One file, no -wal beside it: it is renamed or copied into place as it is.
      copy.pragma('journal_mode = DELETE');
      return {
        dbPath,
        copyPath,
        label: source.label,
        current: current.state,
        enrolled,
        nodeId,
        currentLatestHlc,
        nativeBinding: options.nativeBinding,
        now,
      };
    } finally {
      copy.close();
      current.db?.close();
    }
  } catch (error) {
    removeDatabaseFiles(copyPath);
    throw error;
  }
}

/** Gives up a prepared restore: its copy goes, the chapter file was never touched. */
export function abandonRestore(prepared: PreparedRestore): void {
  removeDatabaseFiles(prepared.copyPath);
}

function damagedName(dbPath: string, at: Date): string {
  return `${dbPath}.damaged-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
}

/**
 * Puts a prepared restore in place; every connection of this process to the chapter file must be
 * closed. A readable file is first backed up (kind `restore`, so the restore itself can be undone),
 * then overwritten through SQLite's backup API, in one transaction: another program that has the
 * file open (a command-line run) sees the restored chapter rather than writing on into a file that
 * was swapped from under it. A damaged file is never written to: it is moved aside, with its -wal
 * and -shm, and the copy renamed into its place. Either way the clock resumes after the newest
 * stamp the replaced file held, and the next sync pulls this laptop's own changes back.
 */
export async function commitRestore(prepared: PreparedRestore): Promise<RestoreResult> {
  const { dbPath, copyPath, now } = prepared;
  const binding = prepared.nativeBinding ? { nativeBinding: prepared.nativeBinding } : {};
  let safetyBackup: string | null = null;
  let damagedKeptAs: string | null = null;
  if (prepared.currentLatestHlc) raiseClockFloor(dbPath, prepared.currentLatestHlc);
  if (prepared.current === 'healthy') {
    const current = new Database(dbPath, binding);
    try {
      current.pragma('busy_timeout = 5000');
      const path = newBackupPath(dbPath, now(), 'restore');
      await writeSnapshot(current, path, { nativeBinding: prepared.nativeBinding, now });
      safetyBackup = basename(path);
    } finally {
      current.close();
    }
    const copy = new Database(copyPath, binding);
    try {
      await copy.backup(dbPath);
    } finally {
      copy.close();
    }
    removeDatabaseFiles(copyPath);
    pruneBackups(dbPath);
  } else {
    if (prepared.current === 'damaged') {
      damagedKeptAs = damagedName(dbPath, now());
      for (const suffix of ['-wal', '-shm', '']) {
        if (existsSync(`${dbPath}${suffix}`)) renameSync(`${dbPath}${suffix}`, `${damagedKeptAs}${suffix}`);
      }
    }
    renameSync(copyPath, dbPath);
  }
  if (prepared.enrolled) markResync(dbPath, prepared.nodeId);
  return { restoredFrom: prepared.label, safetyBackup, damagedKeptAs, resyncs: prepared.enrolled };
}
