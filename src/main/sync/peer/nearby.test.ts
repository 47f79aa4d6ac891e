import { connect, createServer, type Server } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enrol, memberSnapshot, openLaptop, type Laptop } from '../../../../tests/helpers/laptop';
import { startSyncServer, type TestSyncServer } from '../../../../tests/helpers/sync-server';
import type { Result } from '../../../shared/errors';
import type { PeerStatus, PeerSyncResult } from '../../../shared/sync-peer';
import { dispatch } from '../../api/dispatch';
import { createNearbyPeers, laptopAddresses } from './nearby';

let server: TestSyncServer;
let laptops: Laptop[] = [];
const blockers: Server[] = [];
beforeAll(async () => {
  server = await startSyncServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  // Whatever a test left waiting stops, as the app's Cancel does.
  await Promise.all(laptops.map((l) => l.handlers['sync.peerCancel'](undefined)));
  laptops.forEach((l) => l.close());
  laptops = [];
  blockers.splice(0).forEach((b) => b.close());
});

/** Laptops that joined one chapter through the server once (so they hold its key). */
async function chapterOf(...names: string[]): Promise<Laptop[]> {
  const chapterId = (await server.admin.addChapter(`Chapter ${Math.random()}`)).id;
  for (const [i, name] of names.entries()) {
    const l = openLaptop(name, { setupChapter: i === 0 });
    laptops.push(l);
    await enrol(l, server, chapterId);
    await l.sync.runOnce();
  }
  return laptops.slice(-names.length);
}

/** A port nothing listens on at the moment (the system's pick, released). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** The operation as the renderer calls it: through the contract's validation. */
const call = (l: Laptop, op: string, input?: unknown) =>
  dispatch(l.handlers, op, input, { error: () => undefined });
const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value as T;
};
const refusal = (result: Result<unknown>) => {
  if (result.ok) throw new Error('accepted');
  return {
    code: result.error.code,
    problem: result.error.details?.problem?.code ?? result.error.details?.fields?.[0]?.problem?.code,
  };
};
const status = async (l: Laptop) => value<PeerStatus>(await call(l, 'sync.peerStatus'));

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
  expect(await check()).toBe(true);
}

