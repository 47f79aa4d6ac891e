import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 011: the digits after a member number’s prefix', () => {
  it('keeps every member and indexes the digits of numbers with a prefix, and only those', () => {
    const db = new Database(':memory:');
    migrate(db, 10);
    db.exec(`
      INSERT INTO members (id, member_number, created_at, updated_at) VALUES
        ('m1', '17', 'c', 'u'), ('m2', 'K3M-17', 'c', 'u'), ('m3', 'K3M-170', 'c', 'u'), ('m4', NULL, 'c', 'u');
    `);
    migrate(db, 11);
    expect(userVersion(db)).toBe(11);
    expect(db.prepare(`SELECT id, member_number FROM members ORDER BY id`).all()).toEqual([
      { id: 'm1', member_number: '17' },
      { id: 'm2', member_number: 'K3M-17' },
      { id: 'm3', member_number: 'K3M-170' },
      { id: 'm4', member_number: null },
    ]);
    const digits = `substr(member_number, instr(member_number, '-') + 1)`;
    const query = `SELECT id FROM members INDEXED BY members_number_digits
      WHERE deleted = 0 AND instr(member_number, '-') > 0 AND ${digits} >= '17' AND ${digits} < '17\uffff'
      ORDER BY ${digits}`;
    expect(db.prepare(query).all()).toEqual([{ id: 'm2' }, { id: 'm3' }]);
    db.close();
  });
});
