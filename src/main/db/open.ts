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

/** The native build each connection was opened with, so a copy of it loads the same one. */
const bindings = new WeakMap<Db, string | undefined>();
/** The file an in-memory copy was taken from (see openInMemoryCopy). */
const copiedFrom = new WeakMap<Db, string>();

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
    bindings.set(db, options.nativeBinding);
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

/**
 * A private in-memory copy of an open chapter file, as its last commit left it: work that must see
 * the chapter as it is and write to it without keeping anything (an import's preview) runs here,
 * so it never takes the file's write lock. Reading the copy costs the file's size in memory.
 */
export function openInMemoryCopy(db: Db): Db {
  const binding = bindings.get(db);
  const image = db.serialize();
  // The header's read and write versions say WAL (2), which a database in memory cannot use:
  // 1 makes the copy an ordinary rollback-journal database.
  image[18] = 1;
  image[19] = 1;
  const copy = new Database(image, binding ? { nativeBinding: binding } : {});
  copy.pragma('foreign_keys = ON');
  bindings.set(copy, binding);
  if (!db.memory) copiedFrom.set(copy, db.name);
  return copy;
}

/** The chapter file behind a connection, also for an in-memory copy of one; null for a database in memory. */
export function databaseFile(db: Db): string | null {
  return copiedFrom.get(db) ?? (db.memory || !db.name ? null : db.name);
}
