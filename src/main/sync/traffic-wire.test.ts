import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLaptop, type Laptop } from '../../../tests/helpers/laptop';
import { startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import type { ByteCount } from '../../shared/network';
import { setNetworkSettings } from './metered';
import { createSyncService } from './service';
import { httpTransport, SyncTransportError } from './transport';

/** A TCP relay to the server that counts every byte each way: what the link really carried. */
async function countingRelay(
  port: number,
): Promise<{ url: string; bytes: ByteCount; close(): Promise<void> }> {
  const bytes = { sent: 0, received: 0 };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => (bytes.sent += chunk.length));
    upstream.on('data', (chunk: Buffer) => (bytes.received += chunk.length));
    client.pipe(upstream).on('error', () => client.destroy());
    upstream.pipe(client).on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    bytes,
    async close() {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('bytes counted on the wire', () => {
  let server: TestSyncServer;
  const laptops: Laptop[] = [];
  beforeAll(async () => {
    server = await startSyncServer();
  });
  afterAll(async () => {
    laptops.forEach((l) => l.close());
    await server.close();
  });

  async function joined(name: string, url: string, chapterId: string, setup = false): Promise<Laptop> {
    const laptop = openLaptop(name, { setupChapter: setup });
    laptops.push(laptop);
    const { code } = await server.admin.issueEnrolmentCode(chapterId);
    await laptop.handlers['sync.enroll']({ serverUrl: url, code, officerName: name });
    await laptop.sync.idle();
    return laptop;
  }

  it('counts the compressed bodies a sync sent and received, close to what crossed the link', async () => {
    const chapterId = (await server.admin.addChapter('Lyon')).id;
    const a = await joined('Amina', server.url, chapterId, true);
    for (let i = 0; i < 300; i++) {
      a.handlers['members.create']({
        firstName: `Prénom${i}`,
        lastName: `Nom${i}`,
        email: `p${i}@example.org`,
      });
    }
    await a.sync.runOnce();
    const pushed = a.sync.status().traffic;
    expect(pushed.lastSync).toMatchObject({ channel: 'server' });
    expect(pushed.lastSync!.sent).toBeGreaterThan(3_000);

    const port = Number(new URL(server.url).port);
    const relay = await countingRelay(port);
    try {
      const b = await joined('Ben', relay.url, chapterId);
      const enrolment = { ...relay.bytes };
      // Enrolling is counted too, within what crossed the link for it.
      const enrolled = b.sync.status().traffic.thisMonth;
      expect(enrolled.sent).toBeGreaterThan(0);
      expect(enrolled.received).toBeGreaterThan(0);
      expect(enrolled.received).toBeLessThanOrEqual(enrolment.received);
      await b.sync.runOnce();
      const wire = {
        sent: relay.bytes.sent - enrolment.sent,
        received: relay.bytes.received - enrolment.received,
      };
      const counted = b.sync.status().traffic.lastSync!;
      // Bodies only: HTTP headers (a few hundred bytes a request) are the rest of what crossed.
      expect(counted.received).toBeGreaterThan(wire.received * 0.8);
      expect(counted.received).toBeLessThanOrEqual(wire.received);
      expect(counted.sent).toBeLessThanOrEqual(wire.sent);
      console.log(
        `pull of 300 members: counted ${counted.received} B received, link carried ${wire.received} B`,
      );
      expect(b.sync.status().traffic.thisMonth.received).toBe(enrolled.received + counted.received);
    } finally {
      await relay.close();
    }
  });

  it('counts what a sync that failed half-way spent', async () => {
    const chapterId = (await server.admin.addChapter('Porto')).id;
    const a = await joined('Rui', server.url, chapterId, true);
    a.handlers['members.create']({ firstName: 'Ana', lastName: 'Silva' });
    // The push goes through; the link drops before the pull.
    a.wrapTransport((t) => ({
      ...t,
      pull: () => Promise.reject(new SyncTransportError('NETWORK', 'The link dropped.')),
    }));
    await expect(a.sync.runOnce()).rejects.toThrow('The link dropped.');
    expect(a.sync.status().pending).toBe(0);
    expect(a.sync.status().traffic.lastSync!.sent).toBeGreaterThan(500);
  });

  it('on a metered connection, automatic sync pulls but holds a large push until asked', async () => {
    const chapterId = (await server.admin.addChapter('Dakar')).id;
    const a = await joined('Awa', server.url, chapterId, true);
    await a.sync.runOnce();
    setNetworkSettings(a.db, { metered: true, monthlyBudgetBytes: null, largePushBytes: 100_000 });
    for (let i = 0; i < 300; i++)
      a.handlers['members.create']({ firstName: `Awa${i}`, lastName: `Diop${i}` });
    const before = a.sync.status().lastSyncAt;
    const auto = createSyncService({
      db: a.db,
      now: () => new Date(),
      autoSync: true,
      transportFor: (url, token, count) =>
        httpTransport({ baseUrl: url, token, onBytesSent: (sent) => count?.({ sent }) }),
    });
    try {
      auto.start();
      await auto.idle();
      expect(auto.status()).toMatchObject({ state: 'idle', meteredWait: 'large-push' });
      expect(auto.status().pending).toBeGreaterThanOrEqual(300);
      expect(auto.status().lastSyncAt).not.toBe(before);
      auto.syncNow();
      await auto.idle();
      expect(auto.status()).toMatchObject({ pending: 0, meteredWait: null });
    } finally {
      auto.stop();
    }
  });
});
