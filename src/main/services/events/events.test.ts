import { afterEach, describe, expect, it } from 'vitest';
import { eventListInput } from '../../../shared/events';
import { dispatch } from '../../api/dispatch';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';

let chapter: TestChapter;
afterEach(() => chapter?.close());
const quiet = { error: () => undefined };

function setup() {
  chapter = openTestChapter({ country: 'KE', at: '2026-03-15T10:00:00Z' });
  const { handlers, db } = chapter;
  db.prepare(`UPDATE chapter SET time_zone = 'Africa/Nairobi'`).run();
  const type = handlers['membershipTypes.create']({
    name: 'Member',
    fee: '10',
    periodMonths: 12,
    graceDays: 0,
  });
  const member = (firstName: string, paidThrough?: string) =>
    handlers['members.create']({ firstName, lastName: 'Otieno', typeId: type.id, paidThrough });
  return { handlers, member };
}

const agm = {
  title: 'AGM 2026',
  kind: 'agm' as const,
  startsAt: '2026-03-20T10:00',
  endsAt: '2026-03-20T13:00',
};

describe('events', () => {
  it('reads times in the chapter’s time zone and lists upcoming and past events', () => {
    const { handlers } = setup();
    const event = handlers['events.create'](agm);
    expect(event).toMatchObject({ startsAt: '2026-03-20T07:00:00.000Z', endsAt: '2026-03-20T10:00:00.000Z' });
    handlers['events.create']({
      ...agm,
      title: 'Old',
      startsAt: '2026-01-10T18:00',
      endsAt: '2026-01-10T20:00',
    });
    const list = (when: 'upcoming' | 'past') =>
      handlers['events.list'](eventListInput.parse({ when })).rows.map((e) => e.title);
    expect(list('upcoming')).toEqual(['AGM 2026']);
    expect(list('past')).toEqual(['Old']);
    const cancelled = handlers['events.cancel']({ id: event.id });
    expect(cancelled.cancelled).toBe(true);
    expect(list('upcoming')).toEqual(['AGM 2026']);
    const copy = handlers['events.duplicate']({ id: event.id });
    expect(copy).toMatchObject({ title: 'AGM 2026', cancelled: false, startsAt: '2026-03-27T07:00:00.000Z' });
  });

  it('gives places in registration order, keeps a waiting list, and moves it up when someone cancels', () => {
    const { handlers, member } = setup();
    const event = handlers['events.create']({ ...agm, kind: 'workshop', capacity: 2 });
    const [a, b, c] = [member('Akinyi'), member('Baraka'), member('Chege')];
    for (const m of [a, b, c]) {
      handlers['events.register']({ eventId: event.id, memberId: m!.id });
      chapter.clock.now = new Date(chapter.clock.now.getTime() + 1000);
    }
    const guest = handlers['events.register']({
      eventId: event.id,
      guestName: 'Dana Guest',
      guestEmail: 'dana@example.org',
    });
    expect(guest).toMatchObject({ state: 'waiting', waitingPosition: 2, guest: true });
    expect(handlers['events.get']({ id: event.id }).counts).toMatchObject({ registered: 2, waiting: 2 });
    const first = handlers['events.get']({ id: event.id }).attendees.find((x) => x.memberId === a!.id)!;
    handlers['events.cancelRegistration']({ eventId: event.id, registrationId: first.id });
    const after = handlers['events.get']({ id: event.id });
    expect(after.attendees.map((x) => [x.name, x.state, x.waitingPosition])).toEqual([
      ['Akinyi Otieno', 'cancelled', null],
      ['Baraka Otieno', 'confirmed', null],
      ['Chege Otieno', 'confirmed', null],
      ['Dana Guest', 'waiting', 1],
    ]);
    expect(() => handlers['events.register']({ eventId: event.id, memberId: b!.id })).toThrow(
      /already registered/,
    );
    // Akinyi cancelled but came after all: checked in by her registration, she is registered again.
    const came = handlers['events.checkIn']({ eventId: event.id, registrationId: first.id });
    expect(came.attendee.state).toBe('confirmed');
    expect(came.attendee.checkedInAt).not.toBeNull();
  });

  it('checks people in once, counts walk-ins, undoes a mistake, and records who completed a training', () => {
    const { handlers, member } = setup();
    const event = handlers['events.create']({ ...agm, kind: 'training' });
    const registered = member('Akinyi');
    const walkIn = member('Baraka');
    handlers['events.register']({ eventId: event.id, memberId: registered.id });
    const first = handlers['events.checkIn']({ eventId: event.id, memberId: registered.id });
    expect(first).toMatchObject({ already: false, attendee: { state: 'confirmed' } });
    const twice = handlers['events.checkIn']({ eventId: event.id, memberId: registered.id });
    expect(twice.already).toBe(true);
    handlers['events.checkIn']({ eventId: event.id, memberId: walkIn.id });
    const guest = handlers['events.checkIn']({ eventId: event.id, guestName: 'Zawadi Guest' });
    expect(guest.counts).toEqual({ registered: 1, waiting: 0, checkedIn: 3, walkIns: 2, completed: 0 });
    const undone = handlers['events.undoCheckIn']({ eventId: event.id, attendeeId: guest.attendee.id });
    expect(undone.counts).toMatchObject({ checkedIn: 2, walkIns: 1 });
    handlers['events.setCompleted']({ eventId: event.id, attendeeId: first.attendee.id, completed: true });
    expect(() =>
      handlers['events.setCompleted']({ eventId: event.id, attendeeId: guest.attendee.id, completed: true }),
    ).toThrow(/check them in first/);
    const report = handlers['events.report']({ from: '2026-03-01', to: '2026-03-31' });
    expect(report).toMatchObject({
      events: 1,
      attendances: 2,
      members: 2,
      guests: 0,
      trained: 1,
      firstTimers: 2,
    });
    expect(handlers['members.attendance']({ id: registered.id })).toEqual([
      expect.objectContaining({ title: 'AGM 2026', completed: true }),
    ]);
  });

  it('turns a guest into a member in one step, keeping their attendance', () => {
    const { handlers } = setup();
    const event = handlers['events.create'](agm);
    const checked = handlers['events.checkIn']({
      eventId: event.id,
      guestName: 'Wanjiru Kamau',
      guestEmail: 'wanjiru@example.org',
      guestPhone: '0712 345678',
    });
    const converted = handlers['events.convertGuest']({ eventId: event.id, attendeeId: checked.attendee.id });
    expect(converted).toMatchObject({
      guest: false,
      name: 'Wanjiru Kamau',
      checkedInAt: checked.attendee.checkedInAt,
    });
    const member = handlers['members.get']({ id: converted.memberId! });
    expect(member).toMatchObject({ firstName: 'Wanjiru', lastName: 'Kamau', email: 'wanjiru@example.org' });
    expect(handlers['members.attendance']({ id: member.id })).toHaveLength(1);
    expect(() =>
      handlers['events.convertGuest']({ eventId: event.id, attendeeId: checked.attendee.id }),
    ).toThrow(/already a member/);
  });

  it('lists the people found at the door in the order of the chapter’s language', () => {
    const { handlers } = setup();
    const event = handlers['events.create'](agm);
    for (const guestName of ['Peña Ruiz', 'Penz Ruiz', 'Pena Ruiz', 'Zoe Ruiz', 'زينب Ruiz'])
      handlers['events.register']({ eventId: event.id, guestName });
    const found = (locale: string) => {
      chapter.db.prepare(`UPDATE chapter SET locale = ?`).run(locale);
      return handlers['events.search']({ eventId: event.id, query: 'ruiz', limit: 8 }).map((a) => a.name);
    };
    // Spanish has ñ as a letter of its own after n; Arabic puts Arabic script before Latin.
    expect(found('es')).toEqual(['Pena Ruiz', 'Penz Ruiz', 'Peña Ruiz', 'Zoe Ruiz', 'زينب Ruiz']);
    expect(found('en')).toEqual(['Pena Ruiz', 'Peña Ruiz', 'Penz Ruiz', 'Zoe Ruiz', 'زينب Ruiz']);
    expect(found('ar')).toEqual(['زينب Ruiz', 'Pena Ruiz', 'Peña Ruiz', 'Penz Ruiz', 'Zoe Ruiz']);
  });

  it('finds people at the door by name without accents, email, phone as typed and member number', () => {
    const { handlers } = setup();
    const event = handlers['events.create'](agm);
    const helene = handlers['members.create']({
      firstName: 'Hélène',
      lastName: 'Ngugi',
      email: 'helene@example.org',
      phone: '+254 712 345 678',
      memberNumber: 'K-77',
    });
    handlers['events.register']({ eventId: event.id, guestName: 'Guest Person', guestPhone: '0733 111222' });
    const find = (query: string) =>
      handlers['events.search']({ eventId: event.id, query, limit: 8 }).map((a) => a.name);
    expect(find('helene')).toEqual(['Hélène Ngugi']);
    expect(find('helene@example.org')).toEqual(['Hélène Ngugi']);
    expect(find('0712 345678')).toEqual(['Hélène Ngugi']);
    expect(find('K-77')).toEqual(['Hélène Ngugi']);
    expect(find('0733111222')).toEqual(['Guest Person']);
    expect(find('guest')).toEqual(['Guest Person']);
    expect(handlers['events.search']({ eventId: event.id, query: 'hel', limit: 8 })[0]!.memberId).toBe(
      helene.id,
    );
    // A few digits are the start of a member number, found in number order.
    for (const number of ['4', '45', '450', '1045']) {
      handlers['members.create']({ firstName: `N${number}`, memberNumber: number });
    }
    const byNumber = handlers['events.search']({ eventId: event.id, query: '45', limit: 8 });
    expect(byNumber.map((a) => a.memberNumber)).toEqual(['45', '450']);

    // The door's list is kept between key presses, and follows every write: a check-in, a rename.
    const guest = () => handlers['events.search']({ eventId: event.id, query: 'guest', limit: 8 })[0]!;
    expect(guest().checkedInAt).toBeNull();
    handlers['events.checkIn']({ eventId: event.id, registrationId: guest().registrationId! });
    expect(guest().checkedInAt).not.toBeNull();
    handlers['members.update']({ id: helene.id, patch: { firstName: 'Héloïse' } });
    expect(find('heloise')).toEqual(['Héloïse Ngugi']);
  });
});

