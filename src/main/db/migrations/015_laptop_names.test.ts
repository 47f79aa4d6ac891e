import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 015: the names of the other laptops', () => {
  it('keeps the change log and starts with no names, one per node', () => {
    const db = new Database(':memory:');
    migrate(db, 14);
    db.exec(`INSERT INTO changes (tbl, row_id, col, value, hlc, node_id, officer)
      VALUES ('members', 'm1', 'city', '"Dakar"', '000000000000001:000000:aa', 'aa', 'Amina')`);
    migrate(db, 15);
    expect(userVersion(db)).toBe(15);
    expect(db.prepare(`SELECT officer FROM changes`).all()).toEqual([{ officer: 'Amina' }]);
    expect(db.prepare(`SELECT count(*) AS n FROM laptop_names`).get()).toEqual({ n: 0 });
    db.prepare(`INSERT INTO laptop_names (node_id, name) VALUES ('aa', 'Amina')`).run();
    expect(() => db.prepare(`INSERT INTO laptop_names (node_id, name) VALUES ('aa', 'Ben')`).run()).toThrow(
      /UNIQUE/,
    );
    db.close();
  });
});
