/**
 * Convergence under random offline work: several laptops and one server, random inserts, edits,
 * deletes and restores (including the same field edited on two laptops and the same new member on
 * two laptops), random partitions, duplicated and re-delivered pushes and pulls, shuffled pages.
 * After healing, every laptop must hold exactly the server's data.
 *
 * SYNC_FUZZ_CASES sets the number of cases on PGlite (default 500) and SYNC_FUZZ_CASES_PG on
 * PostgreSQL (default 200: the same code paths, at the cost of a slower database); SYNC_FUZZ_SEED
 * replays one case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, memberSnapshot, openLaptop, type Laptop } from '../../../tests/helpers/laptop';
import { fieldLog, type LoggedField } from '../../../tests/helpers/log';
import { STORE_KINDS, startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import { mulberry32 } from '../../../bench/lib/stats';
import type { SyncTransport } from './transport';
import { localChecksum } from './checksum';

const CASES = {
  pglite: Number(process.env['SYNC_FUZZ_CASES'] ?? 500),
  postgres: Number(process.env['SYNC_FUZZ_CASES_PG'] ?? 200),
};
const ONLY_SEED = process.env['SYNC_FUZZ_SEED'];
const LAPTOPS = 3;
const OPS = 30;

const EMAILS = ['ana@example.org', 'ben@example.org', 'chloé@example.org', 'dev@example.org'];
const CITIES = ['Lyon', 'Nairobi', 'São Paulo', 'Москва', null];
const NAMES = ['Hélène', 'Kwame', 'Søren', 'محمد', '王伟', 'Ngozi'];

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** A link that re-sends, re-delivers and shuffles, as a flaky network and retrying proxies do. */
function unreliable(random: Random, offline: () => boolean) {
  return (t: SyncTransport): SyncTransport => ({
    enroll: (request) => t.enroll(request),
    async push(request) {
      if (offline()) throw Object.assign(new Error('offline'), { name: 'Offline' });
      const reply = await t.push(request);
      if (random() < 0.2) await t.push(request);
      return reply;
    },
    async pull(after, limit) {
      if (offline()) throw Object.assign(new Error('offline'), { name: 'Offline' });
      const from = random() < 0.2 ? Math.max(0, after - Math.floor(random() * 20)) : after;
      const page = await t.pull(from, random() < 0.3 ? Math.max(1, Math.floor(limit / 50)) : limit);
      const changes = [...page.changes];
      if (random() < 0.5) changes.sort(() => random() - 0.5);
      return { ...page, changes };
    },
  });
}

/** Fields whose last-writer-wins value differs between a laptop and the server, for the failure message. */
async function fieldDifferences(
  server: TestSyncServer,
  chapterId: string,
  laptop: Laptop,
): Promise<string[]> {
  const remote = new Map<string, string>();
  await server.store.scanFieldState(chapterId, (page) => {
    for (const f of page) remote.set(`${f.tbl}/${f.rowId}/${f.col}`, `${f.value} @ ${f.hlc}`);
  });
  const local = new Map<string, string>();
  const rows = new Map<string, LoggedField>();
  for (const f of fieldLog(laptop.db)) {
    const key = `${f.tbl}/${f.row_id}/${f.col}`;
    if (f.pushed !== 2 && !(f.hlc < (rows.get(key)?.hlc ?? ''))) rows.set(key, f);
  }
  for (const [key, r] of rows) local.set(key, `${r.value} @ ${r.hlc}`);
  const keys = new Set([...remote.keys(), ...local.keys()]);
  return [...keys]
    .filter((k) => remote.get(k) !== local.get(k))
    .slice(0, 5)
    .map((k) => `${k}: laptop ${local.get(k) ?? '-'} / server ${remote.get(k) ?? '-'}`);
}

async function runCase(server: TestSyncServer, seed: number): Promise<void> {
  const random = mulberry32(seed);
  const chapterId = (await server.admin.addChapter(`fuzz ${seed}`)).id;
  const offline = new Array<boolean>(LAPTOPS).fill(false);
  const laptops: Laptop[] = [];
  try {
    for (let i = 0; i < LAPTOPS; i++) {
      const laptop = openLaptop(`L${i}`, { memory: true, setupChapter: i === 0 || random() < 0.3 });
      laptops.push(laptop);
      await enrol(laptop, server, chapterId);
      laptop.wrapTransport(unreliable(random, () => offline[i]!));
    }
    for (let op = 0; op < OPS; op++) {
      const i = Math.floor(random() * LAPTOPS);
      const laptop = laptops[i]!;
      const members = laptop.db.prepare('SELECT id FROM members ORDER BY id').all() as { id: string }[];
      const target = members.length ? pick(random, members).id : null;
      const roll = random();
      try {
        if (roll < 0.1) {
          offline[i] = !offline[i];
        } else if (roll < 0.3) {
          await laptop.sync.runOnce();
        } else if (!laptop.handlers['chapter.get'](undefined)) {
          continue;
        } else if (roll < 0.5 || !target) {
          laptop.handlers['members.create']({
            firstName: pick(random, NAMES),
            email: random() < 0.6 ? pick(random, EMAILS) : '',
            city: pick(random, CITIES) ?? '',
          });
        } else if (roll < 0.8) {
          laptop.handlers['members.update']({
            id: target,
            patch: random() < 0.5 ? { city: pick(random, CITIES) ?? '' } : { notes: `note ${op} by L${i}` },
          });
        } else if (roll < 0.9) {
          laptop.handlers['members.delete']({ id: target });
        } else {
          laptop.handlers['members.restore']({ id: target });
        }
      } catch {
        // A refused edit (a deleted member, an email in use) or a sync through a cut link: the
        // secretary sees an error and carries on, and so does the case.
      }
    }
    offline.fill(false);
    for (let round = 0; round < 3; round++) for (const laptop of laptops) await laptop.sync.runOnce();

    const reference = memberSnapshot(laptops[0]!.db);
    const state = laptops[0]!.db.prepare('SELECT server_url, token FROM sync_state').get() as {
      server_url: string;
      token: string;
    };
    const reply = await fetch(`${state.server_url}/v1/sync/checksum`, {
      headers: { authorization: `Bearer ${state.token}` },
    });
    const serverChecksum = ((await reply.json()) as { checksum: string }).checksum;
    for (const laptop of laptops) {
      expect(laptop.sync.status().pending, `${laptop.name} outbox`).toBe(0);
      expect(memberSnapshot(laptop.db), `${laptop.name} members`).toEqual(reference);
      if (localChecksum(laptop.db).checksum !== serverChecksum) {
        expect(await fieldDifferences(server, chapterId, laptop), `${laptop.name} fields`).toEqual([]);
      }
    }
  } finally {
    laptops.forEach((l) => l.close());
  }
}

describe.each(STORE_KINDS)('convergence (%s)', (kind) => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startSyncServer(kind);
  });
  afterAll(async () => {
    await server.close();
  });

  const seeds = ONLY_SEED ? [Number(ONLY_SEED)] : Array.from({ length: CASES[kind] }, (_, i) => 1000 + i);
  it(`${seeds.length} random cases converge`, { timeout: 20 * 60_000 }, async () => {
    for (const seed of seeds) {
      try {
        await runCase(server, seed);
      } catch (error) {
        const detail =
          error instanceof Error
            ? `${error.message}\n${JSON.stringify((error as { actual?: unknown }).actual ?? '')}`
            : String(error);
        throw new Error(
          `Case with seed ${seed} did not converge; replay it with SYNC_FUZZ_SEED=${seed}: ${detail}`,
        );
      }
    }
  });
});