describe('AGM quorum', () => {
  it('counts members in good standing present against a number or a percentage, on the event’s day', () => {
    const { handlers, member } = setup();
    // Paid through the day before the AGM with no grace: they lapse on the day and do not count.
    const lapsesThatDay = member('Lapsing', '2026-03-19');
    const good = [member('One', '2026-12-31'), member('Two', '2026-12-31'), member('Three', '2026-12-31')];
    const honorary = handlers['members.create']({
      firstName: 'Honour',
      typeId: handlers['membershipTypes.list'](undefined).find((t) => t.kind === 'honorary')!.id,
    });
    const event = handlers['events.create']({ ...agm, quorum: '50%' });
    const start = handlers['events.get']({ id: event.id }).quorumState;
    expect(start).toEqual({ present: 0, eligible: 4, required: 2, met: false, metAt: null });
    handlers['events.checkIn']({ eventId: event.id, memberId: lapsesThatDay.id });
    handlers['events.checkIn']({ eventId: event.id, guestName: 'A Guest' });
    chapter.clock.now = new Date('2026-03-20T07:05:00Z');
    const first = handlers['events.checkIn']({ eventId: event.id, memberId: good[0]!.id });
    expect(first.quorumState).toMatchObject({ present: 1, met: false });
    chapter.clock.now = new Date('2026-03-20T07:09:00Z');
    const second = handlers['events.checkIn']({ eventId: event.id, memberId: honorary.id });
    expect(second.quorumState).toEqual({
      present: 2,
      eligible: 4,
      required: 2,
      met: true,
      metAt: '2026-03-20T07:09:00.000Z',
    });
    const byNumber = handlers['events.update']({ id: event.id, patch: { quorum: '3' } });
    expect(byNumber.quorumState).toMatchObject({ required: 3, met: false, metAt: null });
  });
});

