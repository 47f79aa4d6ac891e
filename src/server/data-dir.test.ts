import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  DataDirBusyError,
  defaultAdminTokenFile,
  loadOrCreateAdminToken,
  readLiveLock,
} from './data-dir';

describe('data directory', () => {
  let dir: string;

  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'chapterdesk-data-dir-')), 'data');
  });
  afterEach(() => {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  const mode = (path: string) => statSync(path).mode & 0o777;

  it('lets one process hold the lock, private to the owner, and advertises the server in it', () => {
    const lock = acquireDataDirLock(dir, 'server');
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'server.lock'))).toBe(0o600);
    expect(() => acquireDataDirLock(dir, 'cli')).toThrow(DataDirBusyError);

    lock.update({ url: 'http://127.0.0.1:1234', adminToken: 'secret-admin-token' });
    expect(mode(join(dir, 'server.lock'))).toBe(0o600);
    expect(readLiveLock(dir)).toMatchObject({
      pid: process.pid,
      kind: 'server',
      url: 'http://127.0.0.1:1234',
      adminToken: 'secret-admin-token',
    });

    lock.release();
    expect(readLiveLock(dir)).toBeNull();
    acquireDataDirLock(dir, 'cli').release();
  });

  it('replaces a lock left behind by a process that has died', () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    acquireDataDirLock(dir, 'server').release();
    writeFileSync(join(dir, 'server.lock'), JSON.stringify({ pid: dead, kind: 'server', startedAt: '' }));
    expect(readLiveLock(dir)).toBeNull();
    const lock = acquireDataDirLock(dir, 'cli');
    expect(readLiveLock(dir)).toMatchObject({ pid: process.pid, kind: 'cli' });
    lock.release();
  });

  it('creates the admin token file once, readable by the owner only', () => {
    acquireDataDirLock(dir, 'cli').release();
    const file = defaultAdminTokenFile(dir);
    const token = loadOrCreateAdminToken(file);
    expect(token).toMatch(/^cda_[A-Za-z0-9_-]{43}$/);
    expect(mode(file)).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(`${token}\n`);
    expect(loadOrCreateAdminToken(file)).toBe(token);
    writeFileSync(file, 'short');
    expect(() => loadOrCreateAdminToken(file)).toThrow(/shorter than 16/);
  });
});
