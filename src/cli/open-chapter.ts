import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { createHandlers, type Handlers } from '../main/api/handlers';
import { queueBehindWriters } from '../main/data-thread/writers';
import { databaseFile, openDatabase, type Db } from '../main/db/open';
import { createBackupService, newestGoodBackup } from '../main/services/backup/service';
import { createSyncService, type SyncService } from '../main/sync/service';
import { AppError } from '../shared/errors';

/** Before a write another connection refused runs again. */
const OTHER_WRITER_PAUSE_MS = 100;

export interface OpenChapter {
  db: Db;
  handlers: Handlers;
}

/** A damaged file is refused with the backup that would put it right, and the command to restore it. */
function openOrSayWhichBackup(path: string): Db {
  try {
    return openDatabase(path);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'DB_DAMAGED')) throw error;
    const good = newestGoodBackup(path);
    throw new AppError(
      'DB_DAMAGED',
      good
        ? `${error.message} The newest backup that passes its check is ${good.name} (${good.createdAt}): chapterdesk restore ${good.name} --db ${path}`
        : `${error.message} No automatic backup of it passes its check; restore one saved elsewhere with: chapterdesk restore FILE --db ${path}`,
    );
  }
}

/**
 * Opens the chapter file for a command; `mustExist` keeps a typo from creating an empty file.
 * `created` says this call made the file, which a command that then fails removes (see below).
 */
export function openChapter(
  path: string,
  { mustExist, autoSync = false }: { mustExist: boolean; autoSync?: boolean },
): OpenChapter & { sync: SyncService; created: boolean } {
  const full = resolve(path);
  if (mustExist && !existsSync(full)) {
    throw new AppError(
      'NOT_FOUND',
      `No chapter database at ${full}. Create one with: chapterdesk init --db ${path} …`,
    );
  }
  const created = !existsSync(full);
  const db = openOrSayWhichBackup(full);
  const sync = createSyncService({ db, now: () => new Date(), autoSync });
  // The app may be writing to the same file (browser mode, the desktop app): a write it refused
  // with SQLITE_BUSY_SNAPSHOT, which SQLite's busy timeout does not wait out, runs again.
  const handlers = queueBehindWriters(db, createHandlers(db, { sync }), () => pause(OTHER_WRITER_PAUSE_MS));
  return { db, sync, created, handlers };
}

/** An automatic backup before a command writes a file into the chapter, as the app makes one. */
export async function backUpBeforeImport(db: Db): Promise<void> {
  const dbPath = databaseFile(db);
  if (dbPath) await createBackupService({ db, dbPath, now: () => new Date() }).automatic('import');
}

/**
 * Deletes a chapter file (closed) that a failed command created: left behind, the next `init`
 * would find a file and the app would take it for a chapter that was never set up.
 */
export function removeChapterFile(path: string): void {
  const full = resolve(path);
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${full}${suffix}`, { force: true });
}

/** Runs a handler result through the same checks as the app, turning failures into AppErrors. */
export function unwrap<T>(
  result: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new AppError(result.error.code as never, result.error.message);
  return result.value as T;
}
