import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers, type Handlers } from '../../src/main/api/handlers';
import { openDatabase, type Db } from '../../src/main/db/open';

export interface TestChapter {
  db: Db;
  handlers: Handlers;
  path: string;
  clock: { now: Date };
  close(): void;
}

/** A temporary folder removed when the test process ends or `cleanup` is called. */
export function tempDir(prefix = 'chapterdesk-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real SQLite file with a set-up chapter and a clock the test controls. */
export function openTestChapter(
  options: { country?: string; at?: string; setup?: boolean; path?: string } = {},
): TestChapter {
  const temp = options.path ? null : tempDir();
  const path = options.path ?? join(temp!.dir, 'chapter.sqlite');
  const clock = { now: new Date(options.at ?? '2026-03-15T10:00:00Z') };
  const db = openDatabase(path);
  const handlers = createHandlers(db, { now: () => new Date(clock.now) });
  if (options.setup !== false) {
    handlers['chapter.setup']({
      name: 'Lyon',
      country: options.country ?? 'FR',
      currency: 'EUR',
      officerName: 'Amina',
      locale: 'en',
      createDefaultTypes: true,
    });
  }
  return {
    db,
    handlers,
    path,
    clock,
    close: () => {
      db.close();
      temp?.cleanup();
    },
  };
}
