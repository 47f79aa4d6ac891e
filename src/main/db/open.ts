import Database from 'better-sqlite3';
import { makeFilePrivate } from '../../node/private-files';
import { AppError } from '../../shared/errors';
import { newBackupPath, pruneBackups } from '../services/backup/folder';
import { quickCheckPasses, writeSnapshotSync } from '../services/backup/snapshot';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { registerTextFunctions } from './search-index';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * Path to a better_sqlite3.node built for the running runtime. The Electron main process passes
   * its Electron-ABI build here; Node (tests, CLI, server) uses the package's default build.
   */
  nativeBinding?: string;
  /** Stop after this schema version (migration tests open at N-1, seed, then migrate to N). */
  targetVersion?: number;
  /**
   * Run `PRAGMA quick_check` before anything is written (default true): a damaged file is refused
   * with `DB_DAMAGED` and left as it is. Off only for a connection opened next to one that checked.
   */
  check?: boolean;
  /** Before migrating a file with an older schema, copy it to the backups folder (default true). */
  backupBeforeMigration?: boolean;
  now?: () => Date;
  /** Told the schema version found and the one reached, once the file is open (for the app's log). */
  onOpened?: (found: number, reached: number) => void;
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

/** SQLite's words for a file that is not (or no longer) a sound database. */
const DAMAGE_CODES = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT_INDEX',
  'SQLITE_CORRUPT_VTAB',
]);

export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGE_CODES.has(code);
}

export function damagedFileError(path: string, reason: string): AppError {
  return new AppError(
    'DB_DAMAGED',
    `The chapter file ${path} is damaged (${reason}). It has not been changed. Restore a backup: the damaged file is kept beside it.`,
  );
}

/**
 * Opens (creating if needed) a chapter database and brings its schema up to date.
 * A file written by a newer ChapterDesk is refused before anything is written to it, and so is a
 * damaged one (`DB_DAMAGED`, see "Backups and recovery" in docs/ARCHITECTURE.md). A file about to
 * be migrated is copied to the backups folder first.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw isDamageError(error) ? damagedFileError(path, (error as Error).message) : error;
  }
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
    if (onDisk && found > 0 && options.check !== false && !quickCheckPasses(db)) {
      throw damagedFileError(path, 'it does not pass SQLite’s quick_check');
    }
    if (onDisk) {
      db.pragma('journal_mode = WAL');
      makeDatabasePrivate(path);
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -32768');
    const target = options.targetVersion ?? LATEST_VERSION;
    if (onDisk && found > 0 && found < target && options.backupBeforeMigration !== false) {
      const now = options.now ?? (() => new Date());
      writeSnapshotSync(db, newBackupPath(path, now(), 'migration'), {
        nativeBinding: options.nativeBinding,
        now,
      });
      pruneBackups(path);
    }
    migrate(db, target);
    bindings.set(db, options.nativeBinding);
    options.onOpened?.(found, userVersion(db));
    return db;
  } catch (error) {
    db.close();
    throw isDamageError(error) ? damagedFileError(path, (error as Error).message) : error;
  }
}

/**
 * Applies every pending migration up to `target` in one transaction, with user_version. Every
 * connection to a chapter comes through here (openDatabase) or is a copy of one that did, so this
 * also gives it the SQL functions the search index's triggers call.
 */
export function migrate(
  db: Db,
  target: number = LATEST_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  registerTextFunctions(db);
  const current = userVersion(db);
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      migration.run?.(db);
    }
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
  registerTextFunctions(copy);
  bindings.set(copy, binding);
  if (!db.memory) copiedFrom.set(copy, db.name);
  return copy;
}

/** The chapter file behind a connection, also for an in-memory copy of one; null for a database in memory. */
export function databaseFile(db: Db): string | null {
  return copiedFrom.get(db) ?? (db.memory || !db.name ? null : db.name);
}
