/**
 * Erasure through sync, over real HTTP: a member synced to two laptops and the server, and edited
 * on a third laptop that was offline, is erased on one laptop; after sync no laptop file (after its
 * scrub, WAL included) and no table of the server's database holds the person, and the offline
 * laptop's edits do not bring them back.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enrol, openLaptop, serverChecksum, syncAll, type Laptop } from '../../../tests/helpers/laptop';
import { STORE_KINDS, startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import { paymentListInput } from '../../shared/payments';
import { localChecksum } from './checksum';

const EMAIL = 'zawadiya.erasova@example.org';
const NAME = 'Erasova';
const GUEST_EMAIL = 'guest.vanishing@example.org';
const GUEST_NAME = 'Vanishing Guestperson';

/** How often `text` occurs in a laptop's chapter file and its WAL, read as bytes from disk. */
function occurrences(l: Laptop, text: string): number {
  let found = 0;
  for (const file of [l.path, `${l.path}-wal`]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (let at = bytes.indexOf(text); at !== -1; at = bytes.indexOf(text, at + 1)) found++;
  }
  return found;
}

describe.each(STORE_KINDS)('erasing a person through sync (%s)', (kind) => {
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

  function laptop(name: string): Laptop {
    const l = openLaptop(name, { setupChapter: name === 'Amina' });
    laptops.push(l);
    return l;
  }

  it('removes the member from every laptop and the server, and the offline laptop’s edits do not bring them back', async () => {
    const chapterId = (await server.admin.addChapter(`Chapter ${Math.random()}`)).id;
    const a = laptop('Amina');
    const b = laptop('Ben');
    const c = laptop('Chidi');
    for (const l of [a, b, c]) await enrol(l, server, chapterId);

    const member = a.handlers['members.create']({
      firstName: 'Zawadiya',
      lastName: NAME,
      email: EMAIL,
      phone: '0612345678',
    });
    a.handlers['payments.record']({
      memberId: member.id,
      amount: '30',
      method: 'cash',
      note: `From ${EMAIL}`,
    });
    const event = a.handlers['events.create']({
      title: 'AGM',
      kind: 'agm',
      startsAt: '2026-04-01T18:00',
      endsAt: '2026-04-01T20:00',
    });
    const guest = a.handlers['events.checkIn']({
      eventId: event.id,
      guestName: GUEST_NAME,
      guestEmail: GUEST_EMAIL,
    });
    await syncAll(a, b, c);
    expect(c.handlers['members.get']({ id: member.id }).email).toBe(EMAIL);

    // Chidi is offline from here on and keeps working on the member.
    c.handlers['members.update']({
      id: member.id,
      patch: { notes: `Offline note about ${NAME}`, city: 'Nakuru' },
    });
    c.handlers['payments.record']({
      memberId: member.id,
      amount: '30',
      method: 'cash',
      note: `Paid by ${NAME}`,
    });
    // Ben's edit reaches the server before the erasure.
    b.handlers['members.update']({ id: member.id, patch: { organisation: `${NAME} Holdings` } });
    await b.sync.runOnce();
    // Amina's own edit never leaves her laptop: the erasure drops it from her outbox.
    a.handlers['members.update']({ id: member.id, patch: { notes: `Unsent note on ${NAME}` } });

    const erased = a.handlers['members.erase']({ id: member.id });
    expect(erased).toMatchObject({ id: member.id, fileScrubbed: true });
    a.handlers['events.eraseGuest']({ id: guest.attendee.registrationId! });
    await a.sync.runOnce();
    await b.sync.runOnce();
    const offline = await c.sync.runOnce();
    expect(offline.dropped).toBeGreaterThan(0);
    expect(offline.erased).toBe(2);
    await syncAll(a, b, c);

    for (const l of [a, b, c]) {
      expect(() => l.handlers['members.get']({ id: member.id }), l.name).toThrow(
        expect.objectContaining({ code: 'NOT_FOUND' }),
      );
      const payments = l.handlers['payments.list'](paymentListInput.parse({})).rows;
      expect(payments, l.name).toHaveLength(2);
      for (const payment of payments) {
        expect(payment, l.name).toMatchObject({ memberId: member.id, memberErased: true, note: null });
      }
      const [attendee] = l.handlers['events.get']({ id: event.id }).attendees;
      expect(attendee, l.name).toMatchObject({ name: '', email: null, erased: true });
      expect(localChecksum(l.db).checksum, l.name).toBe(await serverChecksum(l));
      for (const text of [EMAIL, NAME, GUEST_EMAIL, GUEST_NAME]) {
        expect(occurrences(l, text), `${text} in ${l.name}'s file`).toBe(0);
      }
    }
    const dump = await server.dump();
    expect(dump).toContain(member.id);
    for (const text of [EMAIL, NAME, GUEST_EMAIL, GUEST_NAME]) expect(dump).not.toContain(text);

    // A laptop that joins afterwards receives the erasure and nothing of the person.
    const d = laptop('Dede');
    await enrol(d, server, chapterId);
    await d.sync.runOnce();
    expect(d.db.prepare(`SELECT count(*) AS n FROM members WHERE id = ?`).get(member.id)).toEqual({ n: 0 });
    expect(d.handlers['payments.list'](paymentListInput.parse({})).rows).toHaveLength(2);
  }, 60_000);
});
