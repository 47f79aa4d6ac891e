import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 002: sync bookkeeping', () => {
  it('keeps existing changes in the outbox and adds sync state, conflicts and held changes', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare(
      `INSERT INTO changes (tbl, row_id, col, value, hlc, node_id) VALUES ('members', 'm1', 'city', '"Lyon"', '000000000000001:000000:n', 'n')`,
    ).run();
    migrate(db, 2);
    expect(userVersion(db)).toBe(2);
    expect(db.prepare('SELECT col, pushed, reject_reason FROM changes').all()).toEqual([
      { col: 'city', pushed: 0, reject_reason: null },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM sync_state').get()).toEqual({ n: 0 });
    db.prepare(
      `INSERT INTO conflicts (tbl, row_id, col, lost_value, lost_hlc, lost_node, won_value, won_hlc, won_node, detected_at)
       VALUES ('members', 'm1', 'city', '"A"', 'h1', 'n1', '"B"', 'h2', 'n2', 'now')`,
    ).run();
    db.prepare('INSERT INTO held_changes (change_seq) VALUES (1)').run();
    expect(() => db.prepare('INSERT INTO held_changes (change_seq) VALUES (999)').run()).toThrow(
      /FOREIGN KEY/,
    );
    db.close();
  });
});
