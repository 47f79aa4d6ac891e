import { foldText } from '../../shared/text';
import type { Db } from './open';

const TRIGGER = 'members_fts_insert';

/**
 * `fold_text(x)`: foldText in SQL, for the search index's triggers, which index every column
 * folded as a search's terms are (the tokenizer alone leaves Ł, Ø or ß as they are, so "lukasik"
 * would not find "Łukasik"). Any connection writing members needs it: without it the triggers fail
 * the write ("no such function"), never index a member unfolded.
 */
export function registerTextFunctions(db: Db): void {
  db.function('fold_text', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldText(value) : value,
  );
}

/**
 * SQL for `value` folded as foldText folds it. Plain printable ASCII, most text, is folded in SQL
 * (lower and trim are all foldText does to it): calling out to JavaScript for every value nearly
 * doubles the time an import of 100,000 members spends filling the search index.
 */
export function foldedSql(value: string): string {
  return `CASE WHEN ${value} GLOB '*[^ -~]*' THEN fold_text(${value}) ELSE lower(trim(${value})) END`;
}

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
  const names = (
    db.prepare(`SELECT name FROM pragma_table_info('members_fts')`).pluck().all() as string[]
  ).map((name) => `"${name.replace(/"/g, '""')}"`);
  const columns = names.join(', ');
  const folded = names.map(foldedSql).join(', ');
  return db.transaction(() => {
    db.exec(`DROP TRIGGER ${TRIGGER}`);
    const result = write();
    db.exec(trigger);
    db.prepare(
      `INSERT INTO members_fts (rowid, ${columns}) SELECT rowid, ${folded} FROM members WHERE rowid > ?`,
    ).run(before);
    // What the dropped trigger also did: a new member whose custom values sync brought before them.
    db.prepare(
      `UPDATE members SET custom_text = (SELECT group_concat(v.value, ' ')
         FROM member_field_values v JOIN custom_fields f ON f.id = v.field_id
         WHERE v.member_id = members.id AND v.value IS NOT NULL AND f.retired = 0 AND f.kind IN ('text', 'choice'))
       WHERE rowid > ? AND EXISTS (SELECT 1 FROM member_field_values WHERE member_id = members.id)`,
    ).run(before);
    return result;
  })();
}

const CUSTOM_TEXT_TRIGGERS = [
  'member_field_values_search_insert',
  'member_field_values_search_update',
  'member_field_values_search_delete',
];

/**
 * Members' search text computed once per member, when `finish` is called, instead of by the
 * triggers once per value: re-indexing a member row by row costs about fifteen times as much when
 * the values are words most members share ("Member", a T-shirt size), as an import's columns and a
 * page of pulled values are. Whoever writes values meanwhile names their members with `touch`.
 * Must run inside the caller's transaction, which puts the triggers back should it roll back (no
 * other connection ever sees them missing); `finish` puts them back otherwise.
 */
export function deferCustomText(db: Db): { touch: (memberId: string) => void; finish: () => void } {
  if (!db.inTransaction) throw new Error('deferCustomText must run inside a transaction');
  const triggers = CUSTOM_TEXT_TRIGGERS.map(
    (name) =>
      db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).pluck().get(name) as
        string | undefined,
  ).filter((sql): sql is string => sql !== undefined);
  for (const name of CUSTOM_TEXT_TRIGGERS) db.exec(`DROP TRIGGER IF EXISTS ${name}`);
  const members = new Set<string>();
  return {
    touch: (memberId) => members.add(memberId),
    finish: () => {
      for (const sql of triggers) db.exec(sql);
      if (members.size === 0) return;
      const text = `(SELECT group_concat(v.value, ' ')
        FROM member_field_values v JOIN custom_fields f ON f.id = v.field_id
        WHERE v.member_id = members.id AND v.value IS NOT NULL AND f.retired = 0 AND f.kind IN ('text', 'choice'))`;
      db.prepare(
        `UPDATE members SET custom_text = ${text}
         WHERE id IN (SELECT value FROM json_each(?)) AND custom_text IS NOT ${text}`,
      ).run(JSON.stringify([...members]));
    },
  };
}

/** `write` with the members' search text deferred (`deferCustomText`), in a savepoint of its own. */
export function withCustomTextDeferred<T>(db: Db, write: (touch: (memberId: string) => void) => T): T {
  if (!db.inTransaction) throw new Error('withCustomTextDeferred must run inside a transaction');
  return db.transaction(() => {
    const deferred = deferCustomText(db);
    const result = write(deferred.touch);
    deferred.finish();
    return result;
  })();
}
