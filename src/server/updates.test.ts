import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerServerCommands } from '../cli/server/index';
import { backends, DATABASE_TIMEOUT_MS, openTestStore, testServer, type TestStore } from './test-support';

const INSTALLER = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
const LATEST = 'version: 0.2.0\npath: ChapterDesk-0.2.0.AppImage\nsha512: abc\nreleaseDate: 2026-12-01\n';

/** A raw GET, so the path reaches the server exactly as written (fetch would resolve the dots). */
function get(base: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
    const req = request(`${base}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.path = path.startsWith('/') ? path : `/${path}`;
    req.on('error', fail);
    req.end();
  });
}

describe('the release folder under /updates/', { timeout: DATABASE_TIMEOUT_MS }, () => {
  let t: TestStore;
  let root: string;
  let releases: string;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    t = await openTestStore(backends[0]!);
    root = mkdtempSync(join(tmpdir(), 'chapterdesk-updates-'));
    releases = join(root, 'releases');
    mkdirSync(join(releases, 'old'), { recursive: true });
    writeFileSync(join(releases, 'latest-linux.yml'), LATEST);
    writeFileSync(join(releases, 'ChapterDesk-0.2.0.AppImage'), INSTALLER);
    writeFileSync(join(releases, 'ChapterDesk-0.2.0.AppImage.blockmap'), Buffer.from('blockmap'));
    writeFileSync(join(releases, '.secret'), 'hidden');
    writeFileSync(join(root, 'outside.txt'), 'the server data next door');
    symlinkSync(join(root, 'outside.txt'), join(releases, 'linked.txt'));
    symlinkSync(root, join(releases, 'build'));
    app = await testServer(t.store, { updatesDir: releases, limits: { updateRequestsPerMinute: 40 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    base = `http://127.0.0.1:${address.port}`;
  }, DATABASE_TIMEOUT_MS);
  afterAll(async () => {
    await app.close();
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves latest*.yml (never cached), installers and blockmaps without a token', async () => {
    const yml = await get(base, '/updates/latest-linux.yml');
    expect(yml.status).toBe(200);
    expect(yml.body.toString()).toBe(LATEST);
    expect(String(yml.headers['content-type'])).toMatch(/^text\/yaml/);
    expect(yml.headers['cache-control']).toBe('no-cache');
    const installer = await get(base, '/updates/ChapterDesk-0.2.0.AppImage');
    expect(installer.status).toBe(200);
    expect(installer.body.equals(INSTALLER)).toBe(true);
    expect(installer.headers['accept-ranges']).toBe('bytes');
    expect(String(installer.headers['content-type'])).toMatch(/^application\/octet-stream/);
    expect((await get(base, '/updates/ChapterDesk-0.2.0.AppImage.blockmap')).body.toString()).toBe(
      'blockmap',
    );
  });

  it('answers a byte range with 206 and only those bytes, and 416 to a range past the end', async () => {
    const part = await get(base, '/updates/ChapterDesk-0.2.0.AppImage', { range: 'bytes=1000-1999' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${INSTALLER.length}`);
    expect(part.body.equals(INSTALLER.subarray(1000, 2000))).toBe(true);
    // Resuming a download cut at 4000 bytes asks for the rest.
    const rest = await get(base, '/updates/ChapterDesk-0.2.0.AppImage', { range: 'bytes=4000-' });
    expect(rest.status).toBe(206);
    expect(rest.body.equals(INSTALLER.subarray(4000))).toBe(true);
    const beyond = await get(base, '/updates/ChapterDesk-0.2.0.AppImage', { range: 'bytes=9000-9100' });
    expect(beyond.status).toBe(416);
  });

  it('lists nothing, hides dotfiles and never leaves the folder', async () => {
    for (const path of ['/updates/', '/updates/old/', '/updates/.secret']) {
      const answer = await get(base, path);
      expect([403, 404], path).toContain(answer.status);
      expect(answer.body.toString(), path).not.toContain('latest-linux.yml');
      expect(answer.body.toString(), path).not.toContain('hidden');
    }
    for (const path of [
      '/updates/../outside.txt',
      '/updates/..%2foutside.txt',
      '/updates/%2e%2e/outside.txt',
      '/updates/old/../../outside.txt',
      '/updates/..%5coutside.txt',
      '/updates/linked.txt',
      '/updates/build/outside.txt',
    ]) {
      const answer = await get(base, path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.body.toString(), path).not.toContain('next door');
    }
  });

  it('counts against the address like the rest of the server', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await get(base, '/updates/latest-linux.yml')).status);
    expect(statuses).toContain(429);
  });
});

describe('chapterdesk server --updates', () => {
  it('refuses to start on a folder that does not exist, and says which', async () => {
    const missing = join(tmpdir(), `chapterdesk-no-such-${process.pid}`);
    const err: string[] = [];
    let failed = false;
    const program = new Command('chapterdesk').exitOverride();
    registerServerCommands(program, {
      env: {},
      io: { out: () => undefined, err: (line) => err.push(line), fail: () => (failed = true) },
    });
    try {
      await program.parseAsync(['node', 'chapterdesk', 'server', '--port', '0', '--updates', missing]);
    } catch (error) {
      if (!(error instanceof CommanderError)) throw error;
      failed = true;
    }
    expect(failed).toBe(true);
    expect(err.join('\n')).toContain(`--updates: ${missing} does not exist`);
  });
});
