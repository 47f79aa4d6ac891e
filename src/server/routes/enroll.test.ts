import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollResponseSchema } from '../../shared/sync-protocol';
import { createAdminService } from '../admin-service';
import { sha256Hex } from '../auth';
import {
  backends,
  DATABASE_TIMEOUT_MS,
  bearer,
  newChapter,
  openTestStore,
  testClock,
  testServer,
  type TestStore,
} from '../test-support';

const DAY = 24 * 60 * 60 * 1000;

describe.each(backends)('POST /v1/enroll on $name', (backend) => {
  let t: TestStore;
  let app: FastifyInstance;
  const clock = testClock();

  beforeAll(async () => {
    t = await openTestStore(backend);
    app = await testServer(t.store, { now: clock.now });
  }, DATABASE_TIMEOUT_MS);
  afterAll(async () => {
    await app.close();
    await t.close();
  }, DATABASE_TIMEOUT_MS);

  const issue = async (chapterId: string, ttl?: number) =>
    (await createAdminService({ store: t.store, now: clock.now }).issueEnrolmentCode(chapterId, ttl)).code;
  // A node id is one device's on the whole server: each enrolment draws its own unless told.
  const enrol = (code: string, nodeId = `node-${randomUUID()}`, token?: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/enroll',
      payload: { code, nodeId, deviceName: 'Front desk laptop', ...(token ? { token } : {}) },
    });

  it('trades a good code for a device token scoped to the chapter', async () => {
    const chapterId = await newChapter(t.store, 'Nairobi', clock.now);
    const code = await issue(chapterId);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const response = await enrol(code);
    expect(response.statusCode).toBe(200);
    const body = enrollResponseSchema.parse(response.json());
    expect(body).toMatchObject({ chapterId, chapterName: 'Nairobi', serverTime: clock.now() });
    expect(body.token).toMatch(/^cdt_[A-Za-z0-9_-]{43}$/);

    // Stored hashed only: neither the token nor the code appears in the database.
    const devices = await t.client.query('SELECT token_hash FROM devices WHERE id = $1', [body.deviceId]);
    expect(devices).toEqual([{ token_hash: sha256Hex(body.token) }]);
    const dump =
      JSON.stringify(await t.client.query('SELECT * FROM enrolment_codes')) +
      JSON.stringify(await t.client.query('SELECT * FROM devices'));
    expect(dump).not.toContain(body.token);
    expect(dump).not.toContain(code);

    const pull = await app.inject({ url: '/v1/sync/pull', headers: bearer(body.token) });
    expect(pull.statusCode).toBe(200);
  });

  it('forgives case, spaces and look-alike letters in a typed code', async () => {
    const code = await issue(await newChapter(t.store, 'Lyon', clock.now));
    const typed = ` ${code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
    expect((await enrol(typed)).statusCode).toBe(200);
  });

  it('refuses a code that has been used', async () => {
    const code = await issue(await newChapter(t.store, 'Dakar', clock.now));
    expect((await enrol(code, 'node-a')).statusCode).toBe(200);
    const again = await enrol(code, 'node-b');
    expect(again.statusCode).toBe(401);
    expect(again.json()).toEqual({
      error: { code: 'UNAUTHORISED', message: expect.stringContaining('already been used') },
    });
  });

  it('refuses a code after it expires (7 days by default)', async () => {
    const chapterId = await newChapter(t.store, 'Accra', clock.now);
    const code = await issue(chapterId);
    const short = await issue(chapterId, 60 * 60 * 1000);
    clock.advance(7 * DAY);
    for (const expired of [code, short]) {
      const response = await enrol(expired);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.message).toContain('expired');
    }
  });

  it('refuses a node id another device uses, in any chapter, and keeps the code', async () => {
    const lyon = await newChapter(t.store, 'Lyon', clock.now);
    const first = enrollResponseSchema.parse((await enrol(await issue(lyon), 'node-shared')).json());
    const code = await issue(await newChapter(t.store, 'Dakar', clock.now));

    const taken = await enrol(code, 'node-shared');
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toEqual({
      error: { code: 'NODE_ID_TAKEN', message: expect.stringContaining('already uses this node id') },
    });
    // A token the server never issued to that node id proves nothing.
    expect((await enrol(code, 'node-shared', 'cdt_made_up')).statusCode).toBe(409);
    expect((await enrol(code, 'node-other')).statusCode).toBe(200);
    // The laptop that holds the node id is untouched.
    expect((await app.inject({ url: '/v1/sync/pull', headers: bearer(first.token) })).statusCode).toBe(200);
  });

  it('lets a laptop enrol again with the token it holds, and retires that token', async () => {
    const chapterId = await newChapter(t.store, 'Kisumu', clock.now);
    const first = enrollResponseSchema.parse((await enrol(await issue(chapterId), 'node-again')).json());
    const again = await enrol(await issue(chapterId), 'node-again', first.token);
    expect(again.statusCode).toBe(200);
    const second = enrollResponseSchema.parse(again.json());
    expect((await app.inject({ url: '/v1/sync/pull', headers: bearer(first.token) })).statusCode).toBe(401);
    expect((await app.inject({ url: '/v1/sync/pull', headers: bearer(second.token) })).statusCode).toBe(200);
  });

  it('refuses an unknown code and malformed input', async () => {
    const unknown = await enrol('AAAA-BBBB-CCCC-DDDD');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toContain('not valid');

    const malformed = await app.inject({
      method: 'POST',
      url: '/v1/enroll',
      payload: { code: 'x', nodeId: 'bad node id!', deviceName: '' },
    });
    expect(malformed.statusCode).toBe(400);
    const error = malformed.json().error;
    expect(error.code).toBe('VALIDATION');
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual(['nodeId', 'deviceName']);
  });
});
