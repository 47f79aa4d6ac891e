import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 016: chapter settings', () => {
  it('keeps the chapter as it was, with no officer list and the delimiter left to the language', () => {
    const db = new Database(':memory:');
    migrate(db, 15);
    db.exec(`
      INSERT INTO chapter (id, name, country, currency, grace_days, locale, created_at, updated_at)
        VALUES ('c1', 'Dakar', 'SN', 'XOF', 30, 'fr', 'c', 'u');
    `);
    migrate(db, 16);
    expect(userVersion(db)).toBe(16);
    expect(db.prepare(`SELECT name, country, officers, csv_delimiter FROM chapter`).all()).toEqual([
      { name: 'Dakar', country: 'SN', officers: null, csv_delimiter: null },
    ]);
    db.close();
  });
});
