import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlClient } from './store/sql';
import {
  backends,
  DATABASE_TIMEOUT_MS,
  bearer,
  change,
  enrol,
  failingOnce,
  newChapter,
  openTestStore,
  pushBody,
  testServer,
  type TestStore,
} from './test-support';

describe.each(backends)('a database error in the middle of a push on $name', (backend) => {
  let t: TestStore;
  let app: FastifyInstance;
  let faulty: SqlClient & { arm(): void };

  beforeAll(async () => {
    // Fail the statement that publishes the new seqs, after the changes and the LWW state
    // have already been written inside the transaction.
    t = await openTestStore(backend, (client) => {
      faulty = failingOnce(client, /UPDATE chapters SET last_seq/, new Error('connection reset by peer'));
      return faulty;
    });
    app = await testServer(t.store);
  }, DATABASE_TIMEOUT_MS);
  afterAll(async () => {
    await app.close();
    await t.close();
  }, DATABASE_TIMEOUT_MS);

  it('rolls the whole batch back, and a retry applies it exactly once', async () => {
    const chapterId = await newChapter(t.store);
    const device = await enrol(app, t.store, chapterId, 'node-f');
    const batch = Array.from({ length: 5 }, (_, i) =>
      change('node-f', Date.now(), i, { rowId: `m${i}`, col: 'city', value: `city ${i}` }),
    );
    const push = () =>
      app.inject({
        method: 'POST',
        url: '/v1/sync/push',
        headers: bearer(device.token),
        payload: pushBody('node-f', batch),
      });

    faulty.arm();
    const failed = await push();
    expect(failed.statusCode).toBe(500);
    expect(failed.json()).toEqual({
      error: { code: 'INTERNAL', message: 'The server could not complete the request; try again later.' },
    });
    expect((await t.store.pull(chapterId, 0, 100)).changes).toEqual([]);
    expect((await t.store.findChapter(chapterId))!.lastSeq).toBe(0);
    const state = await t.client.query('SELECT count(*) AS n FROM field_state WHERE chapter_id = $1', [
      chapterId,
    ]);
    expect(Number(state[0]!.n)).toBe(0);

    const retried = await push();
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ accepted: 5, duplicates: 0 });
    const again = await push();
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 5 });

    const { changes } = await t.store.pull(chapterId, 0, 100);
    expect(changes.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(changes.map((c) => c.rowId)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });
});
