import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 021: metered connection, bytes counted', () => {
  it('leaves a laptop unmetered with nothing counted, and refuses a month or a way it does not know', () => {
    const db = new Database(':memory:');
    migrate(db, 20);
    migrate(db, 21);
    expect(userVersion(db)).toBe(21);
    expect(db.prepare(`SELECT count(*) AS n FROM network_settings`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT count(*) AS n FROM sync_traffic`).get()).toEqual({ n: 0 });
    expect(() =>
      db
        .prepare(`INSERT INTO sync_traffic (month, channel, sent, received) VALUES ('Dec', 'server', 1, 1)`)
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO sync_traffic (month, channel, sent, received) VALUES ('2026-12', 'bluetooth', 1, 1)`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO network_settings (singleton, metered, monthly_budget_bytes, large_push_bytes) VALUES (1, 1, 0, 1)`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
