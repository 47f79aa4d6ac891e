import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 004: row-created log entries', () => {
  it('keeps the per-field entries a version 3 file already holds', () => {
    const db = new Database(':memory:');
    migrate(db, 3);
    db.prepare(
      `INSERT INTO changes (tbl, row_id, col, value, hlc, node_id) VALUES ('members', 'm1', 'city', '"Lyon"', '000000000000001:000000:n', 'n')`,
    ).run();
    migrate(db, 4);
    expect(userVersion(db)).toBe(4);
    expect(db.prepare('SELECT row_id, col, value, pushed FROM changes').all()).toEqual([
      { row_id: 'm1', col: 'city', value: '"Lyon"', pushed: 0 },
    ]);
    db.close();
  });
});
