/**
 * Three laptops of one chapter with no server in reach: random new members (some with the same
 * email on two laptops), edits, deletes and restores, and sync files written on random laptops and
 * delivered in random order, some twice, some never; at the end every laptop writes a full file
 * again ("send it again") and loads the others'. Every laptop must then hold the same data, and
 * afterwards all three sync with the server, which relays nothing they lack (no change pulled, the
 * logs unchanged) and agrees with each of them.
 *
 * SYNC_FILE_FUZZ_CASES sets the number of cases (default 4, about 10 s each on a busy machine);
 * SYNC_FILE_FUZZ_SEED replays one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../bench/lib/stats';
import {
  enrol,
  memberSnapshot,
  openLaptop,
  serverChecksum,
  type Laptop,
} from '../../../../tests/helpers/laptop';
import { pick, randomMemberWork } from '../../../../tests/helpers/random-work';
import { startSyncServer, type TestSyncServer } from '../../../../tests/helpers/sync-server';
import { localChecksum } from '../checksum';
import { exportSyncFile } from './export';
import { importSyncFile } from './import';

const CASES = Number(process.env['SYNC_FILE_FUZZ_CASES'] ?? 4);
const ONLY_SEED = process.env['SYNC_FILE_FUZZ_SEED'];
const OPS = 40;

let server: TestSyncServer;
beforeAll(async () => {
  server = await startSyncServer();
});
afterAll(async () => {
  await server.close();
});

const logSize = (l: Laptop) => (l.db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;

async function runCase(seed: number): Promise<void> {
  const random = mulberry32(seed);
  const chapterId = (await server.admin.addChapter(`Fuzz ${seed}`)).id;
  const laptops = [openLaptop('A', { setupChapter: true }), openLaptop('B'), openLaptop('C')];
  try {
    for (const l of laptops) {
      await enrol(l, server, chapterId);
      await l.sync.runOnce();
    }
    const mailbox: { from: number; bytes: Buffer }[] = [];
    for (let op = 0; op < OPS; op++) {
      const at = Math.floor(random() * laptops.length);
      const l = laptops[at]!;
      const roll = random();
      if (roll < 0.55) {
        randomMemberWork(random, l);
      } else if (roll < 0.75) {
        const { parts } = exportSyncFile(l.db, { all: random() < 0.3, now: new Date() });
        mailbox.push(...parts.map((bytes) => ({ from: at, bytes })));
      } else if (mailbox.length > 0) {
        // Any file, to any other laptop: old ones, ones already delivered; some are never delivered.
        const file = pick(random, mailbox);
        const to = (file.from + 1 + Math.floor(random() * (laptops.length - 1))) % laptops.length;
        importSyncFile(laptops[to]!.db, file.bytes, () => new Date());
      }
    }
    // What was lost is sent again: each laptop's full file, loaded by the others in a random order.
    const full = laptops.map((l) => exportSyncFile(l.db, { all: true, now: new Date() }).parts[0]!);
    const deliveries = laptops.flatMap((_, to) => full.map((bytes, from) => ({ to, from, bytes })));
    deliveries.sort(() => random() - 0.5);
    for (const d of deliveries)
      if (d.to !== d.from) importSyncFile(laptops[d.to]!.db, d.bytes, () => new Date());
    // A merge settled on one laptop after the others loaded its file travels in one more round.
    const again = laptops.map((l) => exportSyncFile(l.db, { all: false, now: new Date() }).parts[0]!);
    laptops.forEach((l, to) =>
      again.forEach((bytes, from) => from !== to && importSyncFile(l.db, bytes, () => new Date())),
    );

    const [a, ...others] = laptops;
    for (const l of others) {
      expect(memberSnapshot(l.db), `seed ${seed}: ${l.name} holds what A holds`).toEqual(
        memberSnapshot(a!.db),
      );
      expect(localChecksum(l.db).checksum, `seed ${seed}: ${l.name}'s checksum`).toBe(
        localChecksum(a!.db).checksum,
      );
    }

    // The server then relays nothing they lack, and agrees with each of them.
    const sizes = laptops.map(logSize);
    for (let round = 0; round < 2; round++) {
      for (const l of laptops) {
        const summary = await l.sync.runOnce();
        expect(summary.pulled, `seed ${seed}: ${l.name} pulled nothing new`).toBe(0);
      }
    }
    expect(laptops.map(logSize), `seed ${seed}: no change duplicated`).toEqual(sizes);
    for (const l of laptops) {
      expect(localChecksum(l.db).checksum, `seed ${seed}: ${l.name} matches the server`).toBe(
        await serverChecksum(l),
      );
    }
  } catch (error) {
    console.error(`sync file fuzz failed: replay with SYNC_FILE_FUZZ_SEED=${seed}`);
    throw error;
  } finally {
    laptops.forEach((l) => l.close());
  }
}

describe('sync files between three laptops, in any order, duplicated or lost and sent again', () => {
  const seeds = ONLY_SEED ? [Number(ONLY_SEED)] : Array.from({ length: CASES }, (_, i) => 1000 + i);
  it.each(seeds)(
    'seed %i converges, then matches the server',
    async (seed) => {
      await runCase(seed);
    },
    60_000,
  );
});
