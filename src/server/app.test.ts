import { Writable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, pullResponseSchema } from '../shared/sync-protocol';
import { redactUrl } from './app';
import { createAdminService } from './admin-service';
import type { SyncStore } from './store/types';
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
  testClock,
  testServer,
  type TestStore,
} from './test-support';

/** The store, counting the queries that authenticate a token or an enrolment code. */
function counting(store: SyncStore) {
  const calls = { lookups: 0, enrolments: 0 };
  const counted: SyncStore = {
    ...store,
    findDeviceByTokenHash(hash) {
      calls.lookups += 1;
      return store.findDeviceByTokenHash(hash);
    },
    enrolDevice(input) {
      calls.enrolments += 1;
      return store.enrolDevice(input);
    },
  };
  return { calls, store: counted };
}

const guess = () => `cdt_${crypto.randomUUID()}`;

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

  async function listening(options: Parameters<typeof testServer>[1] = {}, store = t.store) {
    const app = await testServer(store, options);
    apps.push(app);
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

  it('refuses an address after 60 failed authentications a minute, without asking the database', async () => {
    const clock = testClock(Date.now());
    const { calls, store } = counting(t.store);
    const { app, url } = await listening({ now: clock.now }, store);
    const device = await enrol(app, t.store, await newChapter(t.store), 'node-guard', clock.now);
    const pull = (token: string) => fetch(`${url}/v1/sync/pull`, { headers: bearer(token) });

    // Success never spends the budget for failures.
    for (let i = 0; i < 70; i += 1) expect((await pull(device.token)).status).toBe(200);
    Object.assign(calls, { lookups: 0, enrolments: 0 });
    for (let i = 0; i < 60; i += 1) expect((await pull(guess())).status).toBe(401);
    expect(calls.lookups).toBe(60);

    const refused = await pull(guess());
    expect(refused.status).toBe(429);
    expect(errorBodySchema.parse(await refused.json()).error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // Every route that takes credentials is closed to the address, a good token included; none of
    // them reaches the database. Health checks still answer.
    expect((await pull(device.token)).status).toBe(429);
    const enrolment = await fetch(`${url}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'AAAA-BBBB-CCCC-DDDD', nodeId: 'node-x', deviceName: 'x' }),
    });
    expect(enrolment.status).toBe(429);
    expect((await fetch(`${url}/v1/admin/chapters`, { headers: bearer('not-the-admin') })).status).toBe(429);
    expect((await fetch(`${url}/admin?token=guess`)).status).toBe(429);
    expect(calls).toEqual({ lookups: 60, enrolments: 0 });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    clock.advance(60_000);
    expect((await pull(device.token)).status).toBe(200);
    expect((await pull(guess())).status).toBe(401);
  });

  it('counts guesses sent all at once before any of them has failed', async () => {
    const { calls, store } = counting(t.store);
    const { url } = await listening({ limits: { failedAuthPerMinute: 20 } }, store);
    const statuses = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${url}/v1/sync/pull`, { headers: bearer(guess()) }).then((reply) => reply.status),
      ),
    );
    expect(statuses.filter((status) => status === 401)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30);
    expect(calls.lookups).toBe(20);
  });

  it('takes client addresses from X-Forwarded-For only as far as the proxies it trusts', async () => {
    const limits = { enrolRequestsPerMinute: 2 };
    const enrolFrom = async (url: string, forwardedFor: string) =>
      (
        await fetch(`${url}/v1/enroll`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ code: 'AAAA-BBBB-CCCC-DDDD', nodeId: 'node-xff', deviceName: 'd' }),
        })
      ).status;

    // This client (127.0.0.1) is not one of the proxies: a new X-Forwarded-For every time changes
    // nothing, it is one address.
    const listed = await listening({ limits, trustProxy: { proxies: ['10.0.0.1', '192.168.0.0/16'] } });
    const rotating = [];
    for (let i = 1; i <= 3; i += 1) rotating.push(await enrolFrom(listed.url, `203.0.113.${i}`));
    expect(rotating).toEqual([401, 401, 429]);

    // One hop: the last entry is what the proxy saw and appended; anything the client wrote before
    // it is ignored, and a different last entry is a different client.
    const hop = await listening({ limits, trustProxy: { hops: 1 } });
    const prefixed = [];
    for (let i = 1; i <= 3; i += 1) prefixed.push(await enrolFrom(hop.url, `198.51.100.${i}, 203.0.113.7`));
    expect(prefixed).toEqual([401, 401, 429]);
    expect(await enrolFrom(hop.url, '203.0.113.7, 203.0.113.8')).toBe(401);

    // An IPv6 client is its /64: new addresses inside it share one budget.
    expect(await enrolFrom(hop.url, '2001:db8:1:2::1')).toBe(401);
    expect(await enrolFrom(hop.url, '2001:db8:1:2::ffff')).toBe(401);
    expect(await enrolFrom(hop.url, '2001:db8:1:2:abcd::9')).toBe(429);
    expect(await enrolFrom(hop.url, '2001:db8:1:3::1')).toBe(401);
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
