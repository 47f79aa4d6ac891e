import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fieldLog } from '../../../tests/helpers/log';
import {
  enrol,
  memberSnapshot,
  openLaptop,
  serverChecksum,
  syncAll,
  type Laptop,
} from '../../../tests/helpers/laptop';
import { STORE_KINDS, startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import { backupFolder } from '../services/backup/folder';
import { commitRestore, prepareRestore } from '../services/backup/restore';
import { createBackupService } from '../services/backup/service';
import { localChecksum } from './checksum';

const HOUR = 60 * 60 * 1000;

describe.each(STORE_KINDS)('a laptop restored from a backup syncs again (%s)', (kind) => {
  let server: TestSyncServer;
  let laptops: Laptop[] = [];
  beforeAll(async () => {
    server = await startSyncServer(kind);
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
  const names = (l: Laptop) =>
    l.handlers['members.list']({ query: '', sort: 'name', direction: 'asc', offset: 0, limit: 100 })
      .rows.map((m) => m.firstName)
      .sort();
  const byName = (l: Laptop, firstName: string) =>
    l.handlers['members.list']({ query: firstName, sort: 'name', direction: 'asc', offset: 0, limit: 1 })
      .rows[0]!;
  async function serverChanges(): Promise<number> {
    return (await server.dump()).split('\n').filter((line) => line.startsWith('changes: ')).length;
  }

  it('without losing or duplicating what the server has, and its clock never goes back', async () => {
    const chapterId = (await server.admin.addChapter('Lyon')).id;
    const a = laptop('Amina', { setupChapter: true });
    await enrol(a, server, chapterId);
    const amadou = a.handlers['members.create']({ firstName: 'Amadou', lastName: 'Sow', city: 'Lyon' });
    a.handlers['members.create']({ firstName: 'Binta', lastName: 'Diallo' });
    await a.sync.runOnce();
    const backup = await createBackupService({ db: a.db, dbPath: a.path, now: () => new Date() }).automatic(
      'daily',
    );

    // After the backup, this laptop's clock runs two hours ahead for an edit and a new member it
    // pushes (the server takes both: within its limit), then learns the right time from the server.
    a.clock.skewMs = 2 * HOUR;
    a.handlers['members.update']({ id: amadou.id, patch: { city: 'Dakar' } });
    a.handlers['members.create']({ firstName: 'Chidi', lastName: 'Okafor' });
    await a.sync.runOnce();
    const pushedBefore = a.db.prepare(`SELECT max(hlc) AS hlc FROM changes`).get() as { hlc: string };
    // And one member it never gets to push.
    a.handlers['members.create']({ firstName: 'Dior', lastName: 'Ndiaye' });

    const b = laptop('Ben');
    await enrol(b, server, chapterId);
    await b.sync.runOnce();
    b.handlers['members.update']({ id: byName(b, 'Binta').id, patch: { phone: '+33 6 12 34 56 78' } });
    b.handlers['members.create']({ firstName: 'Efua', lastName: 'Mensah' });
    await b.sync.runOnce();
    const onServer = await serverChanges();

    const source = { path: join(backupFolder(a.path), backup.name), label: backup.name };
    expect(() => prepareRestore({ dbPath: a.path, source, confirmUnsynced: false })).toThrow(
      expect.objectContaining({ details: { problem: { code: 'UNSYNCED_CHANGES', params: { count: 1 } } } }),
    );
    const prepared = prepareRestore({ dbPath: a.path, source, confirmUnsynced: true });
    a.sync.stop();
    a.db.close();
    expect(await commitRestore(prepared)).toMatchObject({ resyncs: true });
    const restored = openLaptop('Amina', { path: a.path, skewMs: a.clock.skewMs });
    laptops.push(restored);
    expect(names(restored)).toEqual(['Amadou', 'Binta']);

    // Edited at once, before any sync: the stamp comes after everything this laptop had pushed,
    // although the corrected clock now reads two hours earlier than those stamps.
    restored.handlers['members.update']({ id: amadou.id, patch: { city: 'Thiès' } });
    const edit = restored.db.prepare(`SELECT max(hlc) AS hlc FROM changes`).get() as { hlc: string };
    expect(edit.hlc > pushedBefore.hlc).toBe(true);

    await restored.sync.runOnce();
    // What it pushed after the backup came back (Chidi, Dakar then Thiès), and Ben's changes; Dior
    // was never on the server.
    expect(names(restored)).toEqual(['Amadou', 'Binta', 'Chidi', 'Efua']);
    expect(byName(restored, 'Amadou').city).toBe('Thiès');
    expect(byName(restored, 'Binta').phone).toBe('+33 6 12 34 56 78');
    expect(existsSync(`${a.path}-resync`)).toBe(false);
    // The server received the one new edit and nothing twice.
    expect(await serverChanges()).toBe(onServer + 1);
    // Nothing twice on the laptop either: each change once in its log.
    const keys = fieldLog(restored.db).map((f) => `${f.tbl} ${f.row_id} ${f.col} ${f.hlc}`);
    expect(new Set(keys).size).toBe(keys.length);

    await syncAll(b, restored);
    expect(byName(b, 'Amadou').city).toBe('Thiès');
    expect(memberSnapshot(b.db)).toEqual(memberSnapshot(restored.db));
    const checksum = await serverChecksum(restored);
    expect(localChecksum(restored.db).checksum).toBe(checksum);
    expect(localChecksum(b.db).checksum).toBe(checksum);
    expect(restored.sync.status()).toMatchObject({ state: 'idle', pending: 0, openConflicts: 0 });
  });
});
