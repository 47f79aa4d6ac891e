import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeKeystore } from '../../../tests/helpers/keystore';
import { enrol, openLaptop, type Laptop } from '../../../tests/helpers/laptop';
import { startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import { appSecretStore, fileSecretStore, keystoreSecretStore, type SafeStorage } from './secrets';

describe('the sync token at rest', () => {
  let server: TestSyncServer;
  let laptops: Laptop[] = [];
  beforeAll(async () => {
    server = await startSyncServer();
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    laptops.forEach((l) => l.close());
    laptops = [];
  });

  function laptop(name: string, options: Parameters<typeof openLaptop>[1] = {}): Laptop {
    const l = openLaptop(name, options);
    laptops.push(l);
    return l;
  }
  const storedToken = (l: Laptop) => l.db.prepare('SELECT token FROM sync_state').pluck().get() as string;

  it('the app seals the token with the keystore and syncs with it', async () => {
    const keystore = fakeKeystore();
    const chapterId = (await server.admin.addChapter('Lyon')).id;
    const amina = laptop('Amina', { setupChapter: true, secrets: keystoreSecretStore(keystore) });
    await enrol(amina, server, chapterId);
    const stored = storedToken(amina);
    expect(stored).toMatch(/^ks1:[A-Za-z0-9+/]+=*$/);
    const token = keystore.decryptString(Buffer.from(stored.slice(4), 'base64'));
    expect(token).toMatch(/^cdt_/);
    // Nowhere in the file in the clear, not even in the WAL.
    amina.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(amina.path).includes(token)).toBe(false);
    expect((await amina.sync.runOnce()).pushed).toBeGreaterThan(0);
  });

  it('the command line keeps the token as it is; the app seals it at its first use', async () => {
    const chapterId = (await server.admin.addChapter('Dakar')).id;
    const cli = laptop('Amina', { setupChapter: true });
    await enrol(cli, server, chapterId);
    const plain = storedToken(cli);
    expect(plain).toMatch(/^cdt_/);
    const path = cli.path;
    cli.sync.stop();
    cli.db.close();

    const keystore = fakeKeystore();
    const app = laptop('Amina', { path, secrets: keystoreSecretStore(keystore) });
    await app.sync.runOnce();
    const sealed = storedToken(app);
    expect(sealed.startsWith('ks1:')).toBe(true);
    expect(keystore.decryptString(Buffer.from(sealed.slice(4), 'base64'))).toBe(plain);
    app.db.close();
    // The clear copy is gone from the file (and the WAL is folded into it on close).
    expect(readFileSync(path).includes(plain)).toBe(false);

    // Back on the command line, the sealed token cannot be read, and the status says why.
    const again = laptop('Amina', { path });
    await expect(again.sync.runOnce()).rejects.toMatchObject({
      code: 'UNAUTHORISED',
      message: expect.stringContaining('sealed by the ChapterDesk app'),
    });
    expect(again.sync.status()).toMatchObject({
      state: 'error',
      error: { code: 'UNAUTHORISED', message: expect.stringContaining('Sync from the app') },
    });
  });

  it('stores reveal what they protect and say which form they cannot open', () => {
    const keystore = keystoreSecretStore(fakeKeystore());
    expect(fileSecretStore.protect('cdt_x')).toBe('cdt_x');
    expect(fileSecretStore.reveal('cdt_x')).toBe('cdt_x');
    expect(fileSecretStore.reveal(keystore.protect('cdt_x'))).toBeNull();
    expect(keystore.reveal(keystore.protect('cdt_x'))).toBe('cdt_x');
    expect(keystore.reveal('cdt_x')).toBe('cdt_x');
    expect(keystoreSecretStore(fakeKeystore()).reveal(keystore.protect('cdt_x'))).toBeNull();
  });

  it('the app falls back to the file when there is no keystore, and says so', () => {
    const safeStorage = (available: boolean, backend: string): SafeStorage => ({
      ...fakeKeystore(),
      isEncryptionAvailable: () => available,
      getSelectedStorageBackend: () => backend,
    });
    const warnings: string[] = [];
    const warn = (message: string) => warnings.push(message);
    expect(appSecretStore(safeStorage(true, 'gnome_libsecret'), 'linux', warn).kind).toBe('keystore');
    expect(appSecretStore(safeStorage(true, 'unknown'), 'darwin', warn).kind).toBe('keystore');
    expect(warnings).toEqual([]);
    // Electron's "basic_text" is a fixed key in its source: no better than the 0600 file.
    expect(appSecretStore(safeStorage(true, 'basic_text'), 'linux', warn).kind).toBe('file');
    expect(appSecretStore(safeStorage(false, 'unknown'), 'win32', warn).kind).toBe('file');
    expect(warnings).toEqual([expect.stringContaining('readable only by you'), expect.any(String)]);
  });
});
