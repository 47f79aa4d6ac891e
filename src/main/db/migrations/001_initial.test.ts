import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 001: initial schema', () => {
  it('creates the tables, the change log and a search index kept in step by triggers', () => {
    const db = new Database(':memory:');
    migrate(db, 0);
    expect(userVersion(db)).toBe(0);
    migrate(db, 1);
    expect(userVersion(db)).toBe(1);

    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['device', 'chapter', 'membership_types', 'members', 'changes']),
    );

    const insert = db.prepare(
      `INSERT INTO members (id, first_name, last_name, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')`,
    );
    insert.run('a', 'Hélène', 'Dupré');
    const find = (q: string) =>
      (
        db
          .prepare(
            `SELECT m.id FROM members_fts f JOIN members m ON m.rowid = f.rowid WHERE members_fts MATCH ?`,
          )
          .all(q) as {
          id: string;
        }[]
      ).map((r) => r.id);
    expect(find('"helene"*')).toEqual(['a']);
    db.prepare(`UPDATE members SET first_name = 'Claire' WHERE id = 'a'`).run();
    expect(find('"helene"*')).toEqual([]);
    expect(find('"claire"')).toEqual(['a']);
    db.close();
  });
});
