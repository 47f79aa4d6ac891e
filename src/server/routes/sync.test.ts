import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checksumLine,
  checksumResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  SYNC_SCHEMA_VERSION,
  type Change,
  type FieldState,
} from '../../shared/sync-protocol';
import { createAdminService } from '../admin-service';
import {
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
  type EnrolledDevice,
  type TestStore,
} from '../test-support';

const HOUR = 60 * 60 * 1000;

describe.each(backends)('sync routes on $name', (backend) => {
  let t: TestStore;
  let app: FastifyInstance;
  const clock = testClock();
  const now = clock.now;

  beforeAll(async () => {
    t = await openTestStore(backend);
    app = await testServer(t.store, { now });
  }, DATABASE_TIMEOUT_MS);
  afterAll(async () => {
    await app.close();
    await t.close();
  }, DATABASE_TIMEOUT_MS);

  // A node id belongs to one device on the whole server, so each test's "node-a" is its own.
  async function device(chapterId: string, name: string): Promise<EnrolledDevice> {
    return enrol(app, t.store, chapterId, `${name}-${chapterId.slice(0, 8)}`, now);
  }

  async function push(from: EnrolledDevice, changes: unknown[], clientSeq = 1) {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: bearer(from.token),
      payload: pushBody(from.nodeId, changes, clientSeq),
    });
    expect(response.statusCode, response.body).toBe(200);
    return pushResponseSchema.parse(response.json());
  }

  async function pull(by: EnrolledDevice, after = 0, limit?: number) {
    const response = await app.inject({
      url: `/v1/sync/pull?after=${after}${limit ? `&limit=${limit}` : ''}`,
      headers: bearer(by.token),
    });
    expect(response.statusCode, response.body).toBe(200);
    return pullResponseSchema.parse(response.json());
  }

  async function pullAll(by: EnrolledDevice) {
    const all = [];
    let cursor = 0;
    for (;;) {
      const page = await pull(by, cursor, 2);
      all.push(...page.changes);
      cursor = page.next;
      if (!page.more) return all;
    }
  }

  async function checksum(by: EnrolledDevice) {
    const response = await app.inject({ url: '/v1/sync/checksum', headers: bearer(by.token) });
    expect(response.statusCode, response.body).toBe(200);
    return checksumResponseSchema.parse(response.json());
  }

  function expectedChecksum(fields: FieldState[]): string {
    const hash = createHash('sha256');
    const key = (f: FieldState) => [f.tbl, f.rowId, f.col].join('\u0000');
    for (const field of [...fields].sort((a, b) => (key(a) < key(b) ? -1 : 1)))
      hash.update(checksumLine(field));
    return hash.digest('hex');
  }

  const edit = (
    by: EnrolledDevice,
    counter: number,
    rowId: string,
    col: string,
    value: unknown,
    wall = now(),
  ) => change(by.nodeId, wall, counter, { rowId, col, value });

  it('round-trips a push to another device of the chapter, exactly as sent', async () => {
    const chapterId = await newChapter(t.store, 'Round trip', now);
    const [a, b] = [await device(chapterId, 'node-a'), await device(chapterId, 'node-b')];
    const sent = [
      edit(a, 0, 'm1', 'first_name', 'Hélène'),
      edit(a, 1, 'm1', 'notes', 'two\nlines, "quoted" \\ and \u00e9'),
      { ...edit(a, 2, 'm1', 'email', null), value: null },
      edit(a, 3, 'm1', 'consent_email', 1),
    ];
    expect(await push(a, sent, 7)).toEqual({
      clientSeq: 7,
      accepted: 4,
      duplicates: 0,
      rejected: [],
      serverTime: now(),
    });
    const page = await pull(b);
    expect(page).toEqual({
      changes: sent.map((c, i) => ({ ...c, seq: i + 1 })),
      next: 4,
      more: false,
      serverTime: now(),
      // The name the pushing laptop enrolled with, so the other laptops can say who changed what.
      laptops: { [a.nodeId]: `Laptop ${a.nodeId}` },
    });
    // The pusher sees its own changes too: the client dedupes.
    expect((await pull(a)).changes).toHaveLength(4);
  });

  it('treats a re-sent batch as duplicates and applies nothing twice', async () => {
    const chapterId = await newChapter(t.store, 'Resend', now);
    const a = await device(chapterId, 'node-a');
    const batch = [edit(a, 0, 'm1', 'city', 'Lyon'), edit(a, 1, 'm1', 'country', 'FR')];
    expect(await push(a, batch)).toMatchObject({ accepted: 2, duplicates: 0 });
    const before = await checksum(a);
    expect(await push(a, batch)).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await push(a, [...batch, edit(a, 2, 'm1', 'city', 'Paris')], 2)).toMatchObject({
      accepted: 1,
      duplicates: 2,
    });
    expect((await pullAll(a)).map((c) => c.seq)).toEqual([1, 2, 3]);
    const after = await checksum(a);
    expect(after.seq).toBe(before.seq + 1);
  });

  it('pages pulls in seq order and resumes from the cursor', async () => {
    const chapterId = await newChapter(t.store, 'Paging', now);
    const a = await device(chapterId, 'node-a');
    await push(
      a,
      Array.from({ length: 5 }, (_, i) => edit(a, i, `m${i}`, 'city', `c${i}`)),
    );
    const first = await pull(a, 0, 2);
    expect(first.changes.map((c) => c.seq)).toEqual([1, 2]);
    expect(first).toMatchObject({ next: 2, more: true });
    const second = await pull(a, first.next, 2);
    expect(second.changes.map((c) => c.seq)).toEqual([3, 4]);
    const third = await pull(a, second.next, 2);
    expect(third).toMatchObject({ next: 5, more: false });
    expect(third.changes.map((c) => c.rowId)).toEqual(['m4']);
    expect(await pull(a, 5, 2)).toMatchObject({ changes: [], next: 5, more: false });

    await push(a, [edit(a, 9, 'm9', 'city', 'late')], 2);
    expect((await pull(a, 5)).changes.map((c) => c.seq)).toEqual([6]);

    const bad = await app.inject({ url: '/v1/sync/pull?after=-1&limit=100000', headers: bearer(a.token) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
  });

  it('keeps the last writer per field by hlc, even when an older edit arrives later', async () => {
    const chapterId = await newChapter(t.store, 'LWW', now);
    const [a, b] = [await device(chapterId, 'node-a'), await device(chapterId, 'node-b')];
    const newer = edit(a, 0, 'm1', 'city', 'Newer', now() - HOUR);
    const older = edit(b, 0, 'm1', 'city', 'Older', now() - 2 * HOUR);
    const other = edit(b, 1, 'm1', 'notes', 'kept', now() - 2 * HOUR);
    await push(a, [newer]);
    await push(b, [older, other]);
    // Every change is in the log in arrival order; the state keeps the newest per field.
    expect((await pullAll(a)).map((c) => c.value)).toEqual(['"Newer"', '"Older"', '"kept"']);
    const sum = await checksum(a);
    expect(sum).toMatchObject({ seq: 3, fields: 2 });
    expect(sum.checksum).toBe(
      expectedChecksum([
        { tbl: 'members', rowId: 'm1', col: 'city', value: '"Newer"', hlc: newer.hlc },
        { tbl: 'members', rowId: 'm1', col: 'notes', value: '"kept"', hlc: other.hlc },
      ]),
    );
    expect((await checksum(b)).checksum).toBe(sum.checksum);
  });

  it('rejects changes more than 24 h ahead with CLOCK_AHEAD, and accepts a clock 3 days behind', async () => {
    const chapterId = await newChapter(t.store, 'Clocks', now);
    const a = await device(chapterId, 'node-a');
    const result = await push(a, [
      edit(a, 0, 'm1', 'city', 'from the future', now() + 25 * HOUR),
      edit(a, 1, 'm1', 'notes', 'from a slow laptop', now() - 72 * HOUR),
    ]);
    expect(result.accepted).toBe(1);
    expect(result.rejected).toEqual([
      { index: 0, code: 'CLOCK_AHEAD', reason: expect.stringMatching(/ahead of the server.*24 h/) },
    ]);
    expect((await pull(a)).changes.map((c) => c.col)).toEqual(['notes']);
  });

  it('rejects one invalid change with its reason and applies the rest of the batch', async () => {
    const chapterId = await newChapter(t.store, 'Mixed', now);
    const a = await device(chapterId, 'node-a');
    const good = [edit(a, 0, 'm1', 'first_name', 'Ada'), edit(a, 2, 'm1', 'last_name', 'Lovelace')];
    const result = await push(a, [good[0], { ...edit(a, 1, 'm1', 'city', 'x'), value: '{oops' }, good[1]]);
    expect(result).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(result.rejected).toEqual([
      { index: 1, code: 'VALIDATION', reason: expect.stringContaining('value must be JSON text') },
    ]);
    expect((await pull(a)).changes.map((c) => c.col)).toEqual(['first_name', 'last_name']);
  });

  it('keeps chapters apart: tokens only see their chapter, and row ids cannot cross', async () => {
    const [one, two] = [await newChapter(t.store, 'One', now), await newChapter(t.store, 'Two', now)];
    const a = await device(one, 'node-a');
    const intruder = await device(two, 'node-x');
    await push(a, [edit(a, 0, 'shared-id', 'notes', 'private to one')]);
    const oneBefore = await checksum(a);

    // The other chapter sees none of it, and writing the same row id only touches its own copy.
    expect((await pull(intruder)).changes).toEqual([]);
    expect((await checksum(intruder)).fields).toBe(0);
    expect(await push(intruder, [edit(intruder, 0, 'shared-id', 'notes', 'overwrite?')])).toMatchObject({
      accepted: 1,
    });
    expect(await checksum(a)).toEqual({ ...oneBefore, serverTime: now() });
    expect((await pull(a)).changes.map((c) => c.value)).toEqual(['"private to one"']);
    expect((await pull(intruder)).changes.map((c) => c.value)).toEqual(['"overwrite?"']);
  });

  it('refuses forged tables and columns per change and stores none of them', async () => {
    const chapterId = await newChapter(t.store, 'Forged', now);
    const a = await device(chapterId, 'node-a');
    const forged: Change[] = [
      change(a.nodeId, now(), 0, { tbl: 'devices', rowId: 'x', col: 'token_hash', value: 'x' }),
      change(a.nodeId, now(), 1, { tbl: 'members', rowId: 'x', col: 'chapter_id', value: 'x' }),
      change(a.nodeId, now(), 2, { tbl: 'field_state', rowId: 'x', col: 'value', value: 'x' }),
    ];
    const result = await push(a, forged);
    expect(result.accepted).toBe(0);
    expect(result.rejected.map((r) => [r.index, r.code])).toEqual([
      [0, 'VALIDATION'],
      [1, 'VALIDATION'],
      [2, 'VALIDATION'],
    ]);
    expect((await pull(a)).changes).toEqual([]);
  });

  it('refuses changes of an erased person as ERASED, at their place in the batch among other refusals', async () => {
    const chapterId = await newChapter(t.store, 'Erased', now);
    const a = await device(chapterId, 'node-a');
    const uuid = '7d1f0c1e-2b7a-4f3e-9a51-3c9e0f6b2d10';
    await push(a, [
      change(a.nodeId, now(), 0, { tbl: 'erasures', rowId: uuid, col: 'tbl', value: 'members' }),
    ]);
    const result = await push(a, [
      change(a.nodeId, now(), 1, { rowId: uuid, col: 'city', value: 'Lyon' }),
      change(a.nodeId, now(), 2, { tbl: 'devices', rowId: 'x', col: 'token_hash', value: 'x' }),
      change(a.nodeId, now(), 3, { rowId: 'someone-else', col: 'city', value: 'Paris' }),
      change(a.nodeId, now(), 4, { rowId: uuid, col: 'email', value: 'back@example.org' }),
    ]);
    expect(result.accepted).toBe(1);
    expect(result.duplicates).toBe(0);
    expect(result.rejected.map((r) => [r.index, r.code, r.problem?.code]).sort()).toEqual([
      [0, 'FORBIDDEN', 'ERASED'],
      [1, 'VALIDATION', undefined],
      [3, 'FORBIDDEN', 'ERASED'],
    ]);
    expect((await pull(a)).changes.map((c) => `${c.tbl}/${c.rowId}/${c.col}`)).toEqual([
      `erasures/${uuid}/tbl`,
      'members/someone-else/city',
    ]);
  });

  it("refuses another node's changes, a mismatched node and a too-new schema", async () => {
    const chapterId = await newChapter(t.store, 'Nodes', now);
    const a = await device(chapterId, 'node-a');
    const foreign = await push(a, [change('node-z', now(), 0, { rowId: 'm1', col: 'city', value: 'x' })]);
    expect(foreign.rejected).toEqual([expect.objectContaining({ index: 0, code: 'FORBIDDEN' })]);

    const mismatched = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: bearer(a.token),
      payload: pushBody('node-z', []),
    });
    expect(mismatched.statusCode).toBe(403);
    expect(mismatched.json().error.code).toBe('FORBIDDEN');

    const tooNew = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: bearer(a.token),
      payload: { ...pushBody(a.nodeId, []), schema: SYNC_SCHEMA_VERSION + 1 },
    });
    expect(tooNew.statusCode).toBe(409);
    expect(tooNew.json().error.code).toBe('SCHEMA_TOO_NEW');

    const oldProtocol = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: bearer(a.token),
      payload: { ...pushBody(a.nodeId, []), protocol: 2 },
    });
    expect(oldProtocol.statusCode).toBe(400);
    expect(oldProtocol.json().error.code).toBe('VALIDATION');
  });

  it('refuses missing, unknown and revoked tokens; revocation stops the next request', async () => {
    const chapterId = await newChapter(t.store, 'Revoked', now);
    const a = await device(chapterId, 'node-a');
    for (const headers of [{}, bearer('cdt_unknown'), { authorization: 'Basic abc' }]) {
      const response = await app.inject({ url: '/v1/sync/pull', headers });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHORISED');
    }
    expect((await pull(a)).changes).toEqual([]);
    await createAdminService({ store: t.store, now }).revokeDevice(a.deviceId);
    for (const request of [
      { method: 'GET' as const, url: '/v1/sync/pull' },
      { method: 'GET' as const, url: '/v1/sync/checksum' },
      {
        method: 'POST' as const,
        url: '/v1/sync/push',
        payload: pushBody(a.nodeId, [edit(a, 0, 'm', 'city', 'x')]),
      },
    ]) {
      const response = await app.inject({ ...request, headers: bearer(a.token) });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.message).toContain('revoked');
    }
    expect((await t.store.pull(chapterId, 0, 10)).changes).toEqual([]);
  });

  it('records activity for the admin overview', async () => {
    const chapterId = await newChapter(t.store, 'Activity', now);
    const a = await device(chapterId, 'node-a');
    await push(a, [edit(a, 0, 'm1', 'city', 'x')], 41);
    await pull(a);
    const listed = (await createAdminService({ store: t.store, now }).listDevices()).find(
      (d) => d.id === a.deviceId,
    );
    expect(listed).toMatchObject({
      lastClientSeq: 41,
      lastPushAt: new Date(now()).toISOString(),
      lastPullAt: new Date(now()).toISOString(),
      revokedAt: null,
    });
  });
});
