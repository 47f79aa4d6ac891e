/**
 * Two server processes on one PostgreSQL, as behind a load balancer: laptops enrolled through
 * either push to one chapter at the same time. The per-chapter lock and the seq counter live in
 * the database, so the chapter's log must stay gap-free and every change must be there once;
 * rate-limit counters live in each process, as docs/ARCHITECTURE.md says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { travellingFieldLog } from '../../tests/helpers/log';
import { memberSnapshot, openLaptop, syncAll, type Laptop } from '../../tests/helpers/laptop';
import { spawnServerProcess, type ServerProcess } from '../../tests/helpers/server-process';
import { localChecksum } from '../main/sync/checksum';
import type { SqlClient } from './store/sql';
import { ADMIN_TOKEN, backends, DATABASE_TIMEOUT_MS, type TestDatabase } from './test-support';

const LAPTOPS = ['Amina', 'Ben', 'Chloé', 'Dev', 'Eun-ji', 'Femi'];
const ROUNDS = 4;
const MEMBERS_PER_ROUND = 15;

const postgres = backends.find((backend) => backend.name === 'postgres');

describe.runIf(postgres)('two server processes on one PostgreSQL', { timeout: DATABASE_TIMEOUT_MS }, () => {
  let database: TestDatabase;
  let client: SqlClient;
  let servers: ServerProcess[] = [];
  const laptops: Laptop[] = [];

  beforeAll(async () => {
    database = await postgres!.create();
    // Creates the test's schema; the servers migrate it, both at once.
    client = await database.connect();
    const env: NodeJS.ProcessEnv = { ...process.env, CHAPTERDESK_ADMIN_TOKEN: ADMIN_TOKEN };
    delete env.DATABASE_URL;
    servers = await Promise.all([0, 1].map(() => spawnServerProcess(['--database-url', database.url!], env)));
  }, DATABASE_TIMEOUT_MS);
  afterAll(async () => {
    for (const laptop of laptops) laptop.close();
    for (const server of servers) expect(await server.stop()).toBe(0);
    await client?.close();
    await database?.dispose();
  }, DATABASE_TIMEOUT_MS);

  async function admin<T>(server: ServerProcess, path: string, body: unknown): Promise<T> {
    const reply = await fetch(`${server.url}/v1/admin/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(reply.status, await reply.clone().text()).toBe(201);
    return (await reply.json()) as T;
  }

  async function checksumVia(server: ServerProcess, laptop: Laptop): Promise<string> {
    const { token } = laptop.db.prepare('SELECT token FROM sync_state').get() as { token: string };
    const reply = await fetch(`${server.url}/v1/sync/checksum`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await reply.json()) as { checksum: string }).checksum;
  }

  it('keeps one chapter gap-free and whole while laptops push through both at once', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const { id: chapterId } = await admin<{ id: string }>(a, 'chapters', { name: 'Shared' });
    for (const [i, name] of LAPTOPS.entries()) {
      const laptop = openLaptop(name, { setupChapter: i === 0 });
      laptops.push(laptop);
      // Alternate the servers, and issue each code on the other one: they share everything.
      const [issuer, home] = i % 2 === 0 ? [b, a] : [a, b];
      const { code } = await admin<{ code: string }>(issuer, 'enrolments', { chapterId });
      await laptop.handlers['sync.enroll']({ serverUrl: home.url, code, officerName: name });
      await laptop.sync.idle();
    }
    await syncAll(...laptops);
    const shared = laptops[0]!.handlers['members.create']({ firstName: 'Everyone', lastName: 'Edits' });
    await syncAll(...laptops);

    for (let round = 0; round < ROUNDS; round += 1) {
      for (const laptop of laptops) {
        for (let k = 0; k < MEMBERS_PER_ROUND; k += 1) {
          laptop.handlers['members.create']({ firstName: `${laptop.name} ${round}.${k}`, lastName: 'Busy' });
        }
        laptop.handlers['members.update']({
          id: shared.id,
          patch: { notes: `${laptop.name}, round ${round}` },
        });
      }
      // Every laptop pushes and pulls at the same time, half of them through each process.
      const summaries = await Promise.all(laptops.map((laptop) => laptop.sync.runOnce()));
      for (const summary of summaries) expect(summary.pushed).toBeGreaterThan(0);
    }
    await syncAll(...laptops);

    // The chapter's numbering: 1..n, each once, and the counter where the log ends.
    const rows = await client.query<{
      seq: number;
      node_id: string;
      hlc: string;
      tbl: string;
      row_id: string;
      col: string;
    }>('SELECT seq, node_id, hlc, tbl, row_id, col FROM changes WHERE chapter_id = $1 ORDER BY seq', [
      chapterId,
    ]);
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, i) => i + 1));
    const [chapter] = await client.query<{ last_seq: number }>(
      'SELECT last_seq FROM chapters WHERE id = $1',
      [chapterId],
    );
    expect(chapter!.last_seq).toBe(rows.length);

    // Nothing lost, nothing twice: every laptop's log (its own changes and what it pulled, but for
    // derived columns, which never travel) holds exactly the server's changes, each once, all
    // acknowledged.
    const key = (change: { node_id: string; hlc: string; tbl: string; row_id: string; col: string }) =>
      `${change.node_id} ${change.hlc} ${change.tbl} ${change.row_id} ${change.col}`;
    const onServer = rows.map(key).sort();
    expect(new Set(onServer).size).toBe(onServer.length);
    for (const laptop of laptops) {
      const log = travellingFieldLog(laptop.db);
      expect(log.map(key).sort(), laptop.name).toEqual(onServer);
      expect(log.filter((change) => change.pushed !== 1)).toEqual([]);
      expect(laptop.sync.status()).toMatchObject({ state: 'idle', pending: 0 });
    }
    const nodes = new Set(rows.map((row) => row.node_id));
    expect(nodes.size).toBe(LAPTOPS.length);

    // Same state everywhere, as both processes compute it.
    const expected = localChecksum(laptops[0]!.db).checksum;
    for (const laptop of laptops) {
      expect(localChecksum(laptop.db).checksum, laptop.name).toBe(expected);
      expect(memberSnapshot(laptop.db)).toEqual(memberSnapshot(laptops[0]!.db));
    }
    expect(await checksumVia(a, laptops[1]!)).toBe(expected);
    expect(await checksumVia(b, laptops[0]!)).toBe(expected);
    expect(memberSnapshot(laptops[0]!.db)).toHaveLength(1 + LAPTOPS.length * ROUNDS * MEMBERS_PER_ROUND);
  });

  it('counts failed authentications per process', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const pull = (server: ServerProcess) =>
      fetch(`${server.url}/v1/sync/pull`, {
        headers: { authorization: `Bearer cdt_${crypto.randomUUID()}` },
      }).then((reply) => reply.status);
    for (let i = 0; i < 60; i += 1) expect(await pull(a)).toBe(401);
    expect(await pull(a)).toBe(429);
    // The other process has its own count: an address gets 60 a minute from each.
    expect(await pull(b)).toBe(401);
  });
});
