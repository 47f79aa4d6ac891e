import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SERVER_VERSION } from './migrations';
import { migrate } from './migrations/migrate';
import { createSqlStore } from './store/sql-store';
import {
  backends,
  DATABASE_TIMEOUT_MS,
  bearer,
  change,
  enrol,
  newChapter,
  pushBody,
  testServer,
  type TestDatabase,
} from './test-support';

describe.each(backends)(
  'a server restart between push and pull on $name',
  { timeout: DATABASE_TIMEOUT_MS },
  (backend) => {
    let database: TestDatabase | undefined;

    afterEach(async () => {
      await database?.dispose();
    });

    it('keeps pushed changes, tokens and the seq counter', async () => {
      database = await backend.create();

      const firstClient = await database.connect();
      await migrate(firstClient);
      const firstStore = createSqlStore(firstClient);
      const first = await testServer(firstStore);
      const chapterId = await newChapter(firstStore);
      const [a, b] = [
        await enrol(first, firstStore, chapterId, 'node-a'),
        await enrol(first, firstStore, chapterId, 'node-b'),
      ];
      const sent = [
        change('node-a', Date.now(), 0, { rowId: 'm1', col: 'first_name', value: 'Ada' }),
        change('node-a', Date.now(), 1, { rowId: 'm1', col: 'last_name', value: 'Lovelace' }),
      ];
      const pushed = await first.inject({
        method: 'POST',
        url: '/v1/sync/push',
        headers: bearer(a.token),
        payload: pushBody('node-a', sent),
      });
      expect(pushed.json()).toMatchObject({ accepted: 2 });
      await first.close();
      await firstStore.close();

      const secondClient = await database.connect();
      // Nothing left to migrate on a restart: the first start brought the schema up to date.
      expect(await migrate(secondClient)).toEqual({ from: LATEST_SERVER_VERSION, to: LATEST_SERVER_VERSION });
      const secondStore = createSqlStore(secondClient);
      const second = await testServer(secondStore);
      try {
        const pulled = await second.inject({ url: '/v1/sync/pull?after=0', headers: bearer(b.token) });
        expect(pulled.statusCode).toBe(200);
        expect(pulled.json().changes).toEqual(sent.map((c, i) => ({ ...c, seq: i + 1 })));

        const more = await second.inject({
          method: 'POST',
          url: '/v1/sync/push',
          headers: bearer(b.token),
          payload: pushBody('node-b', [
            change('node-b', Date.now(), 0, { rowId: 'm1', col: 'city', value: 'London' }),
          ]),
        });
        expect(more.json()).toMatchObject({ accepted: 1 });
        const after = await second.inject({ url: '/v1/sync/pull?after=2', headers: bearer(a.token) });
        expect(after.json().changes.map((c: { seq: number }) => c.seq)).toEqual([3]);
      } finally {
        await second.close();
        await secondStore.close();
      }
    });
  },
);
