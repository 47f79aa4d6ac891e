import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enrol, openLaptop, syncAll, type Laptop } from '../../../tests/helpers/laptop';
import { startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import { runSync } from './run';
import { httpTransport } from './transport';

/** A run that only pulls, as a metered connection makes when the waiting push is large. */
async function pullOnly(l: Laptop): Promise<void> {
  const state = l.db.prepare('SELECT server_url, token FROM sync_state').get() as {
    server_url: string;
    token: string;
  };
  await runSync({
    db: l.db,
    now: () => new Date(),
    transport: httpTransport({ baseUrl: state.server_url, token: state.token, timeoutMs: 10_000 }),
    push: false,
  });
}

describe('a push held back while the laptop pulls', () => {
  let server: TestSyncServer;
  let laptops: Laptop[] = [];
  beforeAll(async () => {
    server = await startSyncServer('pglite');
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    laptops.forEach((l) => l.close());
    laptops = [];
  });

  it('still records the conflict when another laptop edits the field the waiting change holds', async () => {
    const chapterId = (await server.admin.addChapter('Kisumu')).id;
    const a = openLaptop('Amina', { setupChapter: true });
    const b = openLaptop('Ben');
    laptops.push(a, b);
    const m = a.handlers['members.create']({ firstName: 'Ngozi', city: 'Lagos' });
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    await syncAll(a, b);

    // Amina's edit waits; her laptop keeps pulling, with nothing from Ben yet, then again.
    a.handlers['members.update']({ id: m.id, patch: { city: 'Abuja' } });
    await pullOnly(a);
    await new Promise((resolve) => setTimeout(resolve, 20));
    b.handlers['members.update']({ id: m.id, patch: { city: 'Enugu' } });
    await b.sync.runOnce();
    await pullOnly(a);

    // Ben's later edit wins, and Amina is told her waiting value lost rather than losing it silently.
    expect(a.handlers['members.get']({ id: m.id }).city).toBe('Enugu');
    const conflicts = a.handlers['conflicts.list'](undefined);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ column: 'city', lostValue: 'Abuja', wonValue: 'Enugu' });
  });
});
