import type { Db } from './open';

const TRIGGER = 'members_fts_insert';

/**
 * Runs `write`, which inserts many members, with the search index filled once at the end instead
 * of by the insert trigger row by row: one INSERT … SELECT into the full-text index costs less than
 * half of 100,000 trigger runs, the largest single cost of a large import.
 *
 * Must run inside the caller's transaction, and works in a savepoint of it: the trigger is dropped
 * and re-created from its own stored SQL there, so no other connection ever sees it missing, and
 * should `write` fail, rolling back to the savepoint restores it and the error is the caller's
 * (a failed, cancelled or dry-run import). Members are rowid rows, so the new ones are exactly those
 * above the largest rowid from before. `write` must not update or delete the members it inserts:
 * the update and delete triggers, still in place, would remove them from an index they are not in.
 */
export function withSearchIndexDeferred<T>(db: Db, write: () => T): T {
  if (!db.inTransaction) throw new Error('withSearchIndexDeferred must run inside a transaction');
  const trigger = db
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`)
    .pluck()
    .get(TRIGGER) as string | undefined;
  if (!trigger) return write();
  const before = db.prepare(`SELECT coalesce(max(rowid), 0) FROM members`).pluck().get() as number;
  const columns = (db.prepare(`SELECT name FROM pragma_table_info('members_fts')`).pluck().all() as string[])
    .map((name) => `"${name.replace(/"/g, '""')}"`)
    .join(', ');
  return db.transaction(() => {
    db.exec(`DROP TRIGGER ${TRIGGER}`);
    const result = write();
    db.exec(trigger);
    db.prepare(
      `INSERT INTO members_fts (rowid, ${columns}) SELECT rowid, ${columns} FROM members WHERE rowid > ?`,
    ).run(before);
    return result;
  })();
}
