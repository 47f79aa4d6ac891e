import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 019: retired membership types, remembered type choices', () => {
  it('keeps every type as it was, still given, and remembers no choice yet', () => {
    const db = new Database(':memory:');
    migrate(db, 18);
    db.exec(`
      INSERT INTO membership_types (id, name, kind, fee_minor, currency, period_months, created_at, updated_at)
        VALUES ('t1', 'Étudiant', 'student', 1500, 'EUR', 12, 'c', 'u');
    `);
    migrate(db, 19);
    expect(userVersion(db)).toBe(19);
    expect(db.prepare(`SELECT name, kind, fee_minor, retired FROM membership_types`).all()).toEqual([
      { name: 'Étudiant', kind: 'student', fee_minor: 1500, retired: 0 },
    ]);
    expect(db.prepare(`SELECT count(*) AS n FROM import_type_choices`).get()).toEqual({ n: 0 });
    db.close();
  });
});
