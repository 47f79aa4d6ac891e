import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 014: the chapter key', () => {
  it('gives an existing chapter a random key of its own, unconfirmed, and keeps its members', () => {
    const files = [new Database(':memory:'), new Database(':memory:')];
    for (const db of files) {
      migrate(db, 13);
      db.exec(`
        INSERT INTO members (id, email, created_at, updated_at) VALUES
          ('m1', 'amina@example.org', 'c', 'u'), ('m2', NULL, 'c', 'u');
      `);
      migrate(db, 14);
      expect(userVersion(db)).toBe(14);
      expect(db.prepare(`SELECT id, email, merged_into FROM members ORDER BY id`).all()).toEqual([
        { id: 'm1', email: 'amina@example.org', merged_into: null },
        { id: 'm2', email: null, merged_into: null },
      ]);
    }
    const keys = files.map(
      (db) =>
        db.prepare(`SELECT member_key, confirmed FROM chapter_key`).all() as {
          member_key: string;
          confirmed: number;
        }[],
    );
    for (const rows of keys) {
      expect(rows).toHaveLength(1);
      expect(rows[0]!.member_key).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0]!.confirmed).toBe(0);
    }
    expect(keys[0]![0]!.member_key).not.toBe(keys[1]![0]!.member_key);
    // The key is local: no change-log entry carries it.
    expect(files[0]!.prepare(`SELECT count(*) AS n FROM changes WHERE tbl = 'chapter_key'`).get()).toEqual({
      n: 0,
    });
    files.forEach((db) => db.close());
  });
});
