import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { writePrivateFile } from '../../../node/private-files';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';

/** A half-written copy older than this was left by a backup that was killed; it is removed. */
const STALE_PARTIAL_MS = 60 * 60_000;

const PARTIAL = '.partial-';

/**
 * Where a copy is written before it is renamed into place: beside it, so the rename is atomic, and
 * with a name no listing takes for a backup. A kill at any moment leaves the previous backups as
 * they were and, at worst, a partial file that the next backup removes.
 */
function partialPath(dest: string): string {
  return join(dirname(dest), `.${basename(dest)}${PARTIAL}${process.pid}-${randomBytes(4).toString('hex')}`);
}

function removeStalePartials(folder: string, nowMs: number): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    if (!name.startsWith('.') || !name.includes(PARTIAL)) continue;
    const path = join(folder, name);
    if (nowMs - statSync(path).mtimeMs > STALE_PARTIAL_MS) rmSync(path, { force: true });
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The same flush to disk on libuv's thread pool, so the thread that asks goes on answering meanwhile. */
async function fsyncPathAsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Whether SQLite finds a file sound: `PRAGMA quick_check` answers one row, "ok". */
export function quickCheckPasses(db: Db): boolean {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  return rows.length === 1 && rows[0]!.quick_check === 'ok';
}

/**
 * Makes a copy self-contained: a rollback journal, not WAL, so the copy is one file that opens read
 * only and can be carried elsewhere.
 */
function withoutWal(partial: string, nativeBinding: string | undefined): Database.Database {
  const copy = new Database(partial, nativeBinding ? { nativeBinding } : {});
  copy.pragma('journal_mode = DELETE');
  return copy;
}

function checked(copy: Database.Database): void {
  if (!quickCheckPasses(copy)) {
    throw new AppError('INTERNAL', 'The backup copy did not pass its check; the previous backups are kept.');
  }
}

/**
 * Checks a copy, puts it on disk and renames it into place, with the folder's entry for it: the
 * synchronous way, for the copy taken as a file is opened (before a migration).
 */
function finish(partial: string, dest: string, nativeBinding: string | undefined): void {
  const copy = withoutWal(partial, nativeBinding);
  try {
    checked(copy);
  } finally {
    copy.close();
  }
  fsyncPath(partial);
  renameSync(partial, dest);
  // The rename is durable once the folder's entry is; Windows cannot open a folder to flush it.
  if (process.platform !== 'win32') fsyncPath(dirname(dest));
}

/**
 * The same on the data thread, without holding it: the flushes run on the thread pool, and the
 * copy is not checked here, since SQLite's check reads the whole file (a quarter of a second for
 * 100,000 members) and every backup is checked before it is offered for a restore
 * (backupRestores), which is when a bad copy would matter.
 */
async function finishAsync(partial: string, dest: string, nativeBinding: string | undefined): Promise<void> {
  withoutWal(partial, nativeBinding).close();
  await fsyncPathAsync(partial);
  renameSync(partial, dest);
  if (process.platform !== 'win32') await fsyncPathAsync(dirname(dest));
}

export interface SnapshotOptions {
  /** The better-sqlite3 build the connection was opened with (Electron's, in the app). */
  nativeBinding?: string;
  now?: () => Date;
}

/**
 * Copies the chapter as its last commit left it to `dest` with SQLite's online backup API, which
 * copies a few pages at a time between turns of the event loop, so the data thread keeps answering
 * while a large file is copied. The copy is private (0600) from its first byte, and only a complete,
 * checked copy ever has the name `dest`.
 */
export async function writeSnapshot(db: Db, dest: string, options: SnapshotOptions = {}): Promise<void> {
  removeStalePartials(dirname(dest), (options.now?.() ?? new Date()).getTime());
  const partial = partialPath(dest);
  writePrivateFile(partial, '');
  try {
    await db.backup(partial);
    await finishAsync(partial, dest, options.nativeBinding);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * The same copy, taken synchronously with `VACUUM INTO`, for the one place that cannot wait for the
 * event loop: opening a file whose schema is about to be migrated. It holds a read transaction
 * while it copies, which in WAL mode blocks no writer.
 */
export function writeSnapshotSync(db: Db, dest: string, options: SnapshotOptions = {}): void {
  removeStalePartials(dirname(dest), (options.now?.() ?? new Date()).getTime());
  const partial = partialPath(dest);
  writePrivateFile(partial, '');
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    finish(partial, dest, options.nativeBinding);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
