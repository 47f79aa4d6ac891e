import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 008: postal address', () => {
  it('keeps every member and gives them empty address fields', () => {
    const db = new Database(':memory:');
    migrate(db, 7);
    db.exec(`
      INSERT INTO members (id, first_name, city, country, created_at, updated_at)
        VALUES ('m1', 'Awa', 'Dakar', 'SN', 'c', 'u');
    `);
    migrate(db, 8);
    expect(userVersion(db)).toBe(8);
    expect(
      db
        .prepare(
          `SELECT id, first_name, city, country, address_line1, address_line2, postal_code, region FROM members`,
        )
        .all(),
    ).toEqual([
      {
        id: 'm1',
        first_name: 'Awa',
        city: 'Dakar',
        country: 'SN',
        address_line1: null,
        address_line2: null,
        postal_code: null,
        region: null,
      },
    ]);
    db.close();
  });
});
