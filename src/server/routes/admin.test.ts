import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../shared/sync-protocol';
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

  it('answers for every chapter when values stored before pushes were checked are garbage', async () => {
    const garbage = await newChapter(t.store, 'Garbage chapter', now);
    const fine = await newChapter(t.store, 'Fine chapter', now);
    const typeId = crypto.randomUUID();
    // Node ids are the server's to give once: these two are this test's own.
    const [nodeX, nodeY] = [`node-x-${garbage.slice(0, 8)}`, `node-y-${fine.slice(0, 8)}`];
    const raw = (value: string, i: number, fields: { tbl?: string; rowId: string; col: string }) => ({
      ...change(nodeX, now(), i, { ...fields, value: null }),
      value,
    });
    // Past the push checks, straight into the store, as a server from before them kept them.
    const store = async (chapterId: string, nodeId: string, changes: Change[]) => {
      const device = await enrol(app, t.store, chapterId, nodeId, now);
      await t.store.applyPush({
        chapterId,
        deviceId: device.deviceId,
        clientSeq: 1,
        changes,
        at: new Date(now()),
      });
    };
    await store(
      garbage,
      nodeX,
      [
        { tbl: 'chapter', rowId: garbage, col: 'grace_days', value: 1e300 },
        // Another chapter's row in this one: its grace period of 0 must not count.
        { tbl: 'chapter', rowId: crypto.randomUUID(), col: 'grace_days', value: 0 },
        { tbl: 'membership_types', rowId: typeId, col: 'kind', value: { kind: 'lifetime' } },
        { tbl: 'membership_types', rowId: typeId, col: 'grace_days', value: 1e300 },
        { rowId: 'grace', col: 'paid_through', value: '2026-02-25' },
        { rowId: 'typed', col: 'type_id', value: typeId },
        { rowId: 'typed', col: 'paid_through', value: '2026-02-20' },
        { rowId: 'bad-date', col: 'paid_through', value: 'not a date' },
        { rowId: 'maybe', col: 'deleted', value: 'maybe' },
        { rowId: 'huge', col: 'first_name', value: 'A'.repeat(65_000) },
        { rowId: 'paid', col: 'first_name', value: 'Paid' },
        // A garbage period end sorts after every date; the real one must still count.
        { tbl: 'payments', rowId: 'p1', col: 'member_id', value: 'paid' },
        { tbl: 'payments', rowId: 'p1', col: 'period_to', value: '2026-12-31' },
        { tbl: 'payments', rowId: 'p2', col: 'member_id', value: 'paid' },
        { tbl: 'payments', rowId: 'p2', col: 'period_to', value: 'zzzz' },
      ]
        .map((fields, i) => change(nodeX, now() - 1000, i, fields))
        .concat([raw('{broken', 99, { tbl: 'chapter', rowId: garbage, col: 'time_zone' })]),
    );
    await store(fine, nodeY, [
      change(nodeY, now(), 0, { rowId: 'm', col: 'paid_through', value: '2026-12-31' }),
    ]);

    const overview = await app.inject({ url: '/v1/admin/overview', headers: bearer(ADMIN_TOKEN) });
    expect(overview.statusCode).toBe(200);
    const members = (id: string) =>
      overview.json().chapters.find((c: { id: string }) => c.id === id)?.members as Record<string, number>;
    expect(members(garbage)).toEqual({
      active: 1,
      grace: 2,
      lapsed: 0,
      'never-paid': 3,
      honorary: 0,
      lifetime: 0,
      total: 6,
    });
    expect(members(fine)).toMatchObject({ active: 1, total: 1 });
    const page = await app.inject({ url: '/admin', headers: bearer(ADMIN_TOKEN) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Garbage chapter');
    expect(page.body).toContain('Fine chapter');
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
