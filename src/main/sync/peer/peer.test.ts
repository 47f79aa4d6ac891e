import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/helpers/chapter';
import { startCuttingProxy } from '../../../../tests/helpers/cutting-proxy';
import { enrol, memberSnapshot, openLaptop, type Laptop } from '../../../../tests/helpers/laptop';
import { startSyncServer, type TestSyncServer } from '../../../../tests/helpers/sync-server';
import { AppError } from '../../../shared/errors';
import { getChapter } from '../../services/chapter/chapter';
import { getDevice } from '../../services/device/device';
import { newChapterKey, setChapterKey } from '../../services/chapter/key';
import { localChecksum } from '../checksum';
import { chapterTag } from './channel';
import { connectToPeer, listenForPeer, type PeerListener } from './peer';
import type { PeerOptions } from './session';

let server: TestSyncServer;
let laptops: Laptop[] = [];
let listeners: PeerListener[] = [];
const temps: { cleanup(): void }[] = [];
beforeAll(async () => {
  server = await startSyncServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await Promise.all(listeners.map((l) => l.close()));
  listeners = [];
  laptops.forEach((l) => l.close());
  laptops = [];
  temps.splice(0).forEach((t) => t.cleanup());
});

function laptop(name: string, options: Parameters<typeof openLaptop>[1] = {}): Laptop {
  const l = openLaptop(name, options);
  laptops.push(l);
  return l;
}

/** Laptops that joined one chapter through the server once and then work with no server in reach. */
async function chapterOf<N extends string[]>(
  names: [...N],
  paths: string[] = [],
): Promise<{ [K in keyof N]: Laptop }> {
  const chapterId = (await server.admin.addChapter(`Chapter ${Math.random()}`)).id;
  const joined: Laptop[] = [];
  for (const [i, name] of names.entries()) {
    const l = laptop(name, { setupChapter: i === 0, ...(paths[i] ? { path: paths[i] } : {}) });
    await enrol(l, server, chapterId);
    await l.sync.runOnce();
    joined.push(l);
  }
  return joined as { [K in keyof N]: Laptop };
}

const deps = (l: Laptop) => ({ db: l.db, now: () => new Date() });
const logSize = (l: Laptop) => (l.db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;
/** Log entries held twice: one change applied twice would show here. */
const duplicatedChanges = (l: Laptop) =>
  (
    l.db
      .prepare(
        `SELECT count(*) AS n FROM (SELECT 1 FROM changes GROUP BY tbl, row_id, col, hlc, node_id HAVING count(*) > 1)`,
      )
      .get() as { n: number }
  ).n;
const problemOf = (error: unknown) =>
  error instanceof AppError ? error.details?.problem?.code : String(error);

/** `l` listens on loopback; the failures of attempts before a good one are collected. */
async function listen(l: Laptop, options: PeerOptions = {}) {
  const failures: unknown[] = [];
  const listener = await listenForPeer(deps(l), {
    host: '127.0.0.1',
    port: 0,
    onFailure: (error) => failures.push(error),
    ...options,
  });
  listeners.push(listener);
  return { listener, failures, address: { host: '127.0.0.1', port: listener.port } };
}

/** Waits until `check` holds (the other end's refusal arrives a moment after this end's). */
async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}

/** Every laptop syncs with the server twice: what it pulls it should already have had by peer. */
async function serverRoundsPullNothing(...ls: Laptop[]): Promise<void> {
  const before = ls.map(logSize);
  const pulled: number[] = [];
  for (let round = 0; round < 2; round++) for (const l of ls) pulled.push((await l.sync.runOnce()).pulled);
  expect(pulled).toEqual(pulled.map(() => 0));
  expect(ls.map(logSize)).toEqual(before);
  for (const l of ls) expect(duplicatedChanges(l)).toBe(0);
  for (const l of ls.slice(1)) expect(memberSnapshot(l.db)).toEqual(memberSnapshot(ls[0]!.db));
}

