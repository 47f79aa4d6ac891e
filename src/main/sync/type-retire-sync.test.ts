/**
 * A membership type retired on one laptop is retired on every laptop, its members keep it, and it
 * can be brought back from anywhere: `retired` is a synced field like the type's name.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enrol, openLaptop, serverChecksum, syncAll, type Laptop } from '../../../tests/helpers/laptop';
import { STORE_KINDS, startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import { localChecksum } from './checksum';

describe.each(STORE_KINDS)('retiring a membership type over sync (%s)', (kind) => {
  let server: TestSyncServer;
  let laptops: Laptop[] = [];
  beforeAll(async () => {
    server = await startSyncServer(kind);
  }, 120_000);
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
  const student = (l: Laptop) =>
    l.handlers['membershipTypes.list'](undefined).find((t) => t.kind === 'student')!;

  it('retires on every laptop, keeps its members typed, and comes back from another laptop', async () => {
    const chapterId = (await server.admin.addChapter(`Types ${Math.random()}`)).id;
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    const type = student(a);
    const awa = a.handlers['members.create']({ firstName: 'Awa', lastName: 'Diop', typeId: type.id });
    await syncAll(a, b);

    a.handlers['membershipTypes.retire']({ id: type.id, retired: true });
    await syncAll(a, b);
    expect(student(b)).toMatchObject({ id: type.id, retired: true });
    expect(b.handlers['members.get']({ id: awa.id }).typeId).toBe(type.id);
    // Ben's laptop no longer gives it to anyone new, but Awa keeps it through an edit.
    expect(() => b.handlers['members.create']({ firstName: 'Omar', typeId: type.id })).toThrow(/retired/);
    b.handlers['members.update']({ id: awa.id, patch: { city: 'Dakar' } });

    // Offline, Ben brings it back while Amina renames it: both edits hold everywhere.
    b.handlers['membershipTypes.retire']({ id: type.id, retired: false });
    a.handlers['membershipTypes.update']({ id: type.id, patch: { name: 'Student (under 26)' } });
    await syncAll(b, a, b);
    for (const l of [a, b]) {
      expect(student(l)).toMatchObject({ name: 'Student (under 26)', retired: false });
      expect(l.handlers['members.get']({ id: awa.id })).toMatchObject({ typeId: type.id, city: 'Dakar' });
      expect(l.sync.status().pending).toBe(0);
      expect(localChecksum(l.db).checksum).toBe(await serverChecksum(l));
    }
  });
});
