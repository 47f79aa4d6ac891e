import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enrol, memberSnapshot, openLaptop, type Laptop } from '../../../tests/helpers/laptop';
import { STORE_KINDS, startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import { ROW_CREATED } from '../db/changes';
import { localChecksum } from './checksum';
import { createWriteContexts } from '../services/device/device';
import { undoImport } from '../services/imports/batches';
import { runImport } from '../services/imports/job';
import { SyncTransportError } from './transport';

const DAY = 24 * 60 * 60 * 1000;

describe.each(STORE_KINDS)('sync against a real server (%s)', (kind) => {
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
    server.clock.ms = null;
  });

  function laptop(name: string, options: Parameters<typeof openLaptop>[1] = {}): Laptop {
    const l = openLaptop(name, options);
    laptops.push(l);
    return l;
  }
  async function newChapter(): Promise<string> {
    return (await server.admin.addChapter(`Chapter ${Math.random()}`)).id;
  }
  async function syncAll(...ls: Laptop[]): Promise<void> {
    for (let round = 0; round < 2; round++) for (const l of ls) await l.sync.runOnce();
  }
  async function serverChecksum(l: Laptop): Promise<string> {
    const state = l.db.prepare('SELECT server_url, token FROM sync_state').get() as {
      server_url: string;
      token: string;
    };
    const reply = await fetch(`${state.server_url}/v1/sync/checksum`, {
      headers: { authorization: `Bearer ${state.token}` },
    });
    return ((await reply.json()) as { checksum: string }).checksum;
  }
  const list = (l: Laptop) =>
    l.handlers['members.list']({ query: '', sort: 'name', direction: 'asc', offset: 0, limit: 500 }).rows;

  it('uploads a chapter set up offline, and a new laptop receives all of it', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    a.handlers['members.create']({ firstName: 'Hélène', lastName: 'Dupré', email: 'helene@example.org' });
    a.handlers['members.create']({ firstName: 'Kwame', lastName: 'Mensah' });
    await enrol(a, server, chapterId);
    const first = await a.sync.runOnce();
    expect(first.pushed).toBeGreaterThan(10);
    // Its own changes are not sent back to it.
    expect(first.pulled).toBe(0);
    expect(a.sync.status()).toMatchObject({ state: 'idle', pending: 0 });

    const b = laptop('Ben');
    await enrol(b, server, chapterId);
    const summary = await b.sync.runOnce();
    expect(summary.pulled).toBeGreaterThan(10);
    expect(b.handlers['chapter.get'](undefined)).toMatchObject({
      id: chapterId,
      name: 'Lyon',
      officerName: 'Ben',
    });
    expect(b.handlers['membershipTypes.list'](undefined)).toHaveLength(4);
    expect(list(b).map((m) => m.firstName)).toEqual(['Hélène', 'Kwame']);
    expect(
      b.handlers['members.list']({ query: 'helene', sort: 'name', direction: 'asc', offset: 0, limit: 10 })
        .total,
    ).toBe(1);
    expect(memberSnapshot(b.db)).toEqual(memberSnapshot(a.db));
    expect(localChecksum(b.db).checksum).toBe(await serverChecksum(b));
  });

  it('makes one member of the same email created offline on two laptops, and one set of default types', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben', { setupChapter: true });
    const reduced = a.handlers['membershipTypes.list'](undefined).find((t) => t.kind === 'student')!;
    a.handlers['members.create']({
      firstName: 'Wanjiru',
      email: 'wanjiru@example.org',
      city: 'Nairobi',
      typeId: reduced.id,
    });
    b.handlers['members.create']({ firstName: 'Wanjiru', lastName: 'Kamau', email: 'Wanjiru@Example.org' });
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    await syncAll(a, b);
    for (const l of [a, b]) {
      const rows = list(l);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ email: 'wanjiru@example.org', lastName: 'Kamau', city: 'Nairobi' });
      const types = l.handlers['membershipTypes.list'](undefined);
      expect(types).toHaveLength(4);
      // The type chosen offline is the chapter's shared type once both laptops joined.
      expect(types.find((t) => t.id === rows[0]!.typeId)?.kind).toBe('student');
    }
    expect(memberSnapshot(a.db)).toEqual(memberSnapshot(b.db));
    expect(localChecksum(a.db).checksum).toBe(await serverChecksum(a));
  });

  it('shows no conflict when two laptops each imported and undid the same file', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    await enrol(a, server, chapterId);
    const b = laptop('Ben');
    await enrol(b, server, chapterId);
    await syncAll(a, b);
    const file = new TextEncoder().encode(
      'First name,Last name,Email\nAwa,Diop,awa@example.org\nMoussa,Sow,moussa@example.org\nFatou,Ndiaye,fatou@example.org\n',
    );
    for (const l of [a, b]) {
      const ctx = createWriteContexts(l.db, () => new Date())();
      const { outcome } = await runImport(ctx, { fileName: 'members.csv', bytes: file, dryRun: false });
      expect(outcome.counts.created).toBe(3);
      undoImport(createWriteContexts(l.db, () => new Date())(), outcome.batchId!);
    }
    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(l.handlers['conflicts.list'](undefined)).toEqual([]);
      expect(l.sync.status().openConflicts).toBe(0);
      expect(list(l)).toEqual([]);
    }
    // A real disagreement still shows, and stops showing once a later edit settles the field.
    const m = a.handlers['members.create']({ firstName: 'Ngozi', email: 'ngozi@example.org', city: 'Lagos' });
    await syncAll(a, b);
    a.handlers['members.update']({ id: m.id, patch: { city: 'Abuja' } });
    await a.sync.runOnce();
    b.handlers['members.update']({ id: m.id, patch: { city: 'Enugu' } });
    await syncAll(b, a);
    const open = [...a.handlers['conflicts.list'](undefined), ...b.handlers['conflicts.list'](undefined)];
    expect(open).toHaveLength(1);
    a.handlers['members.update']({ id: m.id, patch: { city: 'Ibadan' } });
    await syncAll(a, b);
    for (const l of [a, b]) expect(l.handlers['conflicts.list'](undefined)).toEqual([]);
  });

  it('computes sort names and E.164 numbers on each laptop from the synced names, phone and country', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    const m = a.handlers['members.create']({ firstName: 'Ana', lastName: 'Silva', phone: '06 12 34 56 78' });
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    await syncAll(a, b);
    // Concurrent edits of different sources of one derived column, on two laptops.
    a.handlers['members.update']({ id: m.id, patch: { firstName: 'Zélia' } });
    b.handlers['members.update']({ id: m.id, patch: { lastName: 'Águeda' } });
    a.handlers['members.update']({ id: m.id, patch: { phone: '912 345 678' } });
    b.handlers['members.update']({ id: m.id, patch: { country: 'PT' } });
    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(l.db.prepare(`SELECT sort_name, phone_e164 FROM members WHERE id = ?`).get(m.id)).toEqual({
        sort_name: 'agueda zelia',
        phone_e164: '+351912345678',
      });
      expect(
        l.handlers['members.list']({ query: 'agueda', sort: 'name', direction: 'asc', offset: 0, limit: 5 })
          .total,
      ).toBe(1);
    }
    // Nothing derived is ever sent: the server holds no sort name or E.164 number written since.
    const sent = a.db
      .prepare(`SELECT count(*) AS n FROM changes WHERE row_id = ? AND col IN ('sort_name', 'phone_e164')`)
      .get(m.id) as { n: number };
    expect(sent.n).toBe(0);
    expect(a.sync.status().pending).toBe(0);
    expect(localChecksum(a.db).checksum).toBe(await serverChecksum(a));
    expect(localChecksum(b.db).checksum).toBe(await serverChecksum(b));
  });

  it('carries postal addresses both ways, field by field', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    const m = a.handlers['members.create']({
      firstName: 'Aiko',
      lastName: 'Tanaka',
      addressLine1: '1-2-3 Shibuya',
      postalCode: '150-0002',
      city: 'Shibuya-ku',
      region: 'Tokyo',
      country: 'JP',
    });
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    await syncAll(a, b);
    expect(b.handlers['members.get']({ id: m.id })).toMatchObject({
      addressLine1: '1-2-3 Shibuya',
      addressLine2: null,
      postalCode: '150-0002',
      region: 'Tokyo',
    });
    b.handlers['members.update']({ id: m.id, patch: { addressLine2: 'Room 405' } });
    a.handlers['members.update']({ id: m.id, patch: { postalCode: '150-0001' } });
    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(l.handlers['members.get']({ id: m.id })).toMatchObject({
        addressLine2: 'Room 405',
        postalCode: '150-0001',
      });
    }
    expect(localChecksum(a.db).checksum).toBe(await serverChecksum(a));
  });

  it('keeps the value that lost a concurrent edit, and restoring it wins everywhere', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    const m = a.handlers['members.create']({ firstName: 'Ngozi', city: 'Lagos' });
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    await syncAll(a, b);

    a.handlers['members.update']({ id: m.id, patch: { city: 'Abuja' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    b.handlers['members.update']({ id: m.id, patch: { city: 'Enugu' } });
    const pushedA = await a.sync.runOnce();
    const pulledB = await b.sync.runOnce();
    await a.sync.runOnce();
    expect(pushedA.conflicts).toBe(0);
    expect(pulledB.conflicts).toBe(1);
    for (const l of [a, b]) expect(l.handlers['members.get']({ id: m.id }).city).toBe('Enugu');

    const [conflict] = b.handlers['conflicts.list'](undefined);
    expect(conflict).toMatchObject({
      column: 'city',
      lostValue: 'Abuja',
      wonValue: 'Enugu',
      rowLabel: 'Ngozi',
      // The officers' names travel with their changes; the other laptop is named as it enrolled.
      lostBy: { officer: 'Amina', laptop: 'Amina', thisLaptop: false },
      wonBy: { officer: 'Ben', laptop: null, thisLaptop: true },
    });
    const nodeIds = [a, b].map((l) => l.handlers['chapter.get'](undefined)!.nodeId);
    for (const nodeId of nodeIds) expect(JSON.stringify(conflict)).not.toContain(nodeId);
    const abuja = b.handlers['members.history']({ id: m.id }).find((e) => e.value === 'Abuja');
    expect(abuja?.by).toEqual({ officer: 'Amina', laptop: 'Amina', thisLaptop: false });
    expect(b.sync.status().openConflicts).toBe(1);
    expect(b.handlers['conflicts.restore']({ id: conflict!.id })).toEqual([]);
    await syncAll(b, a);
    for (const l of [a, b]) expect(l.handlers['members.get']({ id: m.id }).city).toBe('Abuja');
  });

  it('resolves a delete on one laptop and an edit on another the same way everywhere', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    const m = a.handlers['members.create']({ firstName: 'Søren', city: 'Aarhus' });
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    await syncAll(a, b);

    a.handlers['members.delete']({ id: m.id });
    b.handlers['members.update']({ id: m.id, patch: { city: 'Odense' } });
    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(list(l)).toEqual([]);
      expect(l.handlers['members.get']({ id: m.id })).toMatchObject({ deleted: true, city: 'Odense' });
    }
    b.handlers['members.restore']({ id: m.id });
    await syncAll(b, a);
    expect(list(a).map((x) => x.city)).toEqual(['Odense']);
  });

  it('survives a batch acknowledged but never heard: resent, applied once, outbox drained', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    await enrol(a, server, chapterId);
    for (let i = 0; i < 30; i++) a.handlers['members.create']({ firstName: `Member ${i}` });
    let drops = 1;
    a.wrapTransport((t) => ({
      ...t,
      push: async (request) => {
        const reply = await t.push(request);
        if (drops-- > 0) throw new SyncTransportError('NETWORK', 'link dropped after the server committed');
        return reply;
      },
    }));
    await expect(a.sync.runOnce()).rejects.toThrow(/link dropped/);
    expect(a.sync.status()).toMatchObject({ state: 'error', error: { code: 'NETWORK' } });
    const pending = a.sync.status().pending;
    expect(pending).toBeGreaterThan(0);
    await a.sync.runOnce();
    expect(a.sync.status().pending).toBe(0);
    const b = laptop('Ben');
    await enrol(b, server, chapterId);
    await b.sync.runOnce();
    expect(list(b)).toHaveLength(30);
    expect(localChecksum(a.db).checksum).toBe(await serverChecksum(a));
  });

  it('sends the rest of a new row when the server refuses one of its fields', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    await enrol(a, server, chapterId);
    const node = a.handlers['chapter.get'](undefined)!.nodeId;
    const stamp = `${String(Date.now()).padStart(15, '0')}:000999:${node}`;
    // A creation written by a build with a column the server does not have.
    a.db
      .prepare(
        `INSERT INTO members (id, first_name, created_at, updated_at) VALUES ('m-forged', 'Zoé', 'x', 'x')`,
      )
      .run();
    a.db
      .prepare(
        `INSERT INTO changes (tbl, row_id, col, value, hlc, node_id) VALUES ('members', 'm-forged', ?, ?, ?, ?)`,
      )
      .run(ROW_CREATED, JSON.stringify({ first_name: 'Zoé', is_admin: 1, deleted: 0 }), stamp, node);
    const summary = await a.sync.runOnce();
    expect(summary.rejected).toBe(1);
    expect(a.sync.status()).toMatchObject({ state: 'idle', pending: 0 });
    expect(
      a.db.prepare(`SELECT col, pushed FROM changes WHERE row_id = 'm-forged' ORDER BY col`).all(),
    ).toEqual([
      { col: 'deleted', pushed: 1 },
      { col: 'first_name', pushed: 1 },
      { col: 'is_admin', pushed: 2 },
    ]);
    expect(localChecksum(a.db).checksum).toBe(await serverChecksum(a));
    const b = laptop('Ben');
    await enrol(b, server, chapterId);
    await b.sync.runOnce();
    expect(b.handlers['members.get']({ id: 'm-forged' }).firstName).toBe('Zoé');
  });

  it('marks a change the server refuses for good, restores the field, and keeps syncing the rest', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    await enrol(a, server, chapterId);
    const m = a.handlers['members.create']({ firstName: 'Ana' });
    await a.sync.runOnce();
    const node = a.handlers['chapter.get'](undefined)!.nodeId;
    const stamp = `${String(Date.now()).padStart(15, '0')}:000999:${node}`;
    a.db
      .prepare(
        `INSERT INTO changes (tbl, row_id, col, value, hlc, node_id) VALUES ('members', ?, 'is_admin', '1', ?, ?)`,
      )
      .run(m.id, stamp, node);
    a.handlers['members.update']({ id: m.id, patch: { city: 'Porto' } });
    const summary = await a.sync.runOnce();
    expect(summary.rejected).toBe(1);
    expect(a.sync.status()).toMatchObject({ state: 'idle', pending: 0 });
    const refused = a.db
      .prepare(`SELECT pushed, reject_reason FROM changes WHERE col = 'is_admin'`)
      .get() as {
      pushed: number;
      reject_reason: string;
    };
    expect(refused.pushed).toBe(2);
    expect(refused.reject_reason).toMatch(/VALIDATION/);
    const b = laptop('Ben');
    await enrol(b, server, chapterId);
    await b.sync.runOnce();
    expect(b.handlers['members.get']({ id: m.id }).city).toBe('Porto');
  });

  it('re-times edits from a laptop two years ahead instead of losing them, and never blocks one three days behind', async () => {
    const chapterId = await newChapter();
    const ahead = laptop('Ahead', { setupChapter: true, skewMs: 730 * DAY });
    const behind = laptop('Behind', { skewMs: -3 * DAY });
    ahead.handlers['members.create']({ firstName: 'Future', email: 'future@example.org' });
    await enrol(ahead, server, chapterId);
    // Enrolment re-derives the member's id from the server's chapter id.
    const m = list(ahead)[0]!;
    const summary = await ahead.sync.runOnce();
    expect(summary.retimed).toBeGreaterThan(0);
    expect(ahead.sync.status().pending).toBe(0);
    const wall = Number(
      (ahead.db.prepare(`SELECT max(hlc) AS h FROM changes`).get() as { h: string }).h.split(':')[0],
    );
    expect(Math.abs(wall - Date.now())).toBeLessThan(DAY);

    const hourAhead = laptop('Hour', { skewMs: 60 * 60 * 1000 });
    await enrol(hourAhead, server, chapterId);
    await hourAhead.sync.runOnce();
    hourAhead.handlers['members.update']({ id: m.id, patch: { notes: 'from a clock an hour ahead' } });
    const hourSummary = await hourAhead.sync.runOnce();
    expect(hourSummary).toMatchObject({ rejected: 0, retimed: 0 });
    expect(hourAhead.sync.status().pending).toBe(0);

    await enrol(behind, server, chapterId);
    await behind.sync.runOnce();
    expect(behind.handlers['members.get']({ id: m.id }).notes).toBe('from a clock an hour ahead');
    behind.handlers['members.update']({ id: m.id, patch: { city: 'Later edit' } });
    await behind.sync.runOnce();
    await ahead.sync.runOnce();
    expect(ahead.handlers['members.get']({ id: m.id }).city).toBe('Later edit');
  });

  it('refuses a device that was revoked, and another chapter cannot see this one', async () => {
    const chapterId = await newChapter();
    const otherChapter = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    a.handlers['members.create']({ firstName: 'Secret', email: 'secret@example.org' });
    await enrol(a, server, chapterId);
    await a.sync.runOnce();
    const outsider = laptop('Outsider');
    await enrol(outsider, server, otherChapter);
    await outsider.sync.runOnce();
    expect(memberSnapshot(outsider.db)).toEqual([]);

    const device = (await server.admin.listDevices()).find((d) => d.chapterId === chapterId)!;
    await server.admin.revokeDevice(device.id);
    a.handlers['members.create']({ firstName: 'After revoke' });
    await expect(a.sync.runOnce()).rejects.toThrow();
    expect(a.sync.status()).toMatchObject({ state: 'error', error: { code: 'UNAUTHORISED' } });
    expect(a.sync.status().pending).toBeGreaterThan(0);
  });

  it('keeps a field from a newer schema and applies it after the upgrade', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    const m = a.handlers['members.create']({ firstName: 'Old', organisation: 'Red Cross' });
    await enrol(a, server, chapterId);
    await a.sync.runOnce();

    let b = laptop('Ben');
    b.db.exec('ALTER TABLE members DROP COLUMN organisation');
    await enrol(b, server, chapterId);
    const summary = await b.sync.runOnce();
    expect(summary.pulled).toBeGreaterThan(0);
    expect((b.db.prepare('SELECT count(*) AS n FROM held_changes').get() as { n: number }).n).toBe(1);

    b.db.exec('ALTER TABLE members ADD COLUMN organisation TEXT');
    b = b.reopen();
    laptops.push(b);
    await b.sync.runOnce();
    expect(b.handlers['members.get']({ id: m.id }).organisation).toBe('Red Cross');
    expect((b.db.prepare('SELECT count(*) AS n FROM held_changes').get() as { n: number }).n).toBe(0);
  });

  it('carries on after the server restarts between push and pull', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    a.handlers['members.create']({ firstName: 'Before restart' });
    await a.sync.runOnce();
    await server.restart();
    await b.sync.runOnce();
    expect(list(b).map((m) => m.firstName)).toEqual(['Before restart']);
  });
});

describe('enrolment errors', () => {
  it('says a refused code next to the code field, and an unreachable server next to the address', async () => {
    const server = await startSyncServer('pglite');
    const laptop = openLaptop('Amina', { setupChapter: true });
    try {
      const wrong = laptop.handlers['sync.enroll']({ serverUrl: server.url, code: 'AAAA-BBBB-CCCC-DDDD' });
      await expect(wrong).rejects.toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ field: 'code' }] },
      });
      await server.close();
      const away = laptop.handlers['sync.enroll']({ serverUrl: server.url, code: 'AAAA-BBBB-CCCC-DDDD' });
      await expect(away).rejects.toMatchObject({
        code: 'UNREACHABLE',
        details: { fields: [{ field: 'serverUrl' }] },
      });
      expect(laptop.sync.status().state).toBe('not-enrolled');
    } finally {
      laptop.close();
    }
  });
});
