import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { getNetworkSettings, isMetered, meteredDecision, setNetworkSettings } from './metered';
import { monthTraffic, recordTraffic, trafficFigures } from './traffic';

let dir: string;
let db: Db;
const december = new Date(2026, 11, 15, 12);

let rows = 0;
/** An edit waiting in the outbox, of about this many bytes. */
function pend(bytes: number): void {
  db.prepare(
    `INSERT INTO changes (tbl, row_id, col, value, hlc, node_id, officer, pushed)
     VALUES ('members', ?, 'notes', ?, '000000000000001-0000-aaaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaa', NULL, 0)`,
  ).run(`m${++rows}`, JSON.stringify('x'.repeat(bytes)));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'metered-'));
  db = openDatabase(join(dir, 'chapter.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('metered connection', () => {
  it('is off on a laptop never set, and kept once set, in the file', () => {
    expect(getNetworkSettings(db)).toEqual({
      metered: false,
      monthlyBudgetBytes: null,
      largePushBytes: 1_000_000,
    });
    setNetworkSettings(db, { metered: true, monthlyBudgetBytes: 50_000_000, largePushBytes: 200_000 });
    db.close();
    db = openDatabase(join(dir, 'chapter.sqlite'));
    expect(isMetered(db)).toBe(true);
    expect(getNetworkSettings(db).monthlyBudgetBytes).toBe(50_000_000);
  });

  it('refuses a budget of nothing or a fraction of a byte', () => {
    expect(() =>
      setNetworkSettings(db, { metered: true, monthlyBudgetBytes: 0, largePushBytes: 200_000 }),
    ).toThrow();
    expect(() =>
      setNetworkSettings(db, { metered: true, monthlyBudgetBytes: 500_000.5, largePushBytes: 200_000 }),
    ).toThrow();
    expect(isMetered(db)).toBe(false);
  });

  it('syncs everything automatically on an unmetered connection, whatever the month cost', () => {
    recordTraffic(db, 'server', { sent: 900_000_000, received: 900_000_000 }, december);
    pend(5_000_000);
    expect(meteredDecision(db, december, false)).toEqual({ push: true, pull: true, wait: null });
  });

  it('stops automatic sync once the month reaches its budget, and syncs again next month or when asked', () => {
    setNetworkSettings(db, { metered: true, monthlyBudgetBytes: 1_000_000, largePushBytes: 1_000_000 });
    recordTraffic(db, 'server', { sent: 300_000, received: 400_000 }, december);
    expect(meteredDecision(db, december, false).wait).toBeNull();
    // A file sent by hand and a nearby laptop cost the metered link nothing; an app update does.
    recordTraffic(db, 'file', { sent: 5_000_000, received: 0 }, december);
    recordTraffic(db, 'peer', { sent: 5_000_000, received: 5_000_000 }, december);
    expect(meteredDecision(db, december, false).wait).toBeNull();
    recordTraffic(db, 'update', { sent: 0, received: 300_000 }, december);
    expect(meteredDecision(db, december, false)).toEqual({ push: false, pull: false, wait: 'budget' });
    expect(meteredDecision(db, december, true)).toEqual({ push: true, pull: true, wait: null });
    expect(meteredDecision(db, new Date(2027, 0, 1, 9), false).wait).toBeNull();
  });

  it('holds a large push for an unmetered connection but still pulls', () => {
    setNetworkSettings(db, { metered: true, monthlyBudgetBytes: null, largePushBytes: 100_000 });
    pend(20_000);
    expect(meteredDecision(db, december, false).wait).toBeNull();
    pend(200_000);
    expect(meteredDecision(db, december, false)).toEqual({ push: false, pull: true, wait: 'large-push' });
    expect(meteredDecision(db, december, true).push).toBe(true);
    setNetworkSettings(db, { metered: false, monthlyBudgetBytes: null, largePushBytes: 100_000 });
    expect(meteredDecision(db, december, false).push).toBe(true);
  });
});

describe('bytes counted', () => {
  it('adds up per month, every way, and keeps the last exchange', () => {
    recordTraffic(db, 'server', { sent: 1200, received: 3400 }, december);
    recordTraffic(db, 'file', { sent: 0, received: 800 }, new Date(2026, 11, 20));
    recordTraffic(db, 'server', { sent: 10, received: 10 }, new Date(2026, 10, 30));
    expect(monthTraffic(db, december)).toEqual({ sent: 1200, received: 4200 });
    const figures = trafficFigures(db, december);
    expect(figures.sinceStart).toEqual({ sent: 1210, received: 4210 });
    expect(figures.lastSync).toMatchObject({ channel: 'server', sent: 10, received: 10 });
  });

  it('keeps a count another writer kept out of the file and writes it with the next one', () => {
    const other = openDatabase(join(dir, 'chapter.sqlite'));
    db.pragma('busy_timeout = 10');
    other.prepare('BEGIN IMMEDIATE').run();
    expect(() => recordTraffic(db, 'server', { sent: 100, received: 200 }, december)).not.toThrow();
    expect(trafficFigures(db, december).sinceStart).toEqual({ sent: 100, received: 200 });
    other.prepare('ROLLBACK').run();
    other.close();
    expect(monthTraffic(db, december)).toEqual({ sent: 0, received: 0 });
    recordTraffic(db, 'file', { sent: 5, received: 0 }, december);
    expect(monthTraffic(db, december)).toEqual({ sent: 105, received: 200 });
    expect(trafficFigures(db, december).lastSync).toMatchObject({ channel: 'file', sent: 5 });
  });

  it('starts again from nothing at the next start, the month kept in the file', () => {
    recordTraffic(db, 'peer', { sent: 500, received: 700 }, december);
    db.close();
    db = openDatabase(join(dir, 'chapter.sqlite'));
    const figures = trafficFigures(db, december);
    expect(figures.sinceStart).toEqual({ sent: 0, received: 0 });
    expect(figures.thisMonth).toEqual({ sent: 500, received: 700 });
  });
});
