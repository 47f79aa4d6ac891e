/**
 * Sync benchmark. Prints, each with its target and its ratio to a floor measured in the same run:
 *  1. bytes on the wire per field change, in pushed batches of >= 100 changes, gzip; and in a
 *     sync file of the same changes (`sync export --all`);
 *  2. field changes applied per second on a laptop pulling;
 *  3. 20,000 changes through a 256 kbit/s link with 600 ms round trip and three dropped
 *     connections: time to complete, and batches sent again per drop;
 *  4. 50 devices syncing at once against one server on PostgreSQL (DATABASE_URL): errors and p95.
 *
 *   npm run bench:sync              full size
 *   npm run bench:sync -- --smoke   small sizes (CI)
 */
import { gzipSync } from 'node:zlib';
import { applyPulled } from '../../src/main/sync/apply';
import { exportSyncFile } from '../../src/main/sync/file/export';
import { httpTransport, type SyncTransport } from '../../src/main/sync/transport';
import { deviceClock } from '../../src/main/services/device/device';
import { startCuttingProxy } from '../../tests/helpers/cutting-proxy';
import { enrol, openLaptop, type Laptop } from '../../tests/helpers/laptop';
import { fieldLog } from '../../tests/helpers/log';
import { startSyncServer } from '../../tests/helpers/sync-server';
import { people } from '../lib/people';
import { percentile } from '../lib/stats';

const smoke = process.argv.includes('--smoke');
const THROTTLED_CHANGES = smoke ? 2_000 : 20_000;
const DEVICES = smoke ? 10 : 50;
const APPLY_CHANGES = smoke ? 20_000 : 100_000;

const ratio = (value: number, floor: number) => (value / floor).toFixed(2);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** The outbox as field changes: a new member's one log entry is a change per field on the wire. */
function pendingFields(l: Laptop) {
  return fieldLog(l.db).filter((c) => c.pushed === 0);
}

/** Adds members until the laptop's outbox holds at least `changes` field changes. */
function fillOutbox(l: Laptop, changes: number, seed = 1): void {
  const pending = () => pendingFields(l).length;
  const source = people(1_000_000, seed);
  l.db.transaction(() => {
    while (pending() < changes) {
      for (let i = 0; i < 50; i++) l.handlers['members.create'](source.next().value!);
    }
  })();
}

function counting(onPush: (changes: number, duplicates: number) => void) {
  return (t: SyncTransport): SyncTransport => ({
    ...t,
    async push(request) {
      const reply = await t.push(request);
      onPush(request.changes.length, reply.duplicates);
      return reply;
    },
  });
}

async function bytesPerChange(): Promise<void> {
  const server = await startSyncServer('pglite');
  try {
    const chapterId = (await server.admin.addChapter('bytes')).id;
    const l = openLaptop('bytes', { setupChapter: true });
    await enrol(l, server, chapterId);
    fillOutbox(l, smoke ? 2_000 : 10_000);
    const changes = pendingFields(l).length;
    let bytes = 0;
    let batches = 0;
    let minBatch = Infinity;
    const state = l.db.prepare('SELECT server_url, token FROM sync_state').get() as {
      server_url: string;
      token: string;
    };
    l.wrapTransport(() =>
      counting((n) => {
        batches++;
        minBatch = Math.min(minBatch, n);
      })(httpTransport({ baseUrl: state.server_url, token: state.token, onBytesSent: (b) => (bytes += b) })),
    );
    await l.sync.runOnce();
    const values = fieldLog(l.db)
      .map((r) => r.value ?? '')
      .join('\n');
    const floor = gzipSync(Buffer.from(values)).length / changes;
    const perChange = bytes / changes;
    console.log(
      `wire bytes per field change: ${perChange.toFixed(1)} B over ${changes} changes in ${batches} batches (smallest ${minBatch}) ` +
        `(target <= 40 B: ${verdict(perChange <= 40)}); floor (gzip of the bare values) ${floor.toFixed(1)} B, ratio ${ratio(perChange, floor)}`,
    );
    const file = exportSyncFile(l.db, { all: true, now: new Date() });
    const filePerChange = file.parts.reduce((sum, part) => sum + part.length, 0) / file.changes;
    console.log(
      `sync file bytes per field change: ${filePerChange.toFixed(1)} B over ${file.changes} changes ` +
        `(target <= 40 B: ${verdict(filePerChange <= 40)}); ratio to the wire ${ratio(filePerChange, perChange)}, to the floor ${ratio(filePerChange, floor)}`,
    );
    l.close();
  } finally {
    await server.close();
  }
}

