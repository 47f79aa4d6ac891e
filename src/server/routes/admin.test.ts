import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../admin-page';
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
} from '../test-support';

describe.each(backends)('admin page and admin API on $name', (backend) => {
  let t: TestStore;
  let app: FastifyInstance;
  const clock = testClock(Date.parse('2026-03-01T12:00:00Z'));
  const now = clock.now;

  beforeAll(async () => {
    t = await openTestStore(backend);
    app = await testServer(t.store, { now });
  }, DATABASE_TIMEOUT_MS);
  afterAll(async () => {
    await app.close();
    await t.close();
  }, DATABASE_TIMEOUT_MS);

  it('requires the admin token for the overview page', async () => {
    for (const headers of [{}, bearer('wrong-token-but-long-enough'), { cookie: 'chapterdesk_admin=nope' }]) {
      const response = await app.inject({ url: '/admin', headers });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHORISED');
    }
    const wrongQuery = await app.inject({ url: '/admin?token=guess' });
    expect(wrongQuery.statusCode).toBe(401);
    expect(wrongQuery.headers['set-cookie']).toBeUndefined();

    const device = await enrol(app, t.store, await newChapter(t.store, 'Any', now), 'node-a', now);
    expect((await app.inject({ url: '/admin', headers: bearer(device.token) })).statusCode).toBe(401);
  });

  it('trades ?token= for an HttpOnly cookie and serves escaped HTML under a strict CSP', async () => {
    const login = await app.inject({ url: `/admin?token=${ADMIN_TOKEN}` });
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/admin');
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^chapterdesk_admin=[^;]+; Path=\/admin; HttpOnly; SameSite=Strict; Max-Age=\d+$/);

    await newChapter(t.store, '<script>alert("x")</script> & Co', now);
    const page = await app.inject({ url: '/admin', headers: { cookie: cookie.split(';')[0]! } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe');
    expect(page.body).not.toContain('<script>');
    expect(page.body).toContain(escapeHtml('<script>alert("x")</script> & Co'));

    expect((await app.inject({ url: '/admin', headers: bearer(ADMIN_TOKEN) })).statusCode).toBe(200);
  });

  it('shows devices, last sync and member counts by status', async () => {
    const chapterId = await newChapter(t.store, 'Status chapter', now);
    const device = await enrol(app, t.store, chapterId, 'node-s', now);
    const honorary = crypto.randomUUID();
    const lifetime = crypto.randomUUID();
    const edits = [
      { tbl: 'chapter', rowId: chapterId, col: 'grace_days', value: 10 },
      { tbl: 'membership_types', rowId: honorary, col: 'kind', value: 'honorary' },
      { tbl: 'membership_types', rowId: lifetime, col: 'kind', value: 'lifetime' },
      { rowId: 'active', col: 'paid_through', value: '2026-03-01' },
      { rowId: 'life', col: 'type_id', value: lifetime },
      { rowId: 'grace', col: 'paid_through', value: '2026-02-25' },
      { rowId: 'lapsed', col: 'paid_through', value: '2026-02-01' },
      { rowId: 'never-paid', col: 'first_name', value: 'N' },
      { rowId: 'hon', col: 'type_id', value: honorary },
      { rowId: 'gone', col: 'paid_through', value: '2026-12-31' },
      { rowId: 'gone', col: 'deleted', value: 1 },
    ].map((fields, i) => change('node-s', now(), i, fields));
    const push = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: bearer(device.token),
      payload: pushBody('node-s', edits),
    });
    expect(push.json().accepted).toBe(edits.length);

    const overview = await app.inject({ url: '/v1/admin/overview', headers: bearer(ADMIN_TOKEN) });
    const chapter = overview.json().chapters.find((c: { id: string }) => c.id === chapterId);
    expect(chapter).toMatchObject({
      name: 'Status chapter',
      activeDevices: 1,
      lastSeq: edits.length,
      lastSyncAt: new Date(now()).toISOString(),
      members: { active: 1, grace: 1, lapsed: 1, 'never-paid': 1, honorary: 1, lifetime: 1, total: 6 },
    });

    const page = await app.inject({ url: '/admin', headers: bearer(ADMIN_TOKEN) });
    expect(page.body).toContain('Status chapter');
    expect(page.body).toContain('Laptop node-s');
    expect(page.body).toContain('2026-03-01 12:00 UTC');
  });

  it('offers the admin operations as a JSON API behind the admin token', async () => {
    expect((await app.inject({ url: '/v1/admin/chapters' })).statusCode).toBe(401);

    const created = await app.inject({
      method: 'POST',
      url: '/v1/admin/chapters',
      headers: bearer(ADMIN_TOKEN),
      payload: { name: '  Kampala ' },
    });
    expect(created.statusCode).toBe(201);
    const chapter = created.json();
    expect(chapter).toMatchObject({ name: 'Kampala', lastSeq: 0, activeDevices: 0 });

    const issued = await app.inject({
      method: 'POST',
      url: '/v1/admin/enrolments',
      headers: bearer(ADMIN_TOKEN),
      payload: { chapterId: chapter.id, expiresInMs: 3_600_000 },
    });
    expect(issued.statusCode).toBe(201);
    expect(issued.json()).toMatchObject({
      chapterId: chapter.id,
      chapterName: 'Kampala',
      expiresAt: new Date(now() + 3_600_000).toISOString(),
    });

    const missing = await app.inject({
      method: 'POST',
      url: '/v1/admin/enrolments',
      headers: bearer(ADMIN_TOKEN),
      payload: { chapterId: crypto.randomUUID() },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');

    const device = await enrol(app, t.store, chapter.id, 'node-k', now);
    const revoked = await app.inject({
      method: 'POST',
      url: `/v1/admin/devices/${device.deviceId}/revoke`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: device.deviceId, revokedAt: new Date(now()).toISOString() });
    const listed = await app.inject({ url: '/v1/admin/devices', headers: bearer(ADMIN_TOKEN) });
    expect(
      listed.json().devices.find((d: { id: string }) => d.id === device.deviceId).revokedAt,
    ).not.toBeNull();

    const badId = await app.inject({
      method: 'POST',
      url: '/v1/admin/devices/nope/revoke',
      headers: bearer(ADMIN_TOKEN),
    });
    expect(badId.statusCode).toBe(400);
  });
});
