import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 010: what an import wrote', () => {
  it('keeps the effects of earlier imports, with nothing recorded as written', () => {
    const db = new Database(':memory:');
    migrate(db, 9);
    db.exec(`
      INSERT INTO import_batches (id, file_name, officer, created_at, mapping, rows, created, updated, unchanged, rejected, possible_duplicates)
        VALUES ('b1', 'a.csv', 'Amina', 'c', '{}', 1, 0, 1, 0, 0, 0);
      INSERT INTO import_effects (batch_id, member_id, action, previous) VALUES ('b1', 'm1', 'updated', '{"city":"Lyon"}');
    `);
    migrate(db, 10);
    expect(userVersion(db)).toBe(10);
    expect(db.prepare(`SELECT member_id, previous, written FROM import_effects`).all()).toEqual([
      { member_id: 'm1', previous: '{"city":"Lyon"}', written: null },
    ]);
    db.close();
  });
});
