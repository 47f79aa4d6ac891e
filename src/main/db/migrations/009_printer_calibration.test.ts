import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 009: printer calibration', () => {
  it('keeps every member and adds an empty table of offsets, one per printer whatever its case', () => {
    const db = new Database(':memory:');
    migrate(db, 8);
    db.exec(`
      INSERT INTO members (id, first_name, address_line1, city, created_at, updated_at)
        VALUES ('m1', 'Awa', 'Rue 10', 'Dakar', 'c', 'u');
    `);
    migrate(db, 9);
    expect(userVersion(db)).toBe(9);
    expect(db.prepare(`SELECT id, address_line1 FROM members`).all()).toEqual([
      { id: 'm1', address_line1: 'Rue 10' },
    ]);
    expect(db.prepare(`SELECT count(*) AS n FROM printer_calibration`).get()).toEqual({ n: 0 });
    const save = db.prepare(
      `INSERT INTO printer_calibration (printer, x_mm, y_mm, updated_at) VALUES (?, ?, ?, 'u')
       ON CONFLICT (printer) DO UPDATE SET x_mm = excluded.x_mm, y_mm = excluded.y_mm`,
    );
    save.run('Office HP', 1.5, -0.5);
    save.run('office hp', 2, -1);
    expect(db.prepare(`SELECT printer, x_mm, y_mm FROM printer_calibration`).all()).toEqual([
      { printer: 'Office HP', x_mm: 2, y_mm: -1 },
    ]);
    db.close();
  });
});
