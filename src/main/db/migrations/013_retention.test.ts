import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 013: how long lapsed members are kept', () => {
  it('keeps the chapter as it was, with retention off', () => {
    const db = new Database(':memory:');
    migrate(db, 12);
    db.exec(`
      INSERT INTO chapter (id, name, country, currency, grace_days, locale, created_at, updated_at)
        VALUES ('c1', 'Lyon', 'FR', 'EUR', 45, 'fr', 'c', 'u');
    `);
    migrate(db, 13);
    expect(userVersion(db)).toBe(13);
    expect(db.prepare(`SELECT name, grace_days, retention_years FROM chapter`).all()).toEqual([
      { name: 'Lyon', grace_days: 45, retention_years: null },
    ]);
    db.close();
  });
});
