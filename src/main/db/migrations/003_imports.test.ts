import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 003: import history', () => {
  it('adds import batches, their effects and remembered mappings to a database with members', () => {
    const db = new Database(':memory:');
    migrate(db, 2);
    db.prepare(
      `INSERT INTO members (id, first_name, created_at, updated_at) VALUES ('m1', 'Ana', 'x', 'x')`,
    ).run();
    migrate(db, 3);
    expect(userVersion(db)).toBe(3);
    expect(db.prepare('SELECT id, first_name FROM members').all()).toEqual([{ id: 'm1', first_name: 'Ana' }]);
    db.prepare(
      `INSERT INTO import_batches (id, file_name, officer, created_at, mapping, rows, created, updated, unchanged, rejected, possible_duplicates)
       VALUES ('b1', 'f.csv', 'Ana', 'now', '{}', 1, 1, 0, 0, 0, 0)`,
    ).run();
    db.prepare(
      `INSERT INTO import_effects (batch_id, member_id, action) VALUES ('b1', 'm1', 'created')`,
    ).run();
    expect(() =>
      db
        .prepare(`INSERT INTO import_effects (batch_id, member_id, action) VALUES ('b1', 'm2', 'exploded')`)
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
