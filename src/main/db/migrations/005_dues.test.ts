import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 005: dues', () => {
  it('keeps types and members, frees the kind, and derives paid-through from the old date and payments', () => {
    const db = new Database(':memory:');
    migrate(db, 4);
    db.exec(`
      INSERT INTO membership_types (id, name, kind, fee_minor, currency, period_months, created_at, updated_at)
        VALUES ('t1', 'Regular', 'regular', 5000, 'XOF', 12, 'c', 'u');
      INSERT INTO members (id, first_name, type_id, paid_through, created_at, updated_at)
        VALUES ('m1', 'Awa', 't1', '2025-12-31', 'c', 'u'), ('m2', 'Moussa', 't1', NULL, 'c', 'u');
    `);
    migrate(db, 5);
    expect(userVersion(db)).toBe(5);
    expect(db.prepare(`SELECT id, name, kind, fee_minor, grace_days FROM membership_types`).all()).toEqual([
      { id: 't1', name: 'Regular', kind: 'regular', fee_minor: 5000, grace_days: null },
    ]);
    // A kind from a newer version must still be storable when it arrives by sync.
    db.prepare(`UPDATE membership_types SET kind = 'family' WHERE id = 't1'`).run();
    const dues = () => db.prepare(`SELECT id, dues_through FROM members ORDER BY id`).all();
    expect(dues()).toEqual([
      { id: 'm1', dues_through: '2025-12-31' },
      { id: 'm2', dues_through: null },
    ]);

    const pay = db.prepare(
      `INSERT INTO payments (id, member_id, period_to, created_at, updated_at) VALUES (?, ?, ?, 'c', 'u')`,
    );
    pay.run('p1', 'm1', '2026-12-31');
    pay.run('p2', 'm2', '2026-06-30');
    pay.run('p3', 'm1', '2025-06-30');
    expect(dues()).toEqual([
      { id: 'm1', dues_through: '2026-12-31' },
      { id: 'm2', dues_through: '2026-06-30' },
    ]);
    db.prepare(
      `INSERT INTO payment_voids (id, payment_id, created_at, updated_at) VALUES ('v1', 'p1', 'c', 'u')`,
    ).run();
    db.prepare(
      `INSERT INTO payment_voids (id, payment_id, created_at, updated_at) VALUES ('v2', 'p2', 'c', 'u')`,
    ).run();
    expect(dues()).toEqual([
      { id: 'm1', dues_through: '2025-12-31' },
      { id: 'm2', dues_through: null },
    ]);
    // A payment that arrives before its member counts once the member row exists.
    pay.run('p4', 'm3', '2027-01-31');
    db.prepare(`INSERT INTO members (id, created_at, updated_at) VALUES ('m3', 'c', 'u')`).run();
    expect(db.prepare(`SELECT dues_through FROM members WHERE id = 'm3'`).get()).toEqual({
      dues_through: '2027-01-31',
    });
    db.close();
  });
});
