/**
 * Three laptops of one chapter with no server in reach: random new members, edits, deletes and
 * restores; random peer syncs over loopback TCP, some cut after a random number of bytes in either
 * direction, and sync files carried between them at random. At the end each pair syncs by peer
 * (twice round, as a merge settled on one laptop travels one more step). Every laptop must then hold
 * the same data, no change logged twice, and afterwards all three sync with the server, which
 * relays nothing they lack and agrees with each of them.
 *
 * PEER_FUZZ_CASES sets the number of cases (default 3); PEER_FUZZ_SEED replays one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../bench/lib/stats';
import { startCuttingProxy } from '../../../../tests/helpers/cutting-proxy';
import {
  enrol,
  memberSnapshot,
  openLaptop,
  serverChecksum,
  type Laptop,
} from '../../../../tests/helpers/laptop';
import { pick, randomMemberWork } from '../../../../tests/helpers/random-work';
import { startSyncServer, type TestSyncServer } from '../../../../tests/helpers/sync-server';
import { AppError } from '../../../shared/errors';
import { localChecksum } from '../checksum';
import { exportSyncFile } from '../file/export';
import { importSyncFile } from '../file/import';
import { connectToPeer, listenForPeer } from './peer';

const CASES = Number(process.env['PEER_FUZZ_CASES'] ?? 3);
const ONLY_SEED = process.env['PEER_FUZZ_SEED'];
const OPS = 40;
/** Small parts, so that a cut falls between parts as often as inside one. */
const PART_BYTES = 1500;

let server: TestSyncServer;
beforeAll(async () => {
  server = await startSyncServer();
});
afterAll(async () => {
  await server.close();
});

const logSize = (l: Laptop) => (l.db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;
const duplicatedChanges = (l: Laptop) =>
  (
    l.db
      .prepare(
        `SELECT count(*) AS n FROM (SELECT 1 FROM changes GROUP BY tbl, row_id, col, hlc, node_id HAVING count(*) > 1)`,
      )
      .get() as { n: number }
  ).n;

/**
 * `y` connects to `x`, through the proxy with a cut when `cut` is given; resolves once both ends
 * are done, whether the exchange finished (the cut fell after its last byte) or was cut.
 */
async function peerSync(
  x: Laptop,
  y: Laptop,
  cut: { direction: 'up' | 'down'; afterBytes: number } | null,
): Promise<void> {
  let listenerEnded: (outcome: unknown) => void = () => undefined;
  const ended = new Promise((resolve) => (listenerEnded = resolve));
  const deps = (l: Laptop) => ({ db: l.db, now: () => new Date() });
  const listener = await listenForPeer(deps(x), {
    host: '127.0.0.1',
    port: 0,
    partBytes: PART_BYTES,
    onFailure: listenerEnded,
  });
  void listener.exchanged.then(listenerEnded, listenerEnded);
  const proxy = await startCuttingProxy({ host: '127.0.0.1', port: listener.port });
  try {
    proxy.plan(cut ? [cut] : []);
    const port = Number(new URL(proxy.url).port);
    const outcome = await connectToPeer(
      deps(y),
      { host: '127.0.0.1', port },
      { partBytes: PART_BYTES },
    ).catch((error: unknown) => error);
    const heard = await ended;
    if (!cut) {
      expect(outcome).not.toBeInstanceOf(Error);
      expect(heard).not.toBeInstanceOf(Error);
    } else {
      for (const end of [outcome, heard]) {
        if (end instanceof AppError) expect(end.details?.problem?.code).toBe('PEER_CONNECTION_LOST');
      }
    }
  } finally {
    await proxy.close();
    await listener.close();
  }
}

async function runCase(seed: number): Promise<void> {
  const random = mulberry32(seed);
  const chapterId = (await server.admin.addChapter(`Peer fuzz ${seed}`)).id;
  const laptops = [openLaptop('A', { setupChapter: true }), openLaptop('B'), openLaptop('C')];
  try {
    for (const l of laptops) {
      await enrol(l, server, chapterId);
      await l.sync.runOnce();
    }
    const mailbox: { from: number; bytes: Buffer }[] = [];
    for (let op = 0; op < OPS; op++) {
      const at = Math.floor(random() * laptops.length);
      const other = (at + 1 + Math.floor(random() * (laptops.length - 1))) % laptops.length;
      const roll = random();
      if (roll < 0.6) {
        randomMemberWork(random, laptops[at]!);
      } else if (roll < 0.8) {
        const cut =
          random() < 0.5
            ? {
                direction: random() < 0.5 ? ('up' as const) : ('down' as const),
                afterBytes: 150 + Math.floor(random() * 2500),
              }
            : null;
        await peerSync(laptops[at]!, laptops[other]!, cut);
      } else if (roll < 0.9) {
        mailbox.push(
          ...exportSyncFile(laptops[at]!.db, { all: false, now: new Date() }).parts.map((bytes) => ({
            from: at,
            bytes,
          })),
        );
      } else if (mailbox.length > 0) {
        const file = pick(random, mailbox);
        const to = (file.from + 1 + Math.floor(random() * (laptops.length - 1))) % laptops.length;
        importSyncFile(laptops[to]!.db, file.bytes, () => new Date());
      }
    }
    const [a, b, c] = laptops as [Laptop, Laptop, Laptop];
    for (let round = 0; round < 2; round++) {
      await peerSync(a, b, null);
      await peerSync(b, c, null);
      await peerSync(c, a, null);
    }

    for (const l of [b, c]) {
      expect(memberSnapshot(l.db), `seed ${seed}: ${l.name} holds what A holds`).toEqual(
        memberSnapshot(a.db),
      );
      expect(localChecksum(l.db).checksum, `seed ${seed}: ${l.name}'s checksum`).toBe(
        localChecksum(a.db).checksum,
      );
    }
    for (const l of laptops)
      expect(duplicatedChanges(l), `seed ${seed}: ${l.name} logged a change twice`).toBe(0);

    const sizes = laptops.map(logSize);
    for (let round = 0; round < 2; round++) {
      for (const l of laptops) {
        expect((await l.sync.runOnce()).pulled, `seed ${seed}: ${l.name} pulled nothing new`).toBe(0);
      }
    }
    expect(laptops.map(logSize), `seed ${seed}: no change duplicated`).toEqual(sizes);
    for (const l of laptops) {
      expect(localChecksum(l.db).checksum, `seed ${seed}: ${l.name} matches the server`).toBe(
        await serverChecksum(l),
      );
    }
  } catch (error) {
    console.error(`peer sync fuzz failed: replay with PEER_FUZZ_SEED=${seed}`);
    throw error;
  } finally {
    laptops.forEach((l) => l.close());
  }
}

describe('peer sync between three laptops, cut at random, mixed with sync files', () => {
  const seeds = ONLY_SEED ? [Number(ONLY_SEED)] : Array.from({ length: CASES }, (_, i) => 2000 + i);
  it.each(seeds)(
    'seed %i converges, then matches the server',
    async (seed) => {
      await runCase(seed);
    },
    120_000,
  );
});