describe('sync peer', () => {
  it('syncs two laptops both ways over TCP, the second time applies nothing, and the server then duplicates nothing', async () => {
    const [a, b] = await chapterOf(['Amina', 'Ben']);
    const hel = a.handlers['members.create']({
      firstName: 'Hélène',
      lastName: 'Dupré',
      email: 'h@example.org',
    });
    const kw = b.handlers['members.create']({ firstName: 'Kwame', lastName: 'Mensah', city: 'Accra' });
    const { listener, address } = await listen(a);

    const [connected, listened] = await Promise.all([connectToPeer(deps(b), address), listener.exchanged]);
    expect(connected.applied).toBeGreaterThan(3);
    expect(listened.applied).toBeGreaterThan(3);
    expect(connected.conflicts + listened.conflicts).toBe(0);
    // What one side sent is what the other received; bytes counted at both ends agree.
    expect(connected.sent).toBe(listened.received);
    expect(listened.sent).toBe(connected.received);
    expect(connected.bytesSent).toBe(listened.bytesReceived);
    expect(connected.bytesReceived).toBe(listened.bytesSent);
    expect(memberSnapshot(a.db)).toEqual(memberSnapshot(b.db));
    expect(localChecksum(a.db).checksum).toBe(localChecksum(b.db).checksum);
    // Counted as a nearby laptop's bytes, as they crossed the wire; not as sync files.
    const traffic = (l: Laptop) =>
      l.db
        .prepare(
          `SELECT channel, sent, received FROM sync_traffic WHERE channel != 'server' ORDER BY channel`,
        )
        .all();
    expect(traffic(b)).toEqual([
      { channel: 'peer', sent: connected.bytesSent, received: connected.bytesReceived },
    ]);
    expect(traffic(a)).toEqual([
      { channel: 'peer', sent: listened.bytesSent, received: listened.bytesReceived },
    ]);

    // One field edited on both sides, neither having seen the other's: one value wins on both.
    a.handlers['members.update']({ id: kw.id, patch: { city: 'Kumasi' } });
    b.handlers['members.update']({ id: kw.id, patch: { city: 'Tamale' } });
    const again = await listen(a);
    const [second, secondListened] = await Promise.all([
      connectToPeer(deps(b), again.address),
      again.listener.exchanged,
    ]);
    // Each learns of the other's edit at once, so each laptop's officer gets the card (one each),
    // as two laptops that load each other's sync files do; both keep the same winner.
    expect([second.conflicts, secondListened.conflicts]).toEqual([1, 1]);
    expect(a.handlers['members.get']({ id: kw.id }).city).toBe(b.handlers['members.get']({ id: kw.id }).city);

    const sizes = [logSize(a), logSize(b)];
    const third = await listen(b);
    const [repeat] = await Promise.all([connectToPeer(deps(a), third.address), third.listener.exchanged]);
    expect(repeat).toMatchObject({ applied: 0, conflicts: 0 });
    expect(repeat.alreadyHad).toBe(repeat.received);
    expect([logSize(a), logSize(b)]).toEqual(sizes);
    expect(a.handlers['members.get']({ id: hel.id }).email).toBe('h@example.org');

    await serverRoundsPullNothing(a, b);
  });

  it('keeps what arrived when the connection is cut mid-transfer, and the next run completes it', async () => {
    const [a, b] = await chapterOf(['Amina', 'Ben']);
    for (let i = 0; i < 60; i++) {
      a.handlers['members.create']({ firstName: `Adwoa${i}`, lastName: 'Boateng', city: `Town ${i}` });
    }
    b.handlers['members.create']({ firstName: 'Ben', lastName: 'Own' });
    const options = { partBytes: 1000 };
    const { listener, failures, address } = await listen(a, options);
    const proxy = await startCuttingProxy(address);
    const port = Number(new URL(proxy.url).port);
    // The listener's parts to the connector are cut off after 4 KB: some parts in, others not.
    proxy.plan([{ direction: 'down', afterBytes: 4000 }]);
    const cut = await connectToPeer(deps(b), { host: '127.0.0.1', port }, options).catch((e: unknown) => e);
    expect(problemOf(cut)).toBe('PEER_CONNECTION_LOST');
    await eventually(() => failures.length === 1);
    expect(problemOf(failures[0])).toBe('PEER_CONNECTION_LOST');
    const members = (l: Laptop) =>
      (l.db.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
    expect(members(b)).toBeGreaterThan(1);
    expect(members(b)).toBeLessThan(61);
    for (const l of [a, b!]) expect(l.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // Run again (through the same proxy, not cut now): everything arrives, each change once.
    const [done, listened] = await Promise.all([
      connectToPeer(deps(b), { host: '127.0.0.1', port }, options),
      listener.exchanged,
    ]);
    // What arrived before the cut is already here; Amina gets Ben's member now or had it already.
    expect(done.alreadyHad).toBeGreaterThan(0);
    expect(listened.applied + listened.alreadyHad).toBe(listened.received);
    expect(members(b)).toBe(61);
    expect(memberSnapshot(a.db)).toEqual(memberSnapshot(b.db));
    expect(localChecksum(a.db).checksum).toBe(localChecksum(b.db).checksum);
    await proxy.close();
    await serverRoundsPullNothing(a, b);
  });

  it('refuses a laptop with the wrong key on both ends: it learns no member, chapter or laptop id and writes nothing', async () => {
    const [a, b] = await chapterOf(['Amina', 'Ben']);
    a.handlers['members.create']({ firstName: 'Secret', lastName: 'Sekibo', email: 'secret@example.org' });
    // Ben's laptop with a key the chapter never gave (as a stranger's copy of the chapter id would be).
    setChapterKey(b.db, newChapterKey(), true);
    b.handlers['members.create']({ firstName: 'Intruder', lastName: 'Injected' });
    const sizes = [logSize(a), logSize(b)];
    const { failures, address } = await listen(a);
    const refused = await connectToPeer(deps(b), address).catch((e: unknown) => e);
    // The chapter tag is keyed: without the key Ben cannot tell Amina's laptop from another chapter's.
    expect(problemOf(refused)).toBe('PEER_OTHER_CHAPTER');
    expect([logSize(a), logSize(b)]).toEqual(sizes);
    expect(memberSnapshot(a.db).some((m) => JSON.stringify(m).includes('Intruder'))).toBe(false);
    // Amina's end hears the refusal too (and is free again for the next attempt).
    await eventually(() => failures.length === 1);

    // A stranger speaking the protocol by hand, who even knows the chapter's id (a former member):
    // it hears the challenge, then a refusal, and nothing of the chapter.
    const chapterId = getChapter(a.db)!.id;
    const frame = (message: object) => {
      const body = Buffer.from(JSON.stringify(message));
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length);
      return Buffer.concat([length, body]);
    };
    const hello = { t: 'hello', v: 1, nonce: 'ab'.repeat(32) };
    const heard = await new Promise<Buffer>((resolve) => {
      const socket = connect(address.port, address.host);
      let received = Buffer.alloc(0);
      let answered = false;
      socket.write(frame(hello));
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        if (answered || received.length < 4 + received.readUInt32BE(0)) return;
        answered = true;
        const challenge = JSON.parse(received.subarray(4, 4 + received.readUInt32BE(0)).toString()) as {
          nonce: string;
        };
        // The chapter id known, the key not: a tag of the right id under another key, any proof.
        const proof = {
          t: 'proof',
          chapter: chapterTag(newChapterKey(), chapterId, hello.nonce, challenge.nonce),
          node: 'ab'.repeat(24),
          proof: '1'.repeat(64),
        };
        socket.write(frame(proof));
      });
      socket.on('close', () => resolve(received));
    });
    const text = heard.toString('utf8');
    expect(text).toContain('"t":"challenge"');
    expect(text).toContain('{"t":"refused","reason":"other-chapter"}');
    const nodeId = getDevice(a.db)!.nodeId;
    for (const secret of [chapterId, nodeId, 'Secret', 'secret@example.org', 'Sekibo'])
      expect(text).not.toContain(secret);
    await eventually(() => failures.length === 2);
    expect(failures.map(problemOf)).toEqual(['PEER_OTHER_CHAPTER', 'PEER_OTHER_CHAPTER']);
    expect([logSize(a), logSize(b)]).toEqual(sizes);
  });

  it('tells a laptop that comes while another is connected that this one is busy, and exchanges nothing', async () => {
    const [a, b] = await chapterOf(['Amina', 'Ben']);
    b.handlers['members.create']({ firstName: 'Kofi', lastName: 'Boateng' });
    const sizes = [logSize(a), logSize(b)];
    const { address } = await listen(a);
    // Someone connected first and has not finished (or even begun) the handshake.
    const first = connect(address.port, address.host);
    await new Promise<void>((resolve) => first.once('connect', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await connectToPeer(deps(b), address).catch((e: unknown) => e);
    expect(problemOf(refused)).toBe('PEER_BUSY_THERE');
    first.destroy();
    expect([logSize(a), logSize(b)]).toEqual(sizes);
  });

  it('refuses a laptop of another chapter, a later protocol, and a laptop that never joined a chapter through the server', async () => {
    const [a] = await chapterOf(['Amina']);
    const [other] = await chapterOf(['Zoé']);
    const sizes = [logSize(a), logSize(other)];
    const { failures, address } = await listen(a);
    const refused = await connectToPeer(deps(other), address).catch((e: unknown) => e);
    expect(problemOf(refused)).toBe('PEER_OTHER_CHAPTER');
    await eventually(() => failures.length === 1);
    expect(problemOf(failures[0])).toBe('PEER_OTHER_CHAPTER');
    expect([logSize(a), logSize(other)]).toEqual(sizes);

    // A laptop speaking a later protocol is told so, and the listener says why it refused.
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(address.port, address.host);
      const body = Buffer.from(JSON.stringify({ t: 'hello', v: 2, nonce: 'ab'.repeat(32) }));
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length);
      socket.end(Buffer.concat([length, body]));
      let heard = '';
      socket.on('data', (c: Buffer) => (heard += c.toString('utf8')));
      socket.on('close', () => resolve(heard));
    });
    expect(answer).toContain('{"t":"refused","reason":"version"}');
    await eventually(() => failures.length === 2);
    expect(problemOf(failures[1])).toBe('PEER_VERSION');

    const alone = laptop('Solo', { setupChapter: true });
    const notEnrolled = await connectToPeer(deps(alone), address).catch((e: unknown) => e);
    expect(problemOf(notEnrolled)).toBe('PEER_NOT_ENROLLED');
    const notListening = await listenForPeer(deps(alone), { host: '127.0.0.1', port: 0 }).catch(
      (e: unknown) => e,
    );
    expect(problemOf(notListening)).toBe('PEER_NOT_ENROLLED');
    // It said nothing on the network: the listener saw no other attempt.
    expect(failures).toHaveLength(2);
  });

  it(
    'two processes: chapterdesk sync peer --listen and --connect exchange both ways, and report it as JSON',
    { timeout: 240_000 },
    async () => {
      const temp = tempDir('peer-cli-');
      temps.push(temp);
      const paths = [join(temp.dir, 'a.sqlite'), join(temp.dir, 'b.sqlite')];
      const [a, b] = await chapterOf(['Amina', 'Ben'], paths);
      a.handlers['members.create']({ firstName: 'Ama', lastName: 'Owusu', email: 'ama@example.org' });
      b.handlers['members.create']({ firstName: 'Bola', lastName: 'Adeyemi', city: 'Ibadan' });
      a.sync.stop();
      a.db.close();
      b.sync.stop();
      b.db.close();

      const cli = (...args: string[]) => {
        const child = spawn(process.execPath, [
          '--import',
          'tsx',
          'src/cli/index.ts',
          'sync',
          'peer',
          ...args,
        ]);
        const out = { stdout: '', stderr: '' };
        child.stdout.on('data', (c: Buffer) => (out.stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out.stderr += c.toString()));
        const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
        return { child, out, exited };
      };
      const listening = cli('--db', paths[0]!, '--listen', '--host', '127.0.0.1', '--port', '0', '--json');
      const port = await new Promise<string>((resolve, reject) => {
        listening.child.stderr.on('data', () => {
          const match = /Listening on 127\.0\.0\.1:(\d+)/.exec(listening.out.stderr);
          if (match) resolve(match[1]!);
        });
        void listening.exited.then(() => reject(new Error(listening.out.stderr)));
      });
      const connecting = cli('--db', paths[1]!, '--connect', `127.0.0.1:${port}`, '--json');
      const [listenCode, connectCode] = await Promise.all([listening.exited, connecting.exited]);
      expect([listenCode, connectCode, connecting.out.stderr]).toEqual([0, 0, '']);
      const listened = JSON.parse(listening.out.stdout) as Record<string, number>;
      const connected = JSON.parse(connecting.out.stdout) as Record<string, number>;
      expect(Object.keys(connected).sort()).toEqual(
        ['alreadyHad', 'applied', 'bytesReceived', 'bytesSent', 'conflicts', 'received', 'sent'].sort(),
      );
      expect(connected.applied).toBeGreaterThan(3);
      expect(listened.applied).toBeGreaterThan(3);
      expect(connected.sent).toBe(listened.received);
      expect(connected.bytesSent).toBe(listened.bytesReceived);

      // Wrong use says what to do and exits 2; an address where no one listens exits 1.
      const both = cli('--db', paths[1]!, '--listen', '--connect', `127.0.0.1:${port}`);
      expect(await both.exited).toBe(2);
      expect(both.out.stderr).toContain('either --listen or --connect');
      const nobody = cli('--db', paths[1]!, '--connect', `127.0.0.1:${port}`);
      expect(await nobody.exited).toBe(1);
      expect(nobody.out.stderr).toContain('Cannot reach another laptop at 127.0.0.1');

      const [a2, b2] = [laptop('Amina', { path: paths[0] }), laptop('Ben', { path: paths[1] })];
      expect(memberSnapshot(a2.db)).toEqual(memberSnapshot(b2.db));
      await serverRoundsPullNothing(a2, b2);
    },
  );
});
