import Database from 'better-sqlite3';
import { makeFilePrivate } from '../../node/private-files';
import { AppError } from '../../shared/errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * Path to a better_sqlite3.node built for the running runtime. The Electron main process passes
   * its Electron-ABI build here; Node (tests, CLI, server) uses the package's default build.
   */
  nativeBinding?: string;
  /** Stop after this schema version (migration tests open at N-1, seed, then migrate to N). */
  targetVersion?: number;
}

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * The chapter file and the -wal and -shm files SQLite keeps beside it, owner only. SQLite creates
 * -wal and -shm with the main file's mode, so a 0600 database gets 0600 companions; chmodding
 * existing ones covers those an earlier version (or a connection still open) left at 0644.
 */
function makeDatabasePrivate(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) makeFilePrivate(`${path}${suffix}`);
}

/**
 * Opens (creating if needed) a chapter database and brings its schema up to date.
 * A file written by a newer ChapterDesk is refused before anything is written to it.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const onDisk = path !== ':memory:';
  try {
    // A new file is still empty here, so nothing was ever readable by others.
    if (onDisk) makeDatabasePrivate(path);
    const found = userVersion(db);
    if (found > LATEST_VERSION) {
      throw new AppError(
        'DB_TOO_NEW',
        `This chapter file was written by a newer version of ChapterDesk (schema ${found}; this version knows up to ${LATEST_VERSION}). Update ChapterDesk to open it; the file has not been changed.`,
      );
    }
    if (onDisk) {
      db.pragma('journal_mode = WAL');
      makeDatabasePrivate(path);
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -32768');
    migrate(db, options.targetVersion ?? LATEST_VERSION);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Applies every pending migration up to `target` in one transaction, with user_version. */
export function migrate(
  db: Db,
  target: number = LATEST_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  const current = userVersion(db);
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql);
    db.pragma(`user_version = ${Number(pending[pending.length - 1]!.version)}`);
  })();
}
