/**
 * Events over real sync: two doors checking people in offline, registrations made on two laptops
 * for an event with a waiting list, undone check-ins, an AGM's quorum and a guest who becomes a
 * member, each ending with both laptops showing the same people, counts and log as the server.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enrol, openLaptop, serverChecksum, syncAll, type Laptop } from '../../../tests/helpers/laptop';
import { STORE_KINDS, startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import type { EventKind } from '../../shared/events';
import { memberRegistrationId } from '../services/events/attendance';
import { localChecksum } from './checksum';

const DAY = 24 * 60 * 60 * 1000;
/** A day relative to today. */
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
/** Lets the wall clock move on, so that two writes never share a millisecond. */
const later = () => new Promise((resolve) => setTimeout(resolve, 5));

type Member = ReturnType<Laptop['handlers']['members.create']>;

describe.each(STORE_KINDS)('events over sync (%s)', (kind) => {
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
  /** The synced rows as a laptop holds them (the checksum covers the log, this the tables). */
  const tables = (l: Laptop) =>
    Object.fromEntries(
      ['events', 'registrations', 'attendance'].map((t) => {
        const columns = (l.db.pragma(`table_info(${t})`) as { name: string }[])
          .map((c) => c.name)
          .filter((c) => c !== 'created_at' && c !== 'updated_at');
        return [t, l.db.prepare(`SELECT ${columns.join(', ')} FROM ${t} ORDER BY id`).all()];
      }),
    );
  async function expectConverged(...ls: Laptop[]): Promise<void> {
    const remote = await serverChecksum(ls[0]!);
    for (const l of ls) {
      expect(l.sync.status().pending, `${l.name} outbox`).toBe(0);
      expect(localChecksum(l.db).checksum, `${l.name} checksum`).toBe(remote);
      expect(tables(l), `${l.name} rows`).toEqual(tables(ls[0]!));
      // Two doors, two registrations, two undos: facts recorded twice, never a choice to review.
      expect(l.handlers['conflicts.list'](undefined), `${l.name} conflicts`).toEqual([]);
    }
  }
  const detail = (l: Laptop, eventId: string) => l.handlers['events.get']({ id: eventId });
  const person = (l: Laptop, eventId: string, memberId: string) =>
    detail(l, eventId).attendees.find((a) => a.memberId === memberId);
  const byName = (l: Laptop, eventId: string, name: string) =>
    detail(l, eventId).attendees.find((a) => a.name === name);
  /** How many attendance rows each person has for the event (registration as key: guests have no member). */
  const attendanceRows = (l: Laptop, eventId: string) =>
    l.db
      .prepare(
        `SELECT coalesce(member_id, registration_id) AS who, count(*) AS n FROM attendance
         WHERE event_id = ? GROUP BY who ORDER BY who`,
      )
      .all(eventId) as { who: string; n: number }[];

  /**
   * A chapter on laptop A with members in good standing (paid for a year ahead) and one who never
   * paid, an event created on A; everything synced to B before the doors open.
   */
  async function twoLaptops(
    names: string[],
    event: { kind?: EventKind; capacity?: number; quorum?: string } = {},
  ) {
    const chapterId = (await server.admin.addChapter(`Events ${Math.random()}`)).id;
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    const individual = a.handlers['membershipTypes.list'](undefined).find((t) => t.kind === 'individual')!;
    const members = names.map((firstName) =>
      a.handlers['members.create']({
        firstName,
        lastName: 'Kamau',
        typeId: individual.id,
        paidThrough: firstName === 'Never' ? undefined : day(400),
      }),
    );
    const created = a.handlers['events.create']({
      title: 'Monthly meeting',
      kind: event.kind ?? 'meeting',
      startsAt: `${day(1)}T18:00`,
      endsAt: `${day(1)}T21:00`,
      capacity: event.capacity ?? null,
      quorum: event.quorum ?? null,
    });
    await syncAll(a, b);
    expect(detail(b, created.id)).toMatchObject({
      title: 'Monthly meeting',
      capacity: event.capacity ?? null,
    });
    for (const m of members) expect(b.handlers['members.get']({ id: m.id }).firstName).toBe(m.firstName);
    return { chapterId, a, b, members, eventId: created.id };
  }

  it('makes one attendance per person of two doors checking in offline, with the same counts everywhere', async () => {
    const { a, b, members, eventId } = await twoLaptops(['Both', 'Walkin', 'Atdoor', 'Btdoor']);
    const [both, walkIn, atA, atB] = members as [Member, Member, Member, Member];
    // Two registered in advance (synced); the others walk in.
    a.handlers['events.register']({ eventId, memberId: both.id });
    a.handlers['events.register']({ eventId, memberId: atA.id });
    await syncAll(a, b);

    // Both doors offline: a registered member and an unregistered one checked in at both, one
    // member at each door only, and a walk-in guest at each.
    a.handlers['events.checkIn']({ eventId, memberId: both.id });
    await later();
    b.handlers['events.checkIn']({ eventId, memberId: both.id });
    await later();
    b.handlers['events.checkIn']({ eventId, memberId: walkIn.id });
    await later();
    a.handlers['events.checkIn']({ eventId, memberId: walkIn.id });
    a.handlers['events.checkIn']({ eventId, memberId: atA.id });
    b.handlers['events.checkIn']({ eventId, memberId: atB.id });
    a.handlers['events.checkIn']({ eventId, guestName: 'Gloria Guest' });
    b.handlers['events.checkIn']({ eventId, guestName: 'Hamid Guest' });
    const offline = { registered: 2, waiting: 0, checkedIn: 4, walkIns: 2, completed: 0 };
    expect(detail(a, eventId).counts).toEqual(offline);
    expect(detail(b, eventId).counts).toEqual({ ...offline, registered: 2, walkIns: 3 });

    await syncAll(a, b);
    // registered: Both and Atdoor; present: four members and two guests; walk-ins: Walkin,
    // Btdoor and the two guests.
    const counts = { registered: 2, waiting: 0, checkedIn: 6, walkIns: 4, completed: 0 };
    for (const l of [a, b]) {
      expect(detail(l, eventId).counts, l.name).toEqual(counts);
      const rows = attendanceRows(l, eventId);
      expect(rows, `${l.name} attendance rows`).toHaveLength(6);
      expect(
        rows.filter((r) => r.n !== 1),
        `${l.name} people with two attendance rows`,
      ).toEqual([]);
      for (const m of members) {
        expect(
          l.db
            .prepare('SELECT count(*) AS n FROM registrations WHERE event_id = ? AND member_id = ?')
            .get(eventId, m.id),
          `${l.name} registrations of ${m.firstName}`,
        ).toEqual({ n: 1 });
        expect(person(l, eventId, m.id)?.checkedInAt, `${l.name} ${m.firstName}`).toEqual(expect.any(String));
      }
      expect(person(l, eventId, both.id)?.state, l.name).toBe('confirmed');
      expect(person(l, eventId, walkIn.id)?.state, l.name).toBe('walk-in');
      for (const guest of ['Gloria Guest', 'Hamid Guest'])
        expect(byName(l, eventId, guest), `${l.name} ${guest}`).toMatchObject({
          guest: true,
          state: 'walk-in',
          checkedInAt: expect.any(String),
        });
    }
    expect(detail(b, eventId).attendees).toEqual(detail(a, eventId).attendees);
    await expectConverged(a, b);
  });

  it('agrees on who has a place and who waits after registrations on two laptops, and moves the waiting person up after a cancellation on the other laptop', async () => {
    const { a, b, members, eventId } = await twoLaptops(['Pendo', 'Otieno', 'Njeri'], {
      kind: 'workshop',
      capacity: 2,
    });
    // Registered in the reverse order of their registration ids, alternating laptops, so neither
    // the ids nor the laptop decide the places: only when each registration was made.
    const [first, second, third] = [...members].sort((x, y) =>
      memberRegistrationId(eventId, y.id).localeCompare(memberRegistrationId(eventId, x.id)),
    ) as [Member, Member, Member];
    expect(b.handlers['events.register']({ eventId, memberId: first.id }).state).toBe('confirmed');
    await later();
    expect(a.handlers['events.register']({ eventId, memberId: second.id }).state).toBe('confirmed');
    await later();
    // Ben does not know of the second registration: on his laptop the third still has a place.
    expect(b.handlers['events.register']({ eventId, memberId: third.id }).state).toBe('confirmed');

    await syncAll(a, b);
    const places = (l: Laptop) =>
      detail(l, eventId).attendees.map((x) => [x.memberId, x.state, x.waitingPosition]);
    for (const l of [a, b]) {
      expect(places(l), l.name).toEqual([
        [first.id, 'confirmed', null],
        [second.id, 'confirmed', null],
        [third.id, 'waiting', 1],
      ]);
      expect(detail(l, eventId).counts, l.name).toMatchObject({ registered: 2, waiting: 1 });
    }
    await expectConverged(a, b);

    // Ben cancels the first registration; Amina, offline, still shows the waiting list.
    b.handlers['events.cancelRegistration']({
      eventId,
      registrationId: memberRegistrationId(eventId, first.id),
    });
    expect(person(a, eventId, third.id)?.state).toBe('waiting');
    await syncAll(b, a);
    for (const l of [a, b]) {
      expect(places(l), l.name).toEqual([
        [first.id, 'cancelled', null],
        [second.id, 'confirmed', null],
        [third.id, 'confirmed', null],
      ]);
      expect(detail(l, eventId).counts, l.name).toMatchObject({ registered: 2, waiting: 0 });
    }
    await expectConverged(a, b);
  });

  it('converges an undone check-in, and a check-in undone later on the other laptop, to not present', async () => {
    const { a, b, members, eventId } = await twoLaptops(['Undone', 'Stays', 'Other', 'Twice']);
    const [undone, stays, other, twice] = members as [Member, Member, Member, Member];
    const undo = (l: Laptop, memberId: string) =>
      l.handlers['events.undoCheckIn']({ eventId, attendeeId: memberRegistrationId(eventId, memberId) });
    const present = (l: Laptop) =>
      detail(l, eventId)
        .attendees.filter((x) => x.checkedInAt)
        .map((x) => x.memberId)
        .sort();

    a.handlers['events.checkIn']({ eventId, memberId: undone.id });
    a.handlers['events.checkIn']({ eventId, memberId: stays.id });
    await syncAll(a, b);
    expect(present(b)).toEqual([undone.id, stays.id].sort());

    // An undo on A, nothing on B.
    await later();
    undo(a, undone.id);
    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(present(l), l.name).toEqual([stays.id]);
      expect(detail(l, eventId).counts.checkedIn, l.name).toBe(1);
      expect(person(l, eventId, undone.id)?.checkedInAt, l.name).toBeNull();
    }
    await expectConverged(a, b);

    // A check-in on A, synced; B undoes it later while A is offline.
    a.handlers['events.checkIn']({ eventId, memberId: other.id });
    await syncAll(a, b);
    expect(person(b, eventId, other.id)?.checkedInAt).toEqual(expect.any(String));
    await later();
    undo(b, other.id);
    expect(person(a, eventId, other.id)?.checkedInAt).toEqual(expect.any(String));
    // Both doors check the same person in offline, and B undoes its check-in after A made its own.
    a.handlers['events.checkIn']({ eventId, memberId: twice.id });
    await later();
    b.handlers['events.checkIn']({ eventId, memberId: twice.id });
    await later();
    undo(b, twice.id);
    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(present(l), l.name).toEqual([stays.id]);
      expect(person(l, eventId, other.id)?.checkedInAt, l.name).toBeNull();
      expect(person(l, eventId, twice.id)?.checkedInAt, l.name).toBeNull();
      expect(detail(l, eventId).counts, l.name).toMatchObject({ checkedIn: 1, walkIns: 1 });
      expect(
        attendanceRows(l, eventId).filter((r) => r.n !== 1),
        l.name,
      ).toEqual([]);
    }
    await expectConverged(a, b);
  });

  it('computes the same AGM quorum on both laptops once the two doors have synced', async () => {
    const { a, b, members, eventId } = await twoLaptops(['One', 'Two', 'Three', 'Four', 'Five', 'Never'], {
      kind: 'agm',
      quorum: '3',
    });
    const [one, two, three, , , never] = members as [Member, Member, Member, Member, Member, Member];
    // Door A: One, Two and a member who never paid (present, not eligible); door B: Three, Two.
    a.handlers['events.checkIn']({ eventId, memberId: one.id });
    await later();
    a.handlers['events.checkIn']({ eventId, memberId: two.id });
    await later();
    a.handlers['events.checkIn']({ eventId, memberId: never.id });
    b.handlers['events.checkIn']({ eventId, memberId: three.id });
    await later();
    b.handlers['events.checkIn']({ eventId, guestName: 'Observer Guest' });
    b.handlers['events.checkIn']({ eventId, memberId: two.id });
    for (const l of [a, b])
      expect(detail(l, eventId).quorumState, l.name).toEqual({
        present: 2,
        eligible: 5,
        required: 3,
        met: false,
        metAt: null,
      });

    await syncAll(a, b);
    const quorum = detail(a, eventId).quorumState;
    // The third eligible arrival, as the synced attendance rows give it.
    const arrivals = (
      a.db
        .prepare('SELECT checked_in_at AS at FROM attendance WHERE event_id = ? AND member_id IN (?, ?, ?)')
        .all(eventId, one.id, two.id, three.id) as { at: string }[]
    )
      .map((r) => r.at)
      .sort();
    expect(quorum).toEqual({ present: 3, eligible: 5, required: 3, met: true, metAt: arrivals[2] });
    expect(detail(b, eventId).quorumState).toEqual(quorum);
    expect(detail(b, eventId).counts).toEqual(detail(a, eventId).counts);
    expect(detail(a, eventId).counts).toMatchObject({ checkedIn: 5 });
    await expectConverged(a, b);
  });

  it('shows a guest converted to a member on A as a member on B, with their attendance kept', async () => {
    const { a, b, eventId } = await twoLaptops([]);
    // One guest checked in at B's door and synced before A converts them; another checked in and
    // converted on A before B ever heard of them.
    const atB = b.handlers['events.checkIn']({
      eventId,
      guestName: 'Wanjiru Njoroge',
      guestEmail: 'wanjiru@example.org',
      guestPhone: '0712 345678',
    }).attendee;
    await syncAll(b, a);
    const checkedInAt = byName(a, eventId, 'Wanjiru Njoroge')?.checkedInAt;
    expect(checkedInAt).toEqual(atB.checkedInAt);
    const converted = a.handlers['events.convertGuest']({ eventId, attendeeId: atB.id });
    expect(converted).toMatchObject({ guest: false, memberId: expect.any(String) });
    const atA = a.handlers['events.checkIn']({ eventId, guestName: 'Baraka Mutua' }).attendee;
    const second = a.handlers['events.convertGuest']({ eventId, attendeeId: atA.id });

    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(byName(l, eventId, 'Wanjiru Njoroge'), l.name).toMatchObject({
        id: atB.id,
        guest: false,
        memberId: converted.memberId,
        checkedInAt,
        email: 'wanjiru@example.org',
      });
      expect(l.handlers['members.get']({ id: converted.memberId! }), l.name).toMatchObject({
        firstName: 'Wanjiru',
        lastName: 'Njoroge',
        email: 'wanjiru@example.org',
      });
      expect(l.handlers['members.attendance']({ id: converted.memberId! }), l.name).toEqual([
        expect.objectContaining({ eventId, checkedInAt }),
      ]);
      expect(byName(l, eventId, 'Baraka Mutua'), l.name).toMatchObject({
        guest: false,
        memberId: second.memberId,
        checkedInAt: atA.checkedInAt,
      });
      expect(l.handlers['members.attendance']({ id: second.memberId! }), l.name).toEqual([
        expect.objectContaining({ eventId, checkedInAt: atA.checkedInAt }),
      ]);
      expect(detail(l, eventId).counts, l.name).toMatchObject({ checkedIn: 2, walkIns: 2 });
      expect(attendanceRows(l, eventId), l.name).toEqual(
        [converted.memberId, second.memberId].sort().map((who) => ({ who, n: 1 })),
      );
    }
    await expectConverged(a, b);
  });

  it('keeps a place for whoever registered first and keeps a registered person registered, whatever syncs last', async () => {
    const { a, b, members } = await twoLaptops(['First', 'Second', 'Third']);
    const [first, second, third] = members as [Member, Member, Member];
    const event = a.handlers['events.create']({
      title: 'Small workshop',
      kind: 'workshop',
      startsAt: `${day(2)}T09:00`,
      endsAt: `${day(2)}T12:00`,
      capacity: 1,
    });
    await syncAll(a, b);
    // A registers First, then Second; B, offline, registers First again later: First keeps the place.
    a.handlers['events.register']({ eventId: event.id, memberId: first.id });
    await later();
    a.handlers['events.register']({ eventId: event.id, memberId: second.id });
    await later();
    b.handlers['events.register']({ eventId: event.id, memberId: first.id });
    // B registers Third; A, offline, checks Third in as a walk-in: Third stays registered.
    await later();
    b.handlers['events.register']({ eventId: event.id, memberId: third.id });
    await later();
    a.handlers['events.checkIn']({ eventId: event.id, memberId: third.id });
    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(person(l, event.id, first.id)?.state, l.name).toBe('confirmed');
      expect(person(l, event.id, second.id), l.name).toMatchObject({ state: 'waiting', waitingPosition: 1 });
      expect(person(l, event.id, third.id), l.name).toMatchObject({ state: 'waiting', waitingPosition: 2 });
      expect(detail(l, event.id).counts, l.name).toMatchObject({
        registered: 1,
        waiting: 2,
        checkedIn: 1,
        walkIns: 0,
      });
    }
    await expectConverged(a, b);
  });

  it('counts a member once when a guest converted on one laptop was registered as that member on the other', async () => {
    const { a, b, eventId } = await twoLaptops(['Someone']);
    const guest = a.handlers['events.checkIn']({
      eventId,
      guestName: 'Ana Lima',
      guestEmail: 'ana@example.org',
    });
    await syncAll(a, b);
    a.handlers['events.convertGuest']({ eventId, attendeeId: guest.attendee.id });
    const same = b.handlers['members.create']({
      firstName: 'Ana',
      lastName: 'Lima',
      email: 'ana@example.org',
    });
    b.handlers['events.checkIn']({ eventId, memberId: same.id });
    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(detail(l, eventId).counts.checkedIn, l.name).toBe(1);
      expect(
        detail(l, eventId).attendees.filter((x) => x.memberId === same.id),
        l.name,
      ).toHaveLength(1);
    }
  });
});
