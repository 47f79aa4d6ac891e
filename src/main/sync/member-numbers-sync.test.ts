/**
 * Member numbers over real sync: laptops numbering offline never give one number twice, two
 * laptops that each set a chapter up agree which numbers plainly, a prefix drawn twice is
 * redrawn, and a number two imports gave to two people is listed on every laptop until one of
 * them gets a new number.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enrol, openLaptop, serverChecksum, syncAll, type Laptop } from '../../../tests/helpers/laptop';
import { STORE_KINDS, startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import type { Member } from '../../shared/domain';
import { createWriteContexts } from '../services/device/device';
import { runImport } from '../services/imports/job';
import { localChecksum } from './checksum';

describe.each(STORE_KINDS)('member numbers over sync (%s)', (kind) => {
  let server: TestSyncServer;
  let laptops: Laptop[] = [];
  // PGlite takes a while to start on a busy machine.
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
  async function connected(...ls: Laptop[]): Promise<void> {
    const chapterId = (await server.admin.addChapter(`Numbers ${Math.random()}`)).id;
    for (const l of ls) await enrol(l, server, chapterId);
    await syncAll(...ls);
  }
  async function expectConverged(...ls: Laptop[]): Promise<void> {
    const remote = await serverChecksum(ls[0]!);
    for (const l of ls) {
      expect(l.sync.status().pending, `${l.name} outbox`).toBe(0);
      expect(localChecksum(l.db).checksum, `${l.name} checksum`).toBe(remote);
    }
  }
  const add = (l: Laptop, firstName: string) => l.handlers['members.create']({ firstName });
  const numbers = (l: Laptop) =>
    l.handlers['members.list']({ query: '', sort: 'name', direction: 'asc', offset: 0, limit: 500 }).rows.map(
      (m) => [m.firstName, m.memberNumber],
    );
  const prefix = (l: Laptop) =>
    (l.db.prepare('SELECT receipt_prefix AS p FROM device').get() as { p: string | null }).p;
  const clashes = (l: Laptop) =>
    l.handlers['members.numberClashes'](undefined).clashes.map((c) => ({
      number: c.number,
      names: c.members.map((m) => m.firstName).sort(),
    }));
  const importCsv = (l: Laptop, text: string) =>
    runImport(createWriteContexts(l.db, () => new Date(Date.now() + l.clock.skewMs))(), {
      fileName: 'members.csv',
      bytes: new TextEncoder().encode(text),
      dryRun: false,
    });

  it('gives distinct numbers on laptops numbering offline: plain where the chapter was set up, prefixed elsewhere', async () => {
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    const c = laptop('Chidi');
    await connected(a, b, c);
    const offline = [
      ...['A1', 'A2', 'A3'].map((n) => add(a, n)),
      ...['B1', 'B2', 'B3'].map((n) => add(b, n)),
      ...['C1', 'C2'].map((n) => add(c, n)),
    ];
    const [pb, pc] = [prefix(b)!, prefix(c)!];
    expect(pb).not.toBe(pc);
    expect(prefix(a)).toBeNull();
    expect(offline.map((m) => m.memberNumber)).toEqual([
      '1',
      '2',
      '3',
      `${pb}-1`,
      `${pb}-2`,
      `${pb}-3`,
      `${pc}-1`,
      `${pc}-2`,
    ]);

    await syncAll(a, b, c);
    for (const l of [a, b, c]) {
      expect(numbers(l)).toEqual(numbers(a));
      expect(new Set(numbers(l).map(([, n]) => n)).size).toBe(8);
      expect(clashes(l)).toEqual([]);
    }
    // Amina's laptop keeps counting after everything it has seen, a file's numbers included.
    expect(add(a, 'A4').memberNumber).toBe('4');
    // At the door of Amina's laptop, Ben's member says "2" and is found by it.
    const event = a.handlers['events.create']({
      title: 'AGM',
      kind: 'agm',
      startsAt: '2026-04-01T18:00',
      endsAt: '2026-04-01T20:00',
    });
    const found = a.handlers['events.search']({ eventId: event.id, query: '2', limit: 8 });
    expect(found.map((x) => x.memberNumber)).toEqual(['2', ...[`${pb}-2`, `${pc}-2`].sort()]);
    await syncAll(a, b, c);
    await expectConverged(a, b, c);
  });

  it('lists a number two imports gave to two people on both laptops, until one gets a new number', async () => {
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    await connected(a, b);
    await importCsv(a, 'First name,Last name,Email,Member number\nAda,Lovelace,ada@example.org,100\n');
    await importCsv(b, 'First name,Last name,Email,Member number\nGrace,Hopper,grace@example.org,100\n');
    // Each laptop alone sees no clash; a number typed here would have been refused.
    expect(clashes(a)).toEqual([]);
    expect(() => b.handlers['members.create']({ firstName: 'Typed', memberNumber: '100' })).toThrow(
      /already belongs to Grace Hopper/,
    );

    await syncAll(a, b);
    for (const l of [a, b]) expect(clashes(l)).toEqual([{ number: '100', names: ['Ada', 'Grace'] }]);

    const grace = b.handlers['members.numberClashes'](undefined).clashes[0]!.members.find(
      (m: Member) => m.firstName === 'Grace',
    )!;
    const renumbered = b.handlers['members.renumber']({ id: grace.id });
    expect(renumbered.memberNumber).toBe(`${prefix(b)}-1`);
    expect(clashes(b)).toEqual([]);

    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(clashes(l)).toEqual([]);
      expect(l.handlers['members.get']({ id: grace.id }).memberNumber).toBe(renumbered.memberNumber);
    }
    await expectConverged(a, b);
  });

  it('agrees, once synced, which of two laptops that each set the chapter up numbers plainly', async () => {
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben', { setupChapter: true });
    // Before they ever met, both numbered plainly: the clash that made is listed, not merged.
    expect([add(a, 'Ada').memberNumber, add(b, 'Bola').memberNumber]).toEqual(['1', '1']);
    await connected(a, b);
    for (const l of [a, b]) expect(clashes(l)).toEqual([{ number: '1', names: ['Ada', 'Bola'] }]);

    const next = [add(a, 'Ada2').memberNumber!, add(b, 'Bola2').memberNumber!];
    const plain = next.filter((n) => /^\d+$/.test(n));
    expect(plain).toEqual(['2']);
    expect(next.find((n) => n !== '2')).toMatch(/^[A-Z0-9]{3}-1$/);
    await syncAll(a, b);
    for (const l of [a, b]) expect(clashes(l)).toHaveLength(1);
    await expectConverged(a, b);
  });

  it('moves laptops that drew the same prefix offline to new ones, and lists the numbers both gave', async () => {
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    const c = laptop('Chidi');
    await connected(a, b, c);
    for (const l of [b, c]) l.db.prepare(`UPDATE device SET receipt_prefix = 'K3M'`).run();
    expect([add(b, 'Bola').memberNumber, add(c, 'Chiamaka').memberNumber]).toEqual(['K3M-1', 'K3M-1']);

    await syncAll(a, b, c);
    const prefixes = [prefix(b), prefix(c)];
    expect(prefixes.filter((p) => p !== 'K3M').length).toBeGreaterThanOrEqual(1);
    expect(prefixes[0]).not.toBe(prefixes[1]);
    for (const l of [a, b, c]) expect(clashes(l)).toEqual([{ number: 'K3M-1', names: ['Bola', 'Chiamaka'] }]);

    const later = [add(b, 'Bola2').memberNumber!, add(c, 'Chiamaka2').memberNumber!];
    expect(later[0]!.split('-')[0]).toBe(prefixes[0]);
    expect(later[1]!.split('-')[0]).toBe(prefixes[1]);
    expect(later[0]).not.toBe(later[1]);
    await syncAll(a, b, c);
    for (const l of [a, b, c]) expect(clashes(l)).toHaveLength(1);
    await expectConverged(a, b, c);
  });
});
