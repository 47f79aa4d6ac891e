import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, type PulledChange } from '../shared/sync-protocol';
import {
  backends,
  DATABASE_TIMEOUT_MS,
  bearer,
  change,
  enrol,
  newChapter,
  openTestStore,
  pushBody,
  testServer,
  type EnrolledDevice,
  type TestStore,
} from './test-support';

const DEVICES_PER_CHAPTER = 6;
const BATCHES = 5;
const CHANGES_PER_BATCH = 20;

describe.each(backends)('concurrent pushes on $name', (backend) => {
  let t: TestStore;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    t = await openTestStore(backend);
    app = await testServer(t.store);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    url = `http://127.0.0.1:${address.port}`;
  }, DATABASE_TIMEOUT_MS);
  afterAll(async () => {
    await app.close();
    await t.close();
  }, DATABASE_TIMEOUT_MS);

  async function pushAll(device: EnrolledDevice): Promise<void> {
    for (let batch = 0; batch < BATCHES; batch += 1) {
      const changes = Array.from({ length: CHANGES_PER_BATCH }, (_, i) =>
        change(device.nodeId, Date.now(), batch * CHANGES_PER_BATCH + i, {
          rowId: `${device.nodeId}-m${i}`,
          col: 'notes',
          value: `batch ${batch}`,
        }),
      );
      const response = await fetch(`${url}/v1/sync/push`, {
        method: 'POST',
        headers: { ...bearer(device.token), 'content-type': 'application/json' },
        body: JSON.stringify(pushBody(device.nodeId, changes, batch)),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ accepted: CHANGES_PER_BATCH, rejected: [] });
    }
  }

  async function pullEverything(device: EnrolledDevice): Promise<PulledChange[]> {
    const all: PulledChange[] = [];
    let after = 0;
    for (;;) {
      const response = await fetch(`${url}/v1/sync/pull?after=${after}&limit=77`, {
        headers: bearer(device.token),
      });
      const page = pullResponseSchema.parse(await response.json());
      all.push(...page.changes);
      after = page.next;
      if (!page.more) return all;
    }
  }

  it('hands out gap-free seqs per chapter while pulls run alongside', async () => {
    const chapters = [await newChapter(t.store, 'Busy one'), await newChapter(t.store, 'Busy two')];
    const devices: EnrolledDevice[] = [];
    for (const chapterId of chapters) {
      for (let i = 0; i < DEVICES_PER_CHAPTER; i += 1) {
        devices.push(await enrol(app, t.store, chapterId, `node-${chapterId.slice(0, 4)}-${i}`));
      }
    }

    // A reader that keeps pulling while the writers commit must only ever see a gap-free prefix.
    let writing = true;
    const watcher = (async () => {
      let seen = 0;
      while (writing) {
        const page = await pullEverything(devices[0]!);
        expect(page.map((c) => c.seq)).toEqual(page.map((_, i) => i + 1));
        expect(page.length).toBeGreaterThanOrEqual(seen);
        seen = page.length;
      }
    })();
    await Promise.all(devices.map(pushAll));
    writing = false;
    await watcher;

    const expected = DEVICES_PER_CHAPTER * BATCHES * CHANGES_PER_BATCH;
    for (const chapterId of chapters) {
      const reader = devices.find((d) => d.chapterId === chapterId)!;
      const all = await pullEverything(reader);
      expect(all).toHaveLength(expected);
      expect(all.map((c) => c.seq)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
      expect(new Set(all.map((c) => c.nodeId)).size).toBe(DEVICES_PER_CHAPTER);
      // Each device's batches keep their order within the chapter's sequence.
      for (const device of devices.filter((d) => d.chapterId === chapterId)) {
        const own = all.filter((c) => c.nodeId === device.nodeId).map((c) => c.hlc);
        expect(own).toEqual([...own].sort());
      }
    }
  });
});