describe('bad event input is refused with the field named and nothing written', () => {
  it.each([
    [{ endsAt: '2026-03-20T09:00' }, 'endsAt', /ends before it starts/],
    [{ startsAt: 'tomorrow' }, 'startsAt', /date and time/],
    [{ kind: 'party' }, 'kind', /./],
    [{ quorum: '150%' }, 'quorum', /at most 100%/],
    [{ title: ' ' }, 'title', /title/],
  ])('%j', async (patch, field, message) => {
    const { handlers } = setup();
    const result = await dispatch(handlers, 'events.create', { ...agm, ...patch }, quiet);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.details?.fields?.find((f) => f.field === field)?.message).toMatch(message);
    expect(handlers['events.list'](eventListInput.parse({ when: 'all' })).total).toBe(0);
  });

  it('refuses a capacity below those present, a check-in to a cancelled event and an unknown member', async () => {
    const { handlers, member } = setup();
    const event = handlers['events.create'](agm);
    const [a, b] = [member('A'), member('B')];
    handlers['events.checkIn']({ eventId: event.id, memberId: a.id });
    handlers['events.checkIn']({ eventId: event.id, memberId: b.id });
    const capacity = await dispatch(
      handlers,
      'events.update',
      { id: event.id, patch: { capacity: 1 } },
      quiet,
    );
    expect(capacity).toMatchObject({ ok: false, error: { details: { fields: [{ field: 'capacity' }] } } });
    const unknown = await dispatch(
      handlers,
      'events.checkIn',
      { eventId: event.id, memberId: '00000000-0000-4000-8000-000000000000' },
      quiet,
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    handlers['events.cancel']({ id: event.id });
    const late = await dispatch(handlers, 'events.checkIn', { eventId: event.id, guestName: 'Late' }, quiet);
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(handlers['events.get']({ id: event.id }).counts.checkedIn).toBe(2);
  });
});

