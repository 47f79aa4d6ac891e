import { Writable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, pullResponseSchema } from '../shared/sync-protocol';
import { redactUrl } from './app';
import { createAdminService } from './admin-service';
import {
  ADMIN_TOKEN,
  backends,
  DATABASE_TIMEOUT_MS,
  bearer,
  change,
  enrol,
  newChapter,
  openTestStore,
  pushBody,
  testServer,
  type TestStore,
} from './test-support';

describe.each(backends)('HTTP plumbing on $name', (backend) => {
  let t: TestStore;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    t = await openTestStore(backend);
  }, DATABASE_TIMEOUT_MS);
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });
  afterAll(async () => {
    await t.close();
  }, DATABASE_TIMEOUT_MS);

  async function server(options: Parameters<typeof testServer>[1] = {}) {
    const app = await testServer(t.store, options);
    apps.push(app);
    return app;
  }

  async function listening(options: Parameters<typeof testServer>[1] = {}) {
    const app = await server(options);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    return { app, url: `http://127.0.0.1:${address.port}` };
  }

  it('inflates a gzip request body and gzips large responses', async () => {
    const { app, url } = await listening();
    const device = await enrol(app, t.store, await newChapter(t.store), 'node-g');
    const changes = Array.from({ length: 50 }, (_, i) =>
      change('node-g', Date.now(), i, { rowId: `m${i}`, col: 'notes', value: 'lorem ipsum '.repeat(10) }),
    );
    const body = gzipSync(JSON.stringify(pushBody('node-g', changes)));
    const pushed = await fetch(`${url}/v1/sync/push`, {
      method: 'POST',
      headers: { ...bearer(device.token), 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    });
    expect(pushed.status).toBe(200);
    expect(await pushed.json()).toMatchObject({ accepted: 50, rejected: [] });

    const pulled = await app.inject({
      url: '/v1/sync/pull',
      headers: { ...bearer(device.token), 'accept-encoding': 'gzip' },
    });
    expect(pulled.headers['content-encoding']).toBe('gzip');
    const page = pullResponseSchema.parse(JSON.parse(gunzipSync(pulled.rawPayload).toString('utf8')));
    expect(page.changes).toHaveLength(50);
    expect(pulled.rawPayload.length).toBeLessThan(JSON.stringify(page).length / 4);

    const garbage = await fetch(`${url}/v1/sync/push`, {
      method: 'POST',
      headers: { ...bearer(device.token), 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: 'not gzip at all',
    });
    expect(garbage.status).toBe(400);
    expect(errorBodySchema.parse(await garbage.json()).error.code).toBe('VALIDATION');

    const brotli = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { ...bearer(device.token), 'content-type': 'application/json', 'content-encoding': 'br' },
      payload: 'x',
    });
    expect(brotli.statusCode).toBe(415);
    expect(brotli.json().error.code).toBe('VALIDATION');
  });

  it('limits the body size, counting the inflated size of gzip bodies', async () => {
    const { app, url } = await listening({ limits: { bodyBytes: 20_000 } });
    const device = await enrol(app, t.store, await newChapter(t.store), 'node-l');
    const big = JSON.stringify(
      pushBody('node-l', [
        change('node-l', Date.now(), 0, { rowId: 'm', col: 'notes', value: 'x'.repeat(30_000) }),
      ]),
    );
    const headers = { ...bearer(device.token), 'content-type': 'application/json' };
    const plain = await fetch(`${url}/v1/sync/push`, { method: 'POST', headers, body: big });
    expect(plain.status).toBe(413);
    expect(errorBodySchema.parse(await plain.json()).error.code).toBe('PAYLOAD_TOO_LARGE');

    const bomb = gzipSync(big);
    expect(bomb.length).toBeLessThan(20_000);
    const inflated = await fetch(`${url}/v1/sync/push`, {
      method: 'POST',
      headers: { ...headers, 'content-encoding': 'gzip' },
      body: bomb,
    });
    expect(inflated.status).toBe(413);
    expect(errorBodySchema.parse(await inflated.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await t.store.pull(device.chapterId, 0, 10)).changes).toEqual([]);
  });

  it('cuts pull pages at the byte budget and still moves the cursor past a huge change', async () => {
    const app = await server({ limits: { pullPageBytes: 2_000 } });
    const device = await enrol(app, t.store, await newChapter(t.store), 'node-p');
    const changes = Array.from({ length: 10 }, (_, i) =>
      change('node-p', Date.now(), i, {
        rowId: `m${i}`,
        col: 'notes',
        value: 'y'.repeat(i === 0 ? 5_000 : 500),
      }),
    );
    await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: bearer(device.token),
      payload: pushBody('node-p', changes),
    });
    const pull = async (after: number) =>
      pullResponseSchema.parse(
        (
          await app.inject({ url: `/v1/sync/pull?after=${after}&limit=100`, headers: bearer(device.token) })
        ).json(),
      );
    const first = await pull(0);
    expect(first).toMatchObject({ next: 1, more: true });
    const second = await pull(first.next);
    expect(second.changes.map((c) => c.seq)).toEqual([2, 3, 4]);
    expect(second.more).toBe(true);
    let cursor = second.next;
    for (let page = await pull(cursor); ; page = await pull(cursor)) {
      cursor = page.next;
      if (!page.more) break;
    }
    expect(cursor).toBe(10);
  });

  it('rate-limits each device on its own', async () => {
    const app = await server({ limits: { syncRequestsPerMinute: 3 } });
    const chapterId = await newChapter(t.store);
    const [a, b] = [
      await enrol(app, t.store, chapterId, 'node-r1'),
      await enrol(app, t.store, chapterId, 'node-r2'),
    ];
    const pull = (token: string) => app.inject({ url: '/v1/sync/pull', headers: bearer(token) });
    for (let i = 0; i < 3; i += 1) expect((await pull(a.token)).statusCode).toBe(200);
    const limited = await pull(a.token);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await pull(b.token)).statusCode).toBe(200);
  });

  it('rate-limits enrolment attempts per address', async () => {
    const app = await server({ limits: { enrolRequestsPerMinute: 2 } });
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/v1/enroll',
        payload: { code: 'AAAA', nodeId: 'n', deviceName: 'd' },
      });
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(429);
  });

  it('answers every failure as { error: { code, message } }', async () => {
    const app = await server();
    const missing = await app.inject({ url: '/v1/nothing?token=secret' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route GET /v1/nothing' } });

    const device = await enrol(app, t.store, await newChapter(t.store), 'node-e');
    const badJson = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { ...bearer(device.token), 'content-type': 'application/json' },
      payload: '{"protocol":',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toBe('VALIDATION');

    const notAList = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: bearer(device.token),
      payload: { ...pushBody('node-e', []), changes: 'all of them' },
    });
    expect(notAList.statusCode).toBe(400);
    expect(notAList.json().error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'changes' }] });
  });

  it('reports health, and never writes tokens or codes to the log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await server({ logger: { level: 'debug', stream } });
    const health = await app.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ ok: true });

    const chapterId = await newChapter(t.store);
    const { code } = await createAdminService({ store: t.store, now: Date.now }).issueEnrolmentCode(
      chapterId,
    );
    const enrolled = await app.inject({
      method: 'POST',
      url: '/v1/enroll',
      payload: { code, nodeId: 'node-log', deviceName: 'Logged laptop' },
    });
    const { token } = enrolled.json();
    await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: bearer(token),
      payload: pushBody('node-log', [
        change('node-log', Date.now(), 0, { rowId: 'm', col: 'city', value: 'x' }),
      ]),
    });
    await app.inject({ url: '/v1/sync/pull', headers: bearer(token) });
    await app.inject({ url: `/admin?token=${ADMIN_TOKEN}` });
    await app.inject({ url: '/admin', headers: { cookie: `chapterdesk_admin=${ADMIN_TOKEN}` } });

    const log = lines.join('');
    expect(log).toContain('push applied');
    expect(log).toContain('device enrolled');
    for (const secret of [token, code, ADMIN_TOKEN]) expect(log).not.toContain(secret);
    expect(redactUrl('/admin?x=1&token=abc&y=2')).toBe('/admin?x=1&token=[REDACTED]&y=2');
  });

  it('reports an unhealthy database as 503', async () => {
    const app = await testServer({ ...t.store, ping: () => Promise.reject(new Error('down')) });
    apps.push(app);
    const health = await app.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(503);
    expect(health.json().error.code).toBe('INTERNAL');
  });
});
