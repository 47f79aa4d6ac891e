import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/chapter';
import { fakeKeystore } from '../../../tests/helpers/keystore';
import { enrol, openLaptop, syncAll, type Laptop } from '../../../tests/helpers/laptop';
import { STORE_KINDS, startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import { createDevice, getDevice } from '../services/device/device';
import { keystoreSecretStore } from './secrets';

describe.each(STORE_KINDS)('node ids at enrolment, against a real server (%s)', (kind) => {
  let server: TestSyncServer;
  let laptops: Laptop[] = [];
  let temps: { cleanup(): void }[] = [];
  beforeAll(async () => {
    server = await startSyncServer(kind);
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    laptops.forEach((l) => l.close());
    temps.forEach((t) => t.cleanup());
    laptops = [];
    temps = [];
  });

  function laptop(name: string, options: Parameters<typeof openLaptop>[1] = {}): Laptop {
    const l = openLaptop(name, options);
    laptops.push(l);
    return l;
  }
  /** A copy of the laptop's chapter file as it is now, as a backup or a copied file would be. */
  async function copyOf(l: Laptop): Promise<string> {
    const temp = tempDir('copy-');
    temps.push(temp);
    const path = join(temp.dir, 'chapter.sqlite');
    await l.db.backup(path);
    return path;
  }
  const newChapter = async () => (await server.admin.addChapter(`Chapter ${Math.random()}`)).id;
  const nodeOf = (l: Laptop) => getDevice(l.db)!.nodeId;
  const names = (l: Laptop) =>
    l.handlers['members.list']({ query: '', sort: 'name', direction: 'asc', offset: 0, limit: 50 }).rows.map(
      (m) => m.firstName,
    );
  const devicesOf = async (nodeId: string) =>
    (await server.store.listDevices()).filter((d) => d.nodeId === nodeId);

  it("refuses a copy of another laptop's file, says what happened, and leaves the code usable", async () => {
    const chapterId = await newChapter();
    const amina = laptop('Amina', { setupChapter: true });
    amina.handlers['members.create']({ firstName: 'Hélène', lastName: 'Dupré' });
    // Copied to a second laptop before Amina's was connected: both files carry Amina's node id.
    const copy = laptop('Kofi', { path: await copyOf(amina) });
    await enrol(amina, server, chapterId);
    await amina.sync.runOnce();

    const { code } = await server.admin.issueEnrolmentCode(chapterId);
    await expect(copy.handlers['sync.enroll']({ serverUrl: server.url, code })).rejects.toMatchObject({
      code: 'NODE_ID_TAKEN',
      message: expect.stringContaining('a copy, or a restored backup'),
    });
    expect(copy.sync.status().state).toBe('not-enrolled');
    expect(nodeOf(copy)).toBe(nodeOf(amina));
    expect(await devicesOf(nodeOf(amina))).toHaveLength(1);

    // The code was not spent: a new, empty chapter file joins with it and gets everything.
    const fresh = laptop('Kofi again');
    await fresh.handlers['sync.enroll']({ serverUrl: server.url, code, officerName: 'Kofi' });
    await fresh.sync.runOnce();
    expect(names(fresh)).toEqual(['Hélène']);
    await amina.sync.runOnce();
  });

  it('refuses a backup restored on another computer, whose keystore cannot open the token', async () => {
    const chapterId = await newChapter();
    const amina = laptop('Amina', { setupChapter: true, secrets: keystoreSecretStore(fakeKeystore()) });
    await enrol(amina, server, chapterId);
    await amina.sync.runOnce();

    const restored = laptop('Restored', {
      path: await copyOf(amina),
      secrets: keystoreSecretStore(fakeKeystore()),
    });
    await expect(restored.sync.runOnce()).rejects.toMatchObject({
      code: 'UNAUTHORISED',
      message: expect.stringContaining("This computer's keystore cannot open the sync token"),
    });
    expect(restored.sync.status()).toMatchObject({ state: 'error', error: { code: 'UNAUTHORISED' } });

    const { code } = await server.admin.issueEnrolmentCode(chapterId);
    await expect(restored.handlers['sync.enroll']({ serverUrl: server.url, code })).rejects.toMatchObject({
      code: 'NODE_ID_TAKEN',
    });
    // Amina's laptop is untouched.
    amina.handlers['members.create']({ firstName: 'Kwame', lastName: 'Mensah' });
    expect((await amina.sync.runOnce()).pushed).toBeGreaterThan(0);

    // Once the administrator revokes the laptop that is gone, the restored copy takes its place.
    const [old] = await devicesOf(nodeOf(amina));
    await server.admin.revokeDevice(old!.id);
    await restored.handlers['sync.enroll']({ serverUrl: server.url, code });
    await restored.sync.runOnce();
    expect(restored.sync.status()).toMatchObject({ state: 'idle', error: null });
  });

  it('gives a fresh laptop whose random node id is already enrolled another one, and both sync', async () => {
    const chapterId = await newChapter();
    const amina = laptop('Amina', { setupChapter: true });
    amina.handlers['members.create']({ firstName: 'Hélène', lastName: 'Dupré' });
    await enrol(amina, server, chapterId);
    await amina.sync.runOnce();

    const kofi = laptop('Kofi');
    createDevice(kofi.db, 'Kofi', new Date());
    kofi.db.prepare('UPDATE device SET node_id = ?').run(nodeOf(amina));
    await enrol(kofi, server, chapterId);
    expect(nodeOf(kofi)).not.toBe(nodeOf(amina));
    await kofi.sync.runOnce();
    kofi.handlers['members.create']({ firstName: 'Kwame', lastName: 'Mensah' });
    await syncAll(amina, kofi);
    expect(names(amina)).toEqual(['Hélène', 'Kwame']);
    expect(names(kofi)).toEqual(['Hélène', 'Kwame']);
  });

  it('lets a laptop connect again with a new code, after a revocation or while connected', async () => {
    const chapterId = await newChapter();
    const amina = laptop('Amina', { setupChapter: true });
    await enrol(amina, server, chapterId);
    await amina.sync.runOnce();
    const [first] = await devicesOf(nodeOf(amina));
    await server.admin.revokeDevice(first!.id);
    await expect(amina.sync.runOnce()).rejects.toMatchObject({ code: 'UNAUTHORISED' });

    await enrol(amina, server, chapterId);
    amina.handlers['members.create']({ firstName: 'Hélène', lastName: 'Dupré' });
    expect((await amina.sync.runOnce()).pushed).toBeGreaterThan(0);

    await enrol(amina, server, chapterId);
    await amina.sync.runOnce();
    const devices = await devicesOf(nodeOf(amina));
    expect(devices).toHaveLength(3);
    // The token it held before is retired with the device it belonged to.
    expect(devices.filter((d) => d.revokedAt === null)).toHaveLength(1);
  });
});
