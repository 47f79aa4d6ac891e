import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/chapter';
import { AppError } from '../../shared/errors';
import { LATEST_VERSION } from './migrations';
import { migrate, openDatabase, userVersion } from './open';

const temps: { cleanup(): void }[] = [];
function tempPath(): string {
  const temp = tempDir();
  temps.push(temp);
  return join(temp.dir, 'chapter.sqlite');
}
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

describe('openDatabase', () => {
  it('creates a WAL database with foreign keys at the latest schema', () => {
    const db = openDatabase(tempPath());
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a database from a newer ChapterDesk and leaves the file byte for byte as it was', () => {
    const path = tempPath();
    const raw = new Database(path);
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = createHash('sha256').update(readFileSync(path)).digest('hex');

    let error: unknown;
    try {
      openDatabase(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DB_TOO_NEW');
    expect((error as AppError).message).toMatch(/newer version of ChapterDesk/);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before);
  });

  it('applies pending migrations all or nothing', () => {
    const db = new Database(':memory:');
    const broken = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE first (x)' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE second (x); SELECT * FROM missing_table' },
    ];
    expect(() => migrate(db, 2, broken)).toThrow(/missing_table/);
    expect(userVersion(db)).toBe(0);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'first'`).get()).toBeUndefined();
    db.close();
  });

  it('does nothing to a database that is already up to date', () => {
    const path = tempPath();
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(userVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });
});