describe('nearby laptop operations', () => {
  it('lets a laptop connect, syncs both ways once, then stops listening', async () => {
    const [a, b] = (await chapterOf('Amina', 'Ben')) as [Laptop, Laptop];
    a.handlers['members.create']({ firstName: 'Hélène', lastName: 'Dupré' });
    b.handlers['members.create']({ firstName: 'Kwame', lastName: 'Mensah' });
    const port = await freePort();

    const listening = value<{ port: number; addresses: string[] }>(
      await call(a, 'sync.peerListen', { port }),
    );
    expect(listening.port).toBe(port);
    expect(listening.addresses).toEqual(laptopAddresses());
    expect(await status(a)).toEqual({ state: 'listening', ...listening });
    // Asked again (a second window): the same wait, not a second listener on another port.
    expect(value(await call(a, 'sync.peerListen', { port }))).toEqual(listening);
    // This laptop cannot also connect elsewhere while it waits.
    expect(refusal(await call(a, 'sync.peerConnect', { address: `127.0.0.1:${port}` }))).toEqual({
      code: 'CONFLICT',
      problem: 'PEER_BUSY_HERE',
    });

    const result = value<PeerSyncResult>(await call(b, 'sync.peerConnect', { address: `127.0.0.1:${port}` }));
    expect(result.applied).toBeGreaterThan(0);
    expect(result.conflicts).toBe(0);
    expect(result.bytesSent).toBeGreaterThan(0);
    expect(memberSnapshot(b.db)).toEqual(memberSnapshot(a.db));
    expect(await status(b)).toEqual({ state: 'done', result });
    await eventually(async () => (await status(a)).state === 'done');
    const listened = await status(a);
    expect(listened.state === 'done' && listened.result.received).toBe(result.sent);

    // One exchange and the listener is gone: a second attempt finds nobody.
    expect(refusal(await call(b, 'sync.peerConnect', { address: `127.0.0.1:${port}` }))).toEqual({
      code: 'UNREACHABLE',
      problem: 'PEER_UNREACHABLE',
    });
    expect(await status(b)).toEqual({
      state: 'failed',
      problem: { code: 'PEER_UNREACHABLE', params: {} },
    });
  });

  it('refuses an address that is not HOST, HOST:PORT or [IPv6]:PORT, before reaching the network', async () => {
    const [a] = (await chapterOf('Amina')) as [Laptop];
    for (const address of [
      '',
      'laptop:0',
      'laptop:70000',
      'fe80::1',
      '[not-v6]:47170',
      'a b',
      'x'.repeat(301),
      'host/path',
    ]) {
      expect(refusal(await call(a, 'sync.peerConnect', { address }))).toEqual({
        code: 'VALIDATION',
        problem: expect.stringMatching(/PEER_ADDRESS_INVALID|too_big/),
      });
    }
    expect(await status(a)).toEqual({ state: 'idle', stoppedWaiting: false });
    expect(refusal(await call(a, 'sync.peerListen', { port: 0 })).code).toBe('VALIDATION');
  });

  it('Cancel closes the port; a laptop that never joined is refused before listening', async () => {
    const [a] = (await chapterOf('Amina')) as [Laptop];
    const stranger = openLaptop('Stranger', { setupChapter: true });
    laptops.push(stranger);
    const port = await freePort();
    value(await call(a, 'sync.peerListen', { port }));
    expect(value(await call(a, 'sync.peerCancel'))).toEqual({ state: 'idle', stoppedWaiting: false });
    expect(refusal(await call(stranger, 'sync.peerConnect', { address: `localhost:${port}` })).problem).toBe(
      'PEER_NOT_ENROLLED',
    );
    expect(refusal(await call(stranger, 'sync.peerListen', { port }))).toEqual({
      code: 'NOT_INITIALISED',
      problem: 'PEER_NOT_ENROLLED',
    });
    const [b] = (await chapterOf('Ben')) as [Laptop];
    expect(refusal(await call(b, 'sync.peerConnect', { address: `127.0.0.1:${port}` })).problem).toBe(
      'PEER_UNREACHABLE',
    );
  });

  it('refuses a second listen or a connect asked while the first listener opens', async () => {
    const [a] = (await chapterOf('Amina')) as [Laptop];
    const peers = createNearbyPeers({ db: a.db, now: () => new Date() }, { host: '127.0.0.1' });
    const port = await freePort();
    const first = peers.listen({ port });
    const codeOf = (error: unknown) =>
      (error as { details?: { problem?: { code?: string } } }).details?.problem?.code;
    expect(codeOf(await peers.listen({ port }).catch((e: unknown) => e))).toBe('PEER_BUSY_HERE');
    expect(codeOf(await peers.connect({ host: '127.0.0.1', port: 1 }).catch((e: unknown) => e))).toBe(
      'PEER_BUSY_HERE',
    );
    expect((await first).port).toBe(port);
    expect(peers.status().state).toBe('listening');
    await peers.cancel();
  });

  it('stops waiting on time though strangers keep knocking', async () => {
    const [a] = (await chapterOf('Amina')) as [Laptop];
    const peers = createNearbyPeers({ db: a.db, now: () => new Date() }, { host: '127.0.0.1', idleMs: 1500 });
    const { port } = await peers.listen({ port: await freePort() });
    const started = Date.now();
    // A knock every 200 ms: a connection that says nothing a peer could read, then hangs up.
    while (peers.status().state !== 'idle' && Date.now() - started < 10_000) {
      await new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => socket.end('\u0000\u0000\u0000\u0002{}'));
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(peers.status()).toEqual({ state: 'idle', stoppedWaiting: true });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('says a port another program holds is taken', async () => {
    const [a] = (await chapterOf('Amina')) as [Laptop];
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(0, '::', resolve));
    const { port } = blocker.address() as { port: number };
    expect(refusal(await call(a, 'sync.peerListen', { port }))).toEqual({
      code: 'CONFLICT',
      problem: 'PEER_PORT_TAKEN',
    });
    expect(await status(a)).toEqual({ state: 'idle', stoppedWaiting: false });
  });

  it('stops waiting on its own when no laptop connects, and says so', async () => {
    const [a] = (await chapterOf('Amina')) as [Laptop];
    const peers = createNearbyPeers({ db: a.db, now: () => new Date() }, { host: '127.0.0.1', idleMs: 50 });
    const { port } = await peers.listen({ port: await freePort() });
    await eventually(async () => peers.status().state === 'idle');
    expect(peers.status()).toEqual({ state: 'idle', stoppedWaiting: true });
    const [b] = (await chapterOf('Ben')) as [Laptop];
    expect(refusal(await call(b, 'sync.peerConnect', { address: `127.0.0.1:${port}` })).problem).toBe(
      'PEER_UNREACHABLE',
    );
  });

  it('lists the addresses another laptop can dial, IPv4 first, without loopback or link-local', () => {
    const info = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({
      address,
      family,
      internal,
      netmask: '',
      mac: '',
      cidr: null,
      ...(family === 'IPv6' ? { scopeid: 0 } : {}),
    });
    expect(
      laptopAddresses({
        lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)],
        wlan0: [info('fe80::1', 'IPv6'), info('2001:db8::5', 'IPv6'), info('192.168.1.20', 'IPv4')],
      } as never),
    ).toEqual(['192.168.1.20', '2001:db8::5']);
  });
});
