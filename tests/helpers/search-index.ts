import { expect } from 'vitest';
import type { Db } from '../../src/main/db/open';

/**
 * Checks the search index against the members it indexes: sound, and holding exactly the words of
 * each member's columns folded (`fold_text`). The index keeps no copy of the members' text, so
 * SQLite's own integrity check can no longer compare the two; this indexes the members afresh in a
 * temporary index of the same definition and compares every word, row, column and position.
 */
export function expectSearchIndexInStep(db: Db): void {
  db.exec(`INSERT INTO members_fts (members_fts, rank) VALUES ('integrity-check', 0)`);
  const definition = db
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'members_fts'`)
    .pluck()
    .get() as string;
  const columns = db.prepare(`SELECT name FROM pragma_table_info('members_fts')`).pluck().all() as string[];
  db.exec(definition.replace(/^CREATE VIRTUAL TABLE members_fts/, 'CREATE VIRTUAL TABLE temp.expected_fts'));
  try {
    db.exec(
      `INSERT INTO temp.expected_fts (rowid, ${columns.join(', ')})
       SELECT rowid, ${columns.map((c) => `fold_text(${c})`).join(', ')} FROM members`,
    );
    db.exec(`CREATE VIRTUAL TABLE temp.actual_words USING fts5vocab(main, members_fts, instance)`);
    db.exec(`CREATE VIRTUAL TABLE temp.expected_words USING fts5vocab(temp, expected_fts, instance)`);
    const differing = (from: string, to: string) =>
      db
        .prepare(
          `SELECT term, doc, col, offset FROM temp.${from} EXCEPT SELECT term, doc, col, offset FROM temp.${to}`,
        )
        .all();
    expect({
      stale: differing('actual_words', 'expected_words'),
      missing: differing('expected_words', 'actual_words'),
    }).toEqual({ stale: [], missing: [] });
  } finally {
    db.exec(
      `DROP TABLE IF EXISTS temp.actual_words; DROP TABLE IF EXISTS temp.expected_words; DROP TABLE temp.expected_fts`,
    );
  }
}