describe('registrations from a form export', () => {
  it('matches members, registers strangers as guests, and names the rows it refuses', async () => {
    const { handlers } = setup();
    handlers['members.create']({ firstName: 'Akinyi', lastName: 'Odhiambo', email: 'akinyi@example.org' });
    const event = handlers['events.create'](agm);
    const csv = [
      'Timestamp,Full name,Email address,Phone number',
      '2026/03/01 10:00,Akinyi Odhiambo,AKINYI@example.org,',
      '2026/03/01 11:00,New Person,new@example.org,0711 000111',
      '2026/03/01 12:00,Bad Email,not-an-email,',
      '2026/03/01 13:00,New Person,new@example.org,',
    ].join('\n');
    const data = Buffer.from(csv).toString('base64');
    const dry = await handlers['events.importRegistrations']({
      eventId: event.id,
      fileName: 'form.csv',
      data,
      dryRun: true,
    });
    expect(dry).toMatchObject({ rows: 4, members: 1, guests: 1, alreadyRegistered: 1 });
    expect(handlers['events.get']({ id: event.id }).attendees).toEqual([]);
    const real = await handlers['events.importRegistrations']({
      eventId: event.id,
      fileName: 'form.csv',
      data,
      dryRun: false,
    });
    expect(real.rejected).toEqual([
      {
        row: 4,
        field: 'email',
        message: '“not-an-email” is not an email address',
        problem: { code: 'REGISTRATION_EMAIL_INVALID', params: { email: 'not-an-email' } },
      },
    ]);
    expect(handlers['events.get']({ id: event.id }).attendees.map((a) => [a.name, a.guest])).toEqual([
      ['Akinyi Odhiambo', false],
      ['New Person', true],
    ]);
  });
});
