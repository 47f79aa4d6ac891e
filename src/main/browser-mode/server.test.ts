import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestChapter, tempDir, type TestChapter } from '../../../tests/helpers/chapter';
import { dispatch } from '../api/dispatch';
import { startBrowserMode, type BrowserModeServer } from './server';

let chapter: TestChapter;
let server: BrowserModeServer;
let renderer: { dir: string; cleanup(): void };

beforeEach(async () => {
  chapter = openTestChapter();
  renderer = tempDir();
  writeFileSync(join(renderer.dir, 'index.html'), '<!doctype html><title>ChapterDesk</title>');
  server = await startBrowserMode({
    call: (name, input) => dispatch(chapter.handlers, name, input),
    rendererDir: renderer.dir,
    port: 0,
  });
});
afterEach(async () => {
  await server.close();
  chapter.close();
  renderer.cleanup();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw node:http so the test controls the Host header, which fetch would not let it forge. */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        let data = '';
        res.on('data', (chunk: Buffer) => (data += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface EarlyReply extends Reply {
  /** Body bytes written before the response began. */
  sentBeforeReply: number;
}

/**
 * Streams `total` bytes of body (declared in Content-Length) as fast as the server takes them, and
 * stops at the first byte of the response, which a refusal sends before reading the body.
 */
function stream(path: string, headers: Record<string, string>, total: number): Promise<EarlyReply> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    let answered = false;
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path,
        headers: { host: `127.0.0.1:${server.port}`, 'content-length': String(total), ...headers },
      },
      (res) => {
        answered = true;
        const sentBeforeReply = sent;
        let data = '';
        res.on('data', (part: Buffer) => (data += part.toString()));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data, sentBeforeReply });
        });
      },
    );
    // Writing on after the server has answered and closed fails (EPIPE): expected then.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < total) {
        const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += part.length;
        if (!req.write(part)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

const json = { 'content-type': 'application/json' };
const auth = () => ({ ...json, authorization: `Bearer ${server.token}` });

describe('browser mode', () => {
  it('prints a loopback URL carrying the per-launch token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('runs contract operations for the token holder', async () => {
    const created = await send('POST', '/api/members.create', auth(), JSON.stringify({ firstName: 'Ada' }));
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { firstName: 'Ada' } });
    const got = await send('POST', '/api/chapter.get', auth(), 'null');
    expect(JSON.parse(got.body)).toMatchObject({ ok: true, value: { name: 'Lyon' } });
  });

  it('refuses the API without the token or with a wrong one, and writes nothing', async () => {
    for (const headers of [
      json,
      { ...json, authorization: 'Bearer wrong' },
      { ...json, authorization: server.token },
    ]) {
      const reply = await send('POST', '/api/members.create', headers, JSON.stringify({ firstName: 'Eve' }));
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORISED' } });
    }
    expect(chapter.db.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 0 });
  });

  it('refuses a wrong token before reading the body, however large', async () => {
    const MB = 1024 * 1024;
    const wrong = { ...json, authorization: 'Bearer wrong' };
    // Within the import's 210 MB limit: refused after a small part has crossed, never parsed.
    const within = await stream('/api/imports.inspect', wrong, 150 * MB);
    expect(within.status).toBe(401);
    expect(JSON.parse(within.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORISED' } });
    expect(within.headers['connection']).toBe('close');
    expect(within.sentBeforeReply).toBeLessThan(16 * MB);
    // Past the limit: the token is the first thing checked, so the answer is 401, not 413.
    const beyond = await stream('/api/imports.inspect', wrong, 300 * MB);
    expect(beyond.status).toBe(401);
    expect(beyond.sentBeforeReply).toBeLessThan(16 * MB);
    const small = await stream('/api/members.create', wrong, 4 * MB);
    expect(small.status).toBe(401);
    // The token holder's oversized import is still refused for its size.
    expect((await stream('/api/imports.inspect', auth(), 300 * MB)).status).toBe(413);
    expect(chapter.db.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 0 });
  });

  it('refuses requests that name another host (DNS rebinding)', async () => {
    const reply = await send(
      'POST',
      '/api/chapter.get',
      { ...auth(), host: `evil.example:${server.port}` },
      'null',
    );
    expect(reply.status).toBe(403);
  });

  it('maps contract errors to HTTP statuses with the Result body', async () => {
    const invalid = await send('POST', '/api/members.create', auth(), JSON.stringify({ email: 'nope' }));
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await send('POST', '/api/members.wipe', auth(), '{}');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: { code: 'UNKNOWN_OPERATION' } });
    const malformed = await send('POST', '/api/members.create', auth(), '{"firstName":');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses an oversized body', async () => {
    const reply = await send(
      'POST',
      '/api/members.create',
      auth(),
      JSON.stringify({ notes: 'x'.repeat(2 * 1024 * 1024) }),
    );
    expect(reply.status).toBe(413);
  });

  it('serves the app with a strict CSP and no sniffing', async () => {
    const page = await send('GET', '/', {});
    expect(page.status).toBe(200);
    expect(page.body).toContain('ChapterDesk');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });
});
