import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHandlers, type Handlers } from '../main/api/handlers';
import { openDatabase, type Db } from '../main/db/open';
import { createSyncService, type SyncService } from '../main/sync/service';
import { AppError } from '../shared/errors';

export interface OpenChapter {
  db: Db;
  handlers: Handlers;
}

/** Opens the chapter file for a command; `mustExist` keeps a typo from creating an empty file. */
export function openChapter(
  path: string,
  { mustExist, autoSync = false }: { mustExist: boolean; autoSync?: boolean },
): OpenChapter & { sync: SyncService } {
  const full = resolve(path);
  if (mustExist && !existsSync(full)) {
    throw new AppError(
      'NOT_FOUND',
      `No chapter database at ${full}. Create one with: chapterdesk init --db ${path} …`,
    );
  }
  const db = openDatabase(full);
  const sync = createSyncService({ db, now: () => new Date(), autoSync });
  return { db, sync, handlers: createHandlers(db, { sync }) };
}

/** Runs a handler result through the same checks as the app, turning failures into AppErrors. */
export function unwrap<T>(
  result: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new AppError(result.error.code as never, result.error.message);
  return result.value as T;
}
