import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 012: erasures', () => {
  it('keeps every member and adds an empty erasures table that takes an erasure', () => {
    const db = new Database(':memory:');
    migrate(db, 11);
    db.exec(`
      INSERT INTO members (id, first_name, email, created_at, updated_at) VALUES
        ('m1', 'Ada', 'ada@example.org', 'c', 'u'), ('m2', 'Bea', NULL, 'c', 'u');
    `);
    migrate(db, 12);
    expect(userVersion(db)).toBe(12);
    expect(db.prepare(`SELECT id, first_name, email FROM members ORDER BY id`).all()).toEqual([
      { id: 'm1', first_name: 'Ada', email: 'ada@example.org' },
      { id: 'm2', first_name: 'Bea', email: null },
    ]);
    expect(db.prepare(`SELECT count(*) AS n FROM erasures`).get()).toEqual({ n: 0 });
    db.prepare(
      `INSERT INTO erasures (id, tbl, erased_at, created_at, updated_at) VALUES ('m1', 'members', 'e', 'c', 'u')`,
    ).run();
    expect(db.prepare(`SELECT id, tbl FROM erasures`).all()).toEqual([{ id: 'm1', tbl: 'members' }]);
    db.close();
  });
});