function applyRate(): void {
  const l = openLaptop('apply', { setupChapter: true, memory: true });
  const node = 'a1b2c3d4e5f60718';
  const cols = ['first_name', 'last_name', 'email', 'city', 'notes'];
  const base = Date.now();
  const changes = Array.from({ length: APPLY_CHANGES }, (_, i) => {
    const row = Math.floor(i / cols.length);
    return {
      seq: i + 1,
      tbl: 'members',
      rowId: `00000000-0000-4000-8000-${String(row).padStart(12, '0')}`,
      col: cols[i % cols.length]!,
      // Values that fit their columns, as pulls bring them: every one is checked before it applies.
      value: JSON.stringify(cols[i % cols.length] === 'email' ? `member${row}@example.org` : `value ${i}`),
      hlc: `${String(base + row).padStart(15, '0')}:000000:${node}`,
      nodeId: node,
    };
  });
  const { nodeId, id: chapterId } = l.handlers['chapter.get'](undefined)!;
  const started = performance.now();
  l.db.transaction(() => {
    applyPulled(
      {
        db: l.db,
        nodeId,
        now: () => new Date(),
        hlc: deviceClock(l.db, () => new Date(), nodeId).hlc,
        concurrentAfterSeq: 0,
        chapterId,
      },
      changes,
    );
  })();
  const seconds = (performance.now() - started) / 1000;
  const floorDb = openLaptop('floor', { memory: true }).db;
  const insert = floorDb.prepare(
    `INSERT INTO changes (tbl, row_id, col, value, hlc, node_id, pushed) VALUES (?, ?, ?, ?, ?, ?, 1)`,
  );
  const floorStarted = performance.now();
  floorDb.transaction(() => {
    for (const c of changes) insert.run(c.tbl, c.rowId, c.col, c.value, c.hlc, c.nodeId);
  })();
  const floorSeconds = (performance.now() - floorStarted) / 1000;
  const rate = APPLY_CHANGES / seconds;
  console.log(
    `apply pulled changes: ${Math.round(rate).toLocaleString('en')} field changes/s over ${APPLY_CHANGES.toLocaleString('en')} ` +
      `(target >= 20,000/s: ${verdict(rate >= 20_000)}); floor (plain INSERT into the change log) ` +
      `${Math.round(APPLY_CHANGES / floorSeconds).toLocaleString('en')}/s, time ratio ${ratio(seconds, floorSeconds)}`,
  );
  l.close();
}

