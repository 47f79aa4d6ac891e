import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapterKeyResponseSchema, enrollResponseSchema } from '../../shared/sync-protocol';
import { createAdminService } from '../admin-service';
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

const key = (digit: string) => digit.repeat(64);

describe.each(backends)('the chapter key on $name', (backend) => {
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

  const enrol = async (chapterId: string, chapterKey?: string) => {
    const { code } = await createAdminService({ store: t.store, now: clock.now }).issueEnrolmentCode(
      chapterId,
    );
    const response = await app.inject({
      method: 'POST',
      url: '/v1/enroll',
      payload: {
        code,
        nodeId: `node-${randomUUID()}`,
        deviceName: 'Laptop',
        ...(chapterKey ? { chapterKey } : {}),
      },
    });
    expect(response.statusCode).toBe(200);
    return enrollResponseSchema.parse(response.json());
  };
  const offer = (token: string, chapterKey: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/sync/chapter-key',
      headers: bearer(token),
      payload: { chapterKey },
    });

  it('keeps the first key a chapter is given and hands it to every later laptop', async () => {
    const chapterId = await newChapter(t.store, 'Kisumu', clock.now);
    const first = await enrol(chapterId, key('a'));
    expect(first.chapterKey).toBe(key('a'));
    const second = await enrol(chapterId, key('b'));
    expect(second.chapterKey).toBe(key('a'));
    const reply = await offer(second.token, key('c'));
    expect(reply.statusCode).toBe(200);
    expect(chapterKeyResponseSchema.parse(reply.json()).chapterKey).toBe(key('a'));
    // Another chapter has its own.
    const other = await enrol(await newChapter(t.store, 'Mombasa', clock.now), key('d'));
    expect(other.chapterKey).toBe(key('d'));
  });

  it('takes the key a laptop enrolled before keys offers, and refuses one that is not a key', async () => {
    const chapterId = await newChapter(t.store, 'Nakuru', clock.now);
    const old = await enrol(chapterId);
    expect(old.chapterKey).toBeUndefined();
    const bad = await offer(old.token, 'not-a-key');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION' } });
    const unknown = await app.inject({
      method: 'POST',
      url: '/v1/sync/chapter-key',
      headers: bearer('cdt_nobody'),
      payload: { chapterKey: key('e') },
    });
    expect(unknown.statusCode).toBe(401);
    expect(chapterKeyResponseSchema.parse((await offer(old.token, key('e'))).json()).chapterKey).toBe(
      key('e'),
    );
    expect(chapterKeyResponseSchema.parse((await offer(old.token, key('f'))).json()).chapterKey).toBe(
      key('e'),
    );
  });
});