async function throttledLink(): Promise<void> {
  const server = await startSyncServer('pglite');
  const proxy = await startCuttingProxy({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
  try {
    const chapterId = (await server.admin.addChapter('throttled')).id;
    const l = openLaptop('slow', { setupChapter: true });
    fillOutbox(l, THROTTLED_CHANGES, 7);
    const { code } = await server.admin.issueEnrolmentCode(chapterId);
    await l.handlers['sync.enroll']({ serverUrl: proxy.url, code, officerName: 'slow' });
    // Every push request that leaves the laptop, including the transport's own retry after a drop,
    // against the batches the server acknowledged: the difference is what was sent again.
    let attempts = 0;
    let acknowledged = 0;
    const state = l.db.prepare('SELECT server_url, token FROM sync_state').get() as {
      server_url: string;
      token: string;
    };
    const countingFetch: typeof fetch = (input, init) => {
      if (String(input).includes('/v1/sync/push')) attempts++;
      return fetch(input, init);
    };
    l.wrapTransport(() =>
      counting(() => acknowledged++)(
        httpTransport({ baseUrl: state.server_url, token: state.token, fetch: countingFetch }),
      ),
    );
    const changes = pendingFields(l).length;

    // Floor: the same bytes through the same link without drops.
    proxy.throttle(256_000, 300);
    const payload = gzipSync(Buffer.from(JSON.stringify(pendingFields(l)))).length;

    const started = performance.now();
    let drops = 0;
    const dropper = setInterval(() => {
      if (drops < 3) {
        drops++;
        proxy.plan([]);
      }
    }, 3_000);
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        await l.sync.runOnce();
        break;
      } catch {
        // A dropped connection: the scheduler would retry after a backoff; here at once.
      }
    }
    clearInterval(dropper);
    const seconds = (performance.now() - started) / 1000;
    const floorSeconds = (payload * 8) / 256_000 + 0.6;
    const pending = l.sync.status().pending;
    const resentBatches = attempts - acknowledged;
    console.log(
      `${changes.toLocaleString('en')} changes at 256 kbit/s, 600 ms RTT, ${drops} drops: ${seconds.toFixed(1)} s ` +
        `(target <= 60 s: ${verdict(seconds <= 60 && pending === 0)}), ${resentBatches} batches sent again in all ` +
        `(target <= 1 per drop: ${verdict(resentBatches <= drops)}); floor (the gzip payload at line rate + 1 RTT) ` +
        `${floorSeconds.toFixed(1)} s, ratio ${ratio(seconds, floorSeconds)}`,
    );
    l.close();
  } finally {
    await proxy.close();
    await server.close();
  }
}

async function manyDevices(): Promise<void> {
  const kind = process.env['DATABASE_URL'] ? 'postgres' : 'pglite';
  const server = await startSyncServer(kind);
  try {
    const chapterId = (await server.admin.addChapter('crowd')).id;
    const laptops: Laptop[] = [];
    for (let i = 0; i < DEVICES; i++) {
      const l = openLaptop(`d${i}`, { memory: true, setupChapter: i === 0 });
      await enrol(l, server, chapterId);
      laptops.push(l);
    }
    await laptops[0]!.sync.runOnce();
    const latencies: number[] = [];
    l0: for (const l of laptops) {
      for (let i = 0; i < 20; i++) {
        if (!l.handlers['chapter.get'](undefined)) await l.sync.runOnce();
        if (!l.handlers['chapter.get'](undefined)) continue l0;
        l.handlers['members.create']({ firstName: `${l.name}-${i}` });
      }
    }
    let errors = 0;
    const timed = (l: Laptop) => {
      const wrap = (t: SyncTransport): SyncTransport => ({
        enroll: t.enroll,
        chapterKey: t.chapterKey,
        push: async (r) => {
          const s = performance.now();
          const reply = await t.push(r);
          latencies.push(performance.now() - s);
          return reply;
        },
        pull: async (a, n) => {
          const s = performance.now();
          const reply = await t.pull(a, n);
          latencies.push(performance.now() - s);
          return reply;
        },
      });
      l.wrapTransport(wrap);
    };
    laptops.forEach(timed);
    const started = performance.now();
    await Promise.all(laptops.map((l) => l.sync.runOnce().catch(() => errors++)));
    const wall = performance.now() - started;
    const floorStarted = performance.now();
    await fetch(`${server.url}/healthz`);
    const floor = performance.now() - floorStarted;
    const p95 = percentile(latencies, 95);
    console.log(
      `${DEVICES} devices syncing at once on ${kind}: ${errors} errors (target 0: ${verdict(errors === 0)}), ` +
        `${latencies.length} requests, p95 ${p95.toFixed(1)} ms, all done in ${(wall / 1000).toFixed(1)} s; ` +
        `floor (one /healthz round trip) ${floor.toFixed(1)} ms, ratio ${ratio(p95, floor)}`,
    );
    laptops.forEach((l) => l.close());
  } finally {
    await server.close();
  }
}

await bytesPerChange();
applyRate();
await throttledLink();
await manyDevices();
