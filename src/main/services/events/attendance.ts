import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { MemberStatus } from '../../../shared/dues/status';
import { AppError, fieldError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import type { Member } from '../../../shared/domain';
import type {
  Attendee,
  AttendanceReport,
  CheckInResult,
  EventDetail,
  MemberAttendance,
  attendanceReportInput,
  checkInInput,
  personInput,
} from '../../../shared/events';
import { normalisePhone } from '../../../shared/phone';
import { dateIn } from '../../../shared/time';
import { normaliseEmail, searchTerms } from '../../../shared/text';
import { writeRow } from '../../db/changes';
import { derivedId, keyedId } from '../../db/identity';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import { requireChapter } from '../chapter/chapter';
import { getChapterKey } from '../chapter/key';
import { splitFullName } from '../imports/names';
import { createMember } from '../members/members';
import { listMembers, MEMBER_SELECT, PHONE_LIKE } from '../members/query';
import { toMember, type MemberDbRow } from '../members/row';
import { STATUS_SQL, statusParams } from '../members/status';
import { eventCounts, eventRow, getEvent, quorumState, type EventDeps } from './events';

/** A member's one registration for an event: the same id on every laptop. */
export function memberRegistrationId(eventId: string, memberId: string): string {
  return derivedId(eventId, `member:${memberId}`);
}

/**
 * A guest's registration when they gave an email: the same id on every laptop of the chapter, so
 * two doors make one row. An HMAC under the chapter key, as member ids are: the id stays after the
 * guest is erased (in the registration and its erasure), and a v5 id of the event and the email
 * would let anyone holding the file confirm a guessed email. A registration made before keys (that
 * v5 id) is still found; an erased one is never used again, so a guest coming back is a new row.
 */
export function guestRegistrationId(db: Db, eventId: string, email: string): string {
  const erased = statement(db, `SELECT 1 FROM erasures WHERE id = ?`);
  const legacy = derivedId(eventId, `guest:${email}`);
  if (statement(db, `SELECT 1 FROM registrations WHERE id = ?`).get(legacy) && !erased.get(legacy)) {
    return legacy;
  }
  const id = keyedId(getChapterKey(db).key, `guest\n${eventId}\n${email}`);
  return erased.get(id) ? randomUUID() : id;
}

/** One attendance per registration, whichever door checked the person in. */
export function attendanceId(eventId: string, registrationId: string): string {
  return derivedId(eventId, `registration:${registrationId}`);
}

interface AttendeeRow {
  id: string;
  member_id: string | null;
  guest_name: string | null;
  guest_email: string | null;
  guest_phone: string | null;
  registered_at: string;
  walk_in: number;
  cancelled: number;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  member_number: string | null;
  member_deleted: number | null;
  erased: number;
  status: MemberStatus | null;
  attendance_id: string | null;
  checked_in_at: string | null;
  present: number | null;
  completed: number | null;
}

function attendees(db: Db, eventId: string, capacity: number | null, now: Date): Attendee[] {
  const chapter = requireChapter(db);
  const rows = statement(
    db,
    `SELECT r.id, r.member_id, r.guest_name, r.guest_email, r.guest_phone, r.registered_at,
       r.walk_in, r.cancelled, m.first_name, m.last_name, m.email, m.phone, m.member_number,
       m.deleted AS member_deleted,
       EXISTS (SELECT 1 FROM erasures e WHERE e.id IN (r.id, r.member_id)) AS erased,
       CASE WHEN m.id IS NULL OR m.deleted = 1 THEN NULL ELSE ${STATUS_SQL} END AS status,
       a.id AS attendance_id, a.checked_in_at, a.present, a.completed
     FROM registrations r
     LEFT JOIN members m ON m.id = r.member_id
     LEFT JOIN membership_types t ON t.id = m.type_id
     LEFT JOIN attendance a ON a.registration_id = r.id AND a.deleted = 0
     WHERE r.event_id = @eventId AND r.deleted = 0
     ORDER BY r.registered_at, r.id`,
  ).all({ eventId, ...statusParams(chapter, now) }) as AttendeeRow[];
  let booked = 0;
  // One line per member: two rows for one member (a guest converted on one laptop while another
  // registered the member) show as the earlier registration, present if either was checked in.
  const byMember = new Map<string, AttendeeRow>();
  const unique = rows.filter((r) => {
    if (!r.member_id) return true;
    const first = byMember.get(r.member_id);
    if (!first) {
      byMember.set(r.member_id, r);
      return true;
    }
    if (r.present && (!first.present || (r.checked_in_at ?? '') < (first.checked_in_at ?? ''))) {
      first.present = r.present;
      first.checked_in_at = r.checked_in_at;
      first.completed = r.completed;
    }
    if (!r.walk_in && !r.cancelled) {
      first.walk_in = 0;
      first.cancelled = 0;
    }
    return false;
  });
  return unique.map((r) => {
    let state: Attendee['state'];
    let waitingPosition: number | null = null;
    if (r.walk_in) state = 'walk-in';
    else if (r.cancelled) state = 'cancelled';
    else {
      booked++;
      if (capacity === null || booked <= capacity) state = 'confirmed';
      else {
        state = 'waiting';
        waitingPosition = booked - capacity;
      }
    }
    const memberName = [r.first_name, r.last_name].filter(Boolean).join(' ');
    return {
      id: r.id,
      registrationId: r.id,
      memberId: r.member_id,
      memberNumber: r.member_number,
      name: (r.member_id ? memberName || r.email : r.guest_name) ?? '',
      email: r.member_id ? r.email : r.guest_email,
      phone: r.member_id ? r.phone : r.guest_phone,
      guest: !r.member_id,
      state,
      waitingPosition,
      checkedInAt: r.present ? r.checked_in_at : null,
      completed: r.present === 1 && r.completed === 1,
      memberStatus: r.status,
      memberDeleted: r.member_deleted === 1,
      erased: r.erased === 1,
    };
  });
}

export function eventDetail(deps: EventDeps, eventId: string): EventDetail {
  const event = getEvent(deps.db, eventId);
  return { ...event, attendees: attendees(deps.db, eventId, event.capacity, deps.now()) };
}

function attendee(deps: EventDeps, eventId: string, registrationId: string): Attendee {
  const row = eventRow(deps.db, eventId);
  const found = attendees(deps.db, eventId, row.capacity, deps.now()).find((a) => a.id === registrationId);
  if (!found) throw notOnEvent('attendeeId: No such person on this event');
  return found;
}

const notOnEvent = (message: string) =>
  new AppError('NOT_FOUND', message, { problem: problem('ATTENDEE_NOT_FOUND') });

const noSuchRegistration = () =>
  new AppError('NOT_FOUND', 'No such registration for this event.', {
    problem: problem('REGISTRATION_NOT_FOUND'),
  });

function liveMember(db: Db, memberId: string): void {
  const member = statement(db, `SELECT deleted FROM members WHERE id = ?`).get(memberId) as
    { deleted: number } | undefined;
  if (!member || member.deleted) {
    throw fieldError('NOT_FOUND', 'memberId', 'No such member', problem('MEMBER_NOT_FOUND'));
  }
}

function openEvent(db: Db, eventId: string) {
  const event = eventRow(db, eventId);
  if (event.cancelled) {
    throw fieldError('CONFLICT', 'eventId', 'This event is cancelled', problem('EVENT_CANCELLED'));
  }
  return event;
}

type Person = { memberId: string } | { guestName: string; guestEmail?: string; guestPhone?: string };

/**
 * The registration for a person: a member's has a derived id (so two laptops registering them make
 * one row), a guest's a derived one when they gave an email, else a new one. Writes it if it does
 * not exist or was cancelled; returns its id and whether it was new.
 */
function ensureRegistration(deps: EventDeps, eventId: string, person: Person, walkIn: boolean) {
  const { db } = deps;
  const ctx = deps.writeContext();
  let id: string;
  let values: Record<string, string | number | null>;
  if ('memberId' in person) {
    liveMember(db, person.memberId);
    id = memberRegistrationId(eventId, person.memberId);
    values = { event_id: eventId, member_id: person.memberId };
  } else {
    const email = person.guestEmail ? normaliseEmail(person.guestEmail) : null;
    id = email ? guestRegistrationId(db, eventId, email) : randomUUID();
    values = {
      event_id: eventId,
      guest_name: person.guestName.trim(),
      guest_email: email,
      guest_phone: person.guestPhone?.trim() || null,
    };
  }
  const existing = statement(
    db,
    `SELECT cancelled, walk_in FROM registrations WHERE id = ? AND deleted = 0`,
  ).get(id) as { cancelled: number; walk_in: number } | undefined;
  if (existing && !existing.cancelled) return { id, created: false };
  // A registration coming back after a cancellation keeps its first time and kind
  // (EARLIEST_WINS): every laptop then agrees on the order whatever arrives when.
  writeRow(
    ctx,
    'registrations',
    id,
    existing
      ? { cancelled: 0, deleted: 0 }
      : {
          ...values,
          registered_at: ctx.now().toISOString(),
          walk_in: walkIn ? 1 : 0,
          cancelled: 0,
          deleted: 0,
        },
  );
  return { id, created: true };
}

export function register(deps: EventDeps, input: z.output<typeof personInput>): Attendee {
  const { db } = deps;
  const { eventId, ...person } = input;
  const id = db.transaction(() => {
    openEvent(db, eventId);
    const { id, created } = ensureRegistration(deps, eventId, person as Person, false);
    if (!created) {
      throw new AppError('CONFLICT', 'This person is already registered for this event.', {
        problem: problem('ALREADY_REGISTERED'),
      });
    }
    return id;
  })();
  return attendee(deps, eventId, id);
}

/** Cancelling frees the place: the first on the waiting list moves up (places are derived). */
export function cancelRegistration(deps: EventDeps, eventId: string, registrationId: string): Attendee {
  const { db } = deps;
  db.transaction(() => {
    const row = statement(db, `SELECT event_id FROM registrations WHERE id = ? AND deleted = 0`).get(
      registrationId,
    ) as { event_id: string } | undefined;
    if (!row || row.event_id !== eventId) throw noSuchRegistration();
    writeRow(deps.writeContext(), 'registrations', registrationId, { cancelled: 1 });
  })();
  return attendee(deps, eventId, registrationId);
}

/**
 * Checks a person in: a registered one by registration or member, anyone else as a walk-in. The
 * attendance row's id derives from the registration, so the same person checked in at two doors
 * is one row after sync. Checking in someone already present writes nothing and says so.
 */
export function checkIn(deps: EventDeps, input: z.output<typeof checkInInput>): CheckInResult {
  const { db } = deps;
  const { eventId } = input;
  const outcome = db.transaction(() => {
    const event = openEvent(db, eventId);
    let registrationId: string;
    if ('registrationId' in input) {
      const row = statement(
        db,
        `SELECT event_id, cancelled FROM registrations WHERE id = ? AND deleted = 0`,
      ).get(input.registrationId) as { event_id: string; cancelled: number } | undefined;
      if (!row || row.event_id !== eventId) throw noSuchRegistration();
      registrationId = input.registrationId;
      // Someone who cancelled and came after all is registered again: they are here.
      if (row.cancelled) writeRow(deps.writeContext(), 'registrations', registrationId, { cancelled: 0 });
    } else {
      const person: Person = 'memberId' in input ? { memberId: input.memberId } : input;
      const registered = 'memberId' in person ? memberRegistrationId(eventId, person.memberId) : null;
      const exists =
        registered &&
        statement(db, `SELECT 1 FROM registrations WHERE id = ? AND deleted = 0 AND cancelled = 0`).get(
          registered,
        );
      registrationId = exists ? registered : ensureRegistration(deps, eventId, person, true).id;
    }
    const id = attendanceId(eventId, registrationId);
    const current = statement(
      db,
      `SELECT present, checked_in_at FROM attendance WHERE id = ? AND deleted = 0`,
    ).get(id) as { present: number; checked_in_at: string | null } | undefined;
    if (current?.present) return { registrationId, already: true, capacity: event.capacity };
    const member = statement(db, `SELECT member_id FROM registrations WHERE id = ?`).get(registrationId) as {
      member_id: string | null;
    };
    const ctx = deps.writeContext();
    writeRow(ctx, 'attendance', id, {
      event_id: eventId,
      registration_id: registrationId,
      member_id: member.member_id,
      // The first check-in time stands (EARLIEST_WINS): checking in again after an undo keeps it.
      checked_in_at: current?.checked_in_at ?? ctx.now().toISOString(),
      present: 1,
      deleted: 0,
    });
    return { registrationId, already: false, capacity: event.capacity };
  })();
  const event = eventRow(db, eventId);
  return {
    attendee: attendee(deps, eventId, outcome.registrationId),
    already: outcome.already,
    counts: eventCounts(db, eventId, outcome.capacity),
    quorumState: quorumState(db, requireChapter(db), event),
  };
}

/** Undoes a mistaken check-in (the row stays, not present), so it syncs like any edit. */
export function undoCheckIn(deps: EventDeps, eventId: string, registrationId: string): CheckInResult {
  const { db } = deps;
  db.transaction(() => {
    const id = attendanceId(eventId, registrationId);
    const current = statement(db, `SELECT present FROM attendance WHERE id = ?`).get(id) as
      { present: number } | undefined;
    if (!current?.present) {
      throw new AppError('NOT_FOUND', 'This person is not checked in.', {
        problem: problem('NOT_CHECKED_IN'),
      });
    }
    writeRow(deps.writeContext(), 'attendance', id, { present: 0, completed: 0 });
  })();
  const event = eventRow(db, eventId);
  return {
    attendee: attendee(deps, eventId, registrationId),
    already: false,
    counts: eventCounts(db, eventId, event.capacity),
    quorumState: quorumState(db, requireChapter(db), event),
  };
}

/** A training records who completed it, not only who came. */
export function setCompleted(
  deps: EventDeps,
  eventId: string,
  registrationId: string,
  completed: boolean,
): Attendee {
  const { db } = deps;
  db.transaction(() => {
    const id = attendanceId(eventId, registrationId);
    const current = statement(db, `SELECT present FROM attendance WHERE id = ?`).get(id) as
      { present: number } | undefined;
    if (!current?.present) {
      throw new AppError(
        'CONFLICT',
        'Only someone who came can complete the training; check them in first.',
        {
          problem: problem('COMPLETION_NEEDS_CHECK_IN'),
        },
      );
    }
    writeRow(deps.writeContext(), 'attendance', id, { completed: completed ? 1 : 0 });
  })();
  return attendee(deps, eventId, registrationId);
}

/**
 * A guest becomes a member in one step: a member is created from their name, email and phone, and
 * their registration and attendance point at the member from then on (their ids stay, so nothing
 * of what they attended is lost).
 */
export function convertGuest(deps: EventDeps, eventId: string, registrationId: string): Attendee {
  const { db } = deps;
  db.transaction(() => {
    const row = statement(
      db,
      `SELECT member_id, guest_name, guest_email, guest_phone FROM registrations WHERE id = ? AND event_id = ? AND deleted = 0`,
    ).get(registrationId, eventId) as
      | {
          member_id: string | null;
          guest_name: string | null;
          guest_email: string | null;
          guest_phone: string | null;
        }
      | undefined;
    if (!row) throw notOnEvent('No such person on this event.');
    if (row.member_id) {
      throw new AppError('CONFLICT', 'This person is already a member.', {
        problem: problem('ALREADY_A_MEMBER'),
      });
    }
    const name = splitFullName(row.guest_name ?? '');
    const member = createMember(deps, {
      firstName: name.firstName,
      lastName: name.lastName,
      email: row.guest_email ?? undefined,
      phone: row.guest_phone ?? undefined,
    });
    const ctx = deps.writeContext();
    writeRow(ctx, 'registrations', registrationId, { member_id: member.id });
    const attendance = attendanceId(eventId, registrationId);
    if (statement(db, `SELECT 1 FROM attendance WHERE id = ?`).get(attendance)) {
      writeRow(ctx, 'attendance', attendance, { member_id: member.id });
    }
    // Every other event the same guest (same email) attended follows them too.
    if (row.guest_email) {
      const others = statement(
        db,
        `SELECT id, event_id FROM registrations WHERE guest_email = ? AND member_id IS NULL AND id != ? AND deleted = 0`,
      ).all(row.guest_email, registrationId) as { id: string; event_id: string }[];
      for (const other of others) {
        writeRow(ctx, 'registrations', other.id, { member_id: member.id });
        const a = attendanceId(other.event_id, other.id);
        if (statement(db, `SELECT 1 FROM attendance WHERE id = ?`).get(a))
          writeRow(ctx, 'attendance', a, { member_id: member.id });
      }
    }
  })();
  return attendee(deps, eventId, registrationId);
}

/** A few digits at the door are the start of a member number (a phone number has more). */
const MEMBER_NUMBER_START = /^\d{1,5}$/;

/**
 * The digits after a member number's prefix (17 in K3M-17), exactly as migration 011 indexes them:
 * SQLite uses that index only for this expression under this condition.
 */
const NUMBER_DIGITS = `substr(m.member_number, instr(m.member_number, '-') + 1)`;
const HAS_PREFIX = `instr(m.member_number, '-') > 0`;

/**
 * Members whose number starts with what was typed, or whose number's digits after its prefix do
 * (a laptop that did not set up the chapter gives K3M-17; the member says "17"), in number order:
 * two ranges on indexes, where the full-text search would sort thousands of matches of "4" by
 * name. Each range comes sorted by the part that matched, so the first `limit` of the two merged
 * are the first of all.
 */
function membersByNumber(
  db: Db,
  start: string,
  limit: number,
  now: Date,
  chapter: ReturnType<typeof requireChapter>,
): Member[] {
  const params = { start, end: `${start}\uffff`, limit, ...statusParams(chapter, now) };
  const whole = statement(
    db,
    `${MEMBER_SELECT} WHERE m.deleted = 0 AND m.member_number >= @start AND m.member_number < @end
     ORDER BY m.member_number LIMIT @limit`,
  ).all(params) as MemberDbRow[];
  const afterPrefix = statement(
    db,
    `${MEMBER_SELECT} WHERE m.deleted = 0 AND ${HAS_PREFIX}
       AND ${NUMBER_DIGITS} >= @start AND ${NUMBER_DIGITS} < @end
     ORDER BY ${NUMBER_DIGITS}, m.member_number LIMIT @limit`,
  ).all(params) as MemberDbRow[];
  const found = new Map<string, { row: MemberDbRow; key: string }>();
  for (const row of whole) found.set(row.id, { row, key: row.member_number! });
  for (const row of afterPrefix) {
    const key = row.member_number!.slice(row.member_number!.indexOf('-') + 1);
    if (!found.has(row.id)) found.set(row.id, { row, key });
  }
  return [...found.values()]
    .sort((a, b) => compare(a.key, b.key) || compare(a.row.member_number!, b.row.member_number!))
    .slice(0, limit)
    .map(({ row }) => toMember(row));
}

/** Plain text order, as the indexes hold the numbers. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The event's list as the door searches it: each person with their words and name folded once. */
interface DoorList {
  key: string;
  /** `e164` is read when a phone number is first typed at the door (undefined until then). */
  people: { attendee: Attendee; words: string[]; e164?: string | null }[];
}
const doorLists = new WeakMap<Db, DoorList>();

/**
 * The door's list of an event, read and folded once per change to the chapter's data rather than
 * on every key press: every write and every pulled change adds to the change log, so its last seq
 * (with the event and the day, on which statuses depend) says whether the list can have changed.
 */
function doorList(deps: EventDeps, eventId: string, capacity: number | null): DoorList['people'] {
  const { db } = deps;
  const now = deps.now();
  const { seq } = statement(db, `SELECT max(seq) AS seq FROM changes`).get() as { seq: number | null };
  const { today, grace } = statusParams(requireChapter(db), now);
  const key = `${eventId}|${seq ?? 0}|${today}|${grace}`;
  const cached = doorLists.get(db);
  if (cached?.key === key) return cached.people;
  const people = attendees(db, eventId, capacity, now)
    .filter((a) => a.state !== 'cancelled')
    .map((attendee) => ({
      attendee,
      words: searchTerms(
        [attendee.name, attendee.email ?? '', attendee.phone ?? '', attendee.memberNumber ?? ''].join(' '),
      ),
    }));
  doorLists.set(db, { key, people });
  return people;
}

/**
 * The door's search: people on the event's list first (registered members and guests, walk-ins
 * already in), then the chapter's other members, by name, email, phone (as typed) or member
 * number, accent-insensitive. The members search runs without its total, which the door never
 * shows and which costs most for the short prefixes typed first.
 */
export function searchForCheckIn(deps: EventDeps, eventId: string, query: string, limit: number): Attendee[] {
  const { db } = deps;
  const event = eventRow(db, eventId);
  const listed = doorList(deps, eventId, event.capacity);
  const terms = searchTerms(query);
  if (terms.length === 0) return listed.slice(0, limit).map((p) => p.attendee);
  const chapter = requireChapter(db);
  const phone = PHONE_LIKE.test(query.trim()) ? normalisePhone(query, chapter.country).e164 : null;
  // Reading a phone number costs about as much as the rest of a keystroke's work, so the list's
  // numbers are read when a phone number is first typed, and kept with the list.
  const samePhone = (person: (typeof listed)[number]): boolean => {
    if (phone === null || person.attendee.phone === null) return false;
    person.e164 ??= normalisePhone(person.attendee.phone, chapter.country).e164;
    return person.e164 === phone;
  };
  // In the chapter's language's order, as its printed lists: ñ after n in Spanish, Arabic names
  // before Latin ones in Arabic. Names equal but for accents or case keep the collator's order
  // for them (Pena before Peña), never the order people registered in.
  const byName = new Intl.Collator(chapter.locale, { numeric: true });
  const onList = listed
    .filter((person) => terms.every((t) => person.words.some((w) => w.startsWith(t))) || samePhone(person))
    .sort((x, y) => byName.compare(x.attendee.name, y.attendee.name))
    .map(({ attendee }) => attendee);
  const seen = new Set(onList.flatMap((a) => (a.memberId ? [a.memberId] : [])));
  const found = MEMBER_NUMBER_START.test(query.trim())
    ? membersByNumber(db, query.trim(), limit, deps.now(), chapter)
    : listMembers(db, { query, sort: 'name', direction: 'asc', offset: 0, limit }, deps.now(), chapter, {
        total: false,
      }).rows;
  const others = found
    .filter((m) => !seen.has(m.id))
    .map((m): Attendee => ({
      id: memberRegistrationId(eventId, m.id),
      registrationId: null,
      memberId: m.id,
      memberNumber: m.memberNumber,
      name: [m.firstName, m.lastName].filter(Boolean).join(' ') || m.email || '',
      email: m.email,
      phone: m.phone,
      guest: false,
      state: 'walk-in',
      waitingPosition: null,
      checkedInAt: null,
      completed: false,
      memberStatus: m.status,
      memberDeleted: false,
      erased: false,
    }));
  return [...onList, ...others].slice(0, limit);
}

/** The events a member attended, most recent first. */
export function memberAttendance(db: Db, memberId: string): MemberAttendance[] {
  return (
    statement(
      db,
      `SELECT e.id, e.title, e.kind, e.starts_at, a.checked_in_at, a.completed
       FROM attendance a JOIN events e ON e.id = a.event_id
       WHERE a.member_id = ? AND a.present = 1 AND a.deleted = 0 AND e.deleted = 0
       ORDER BY e.starts_at DESC`,
    ).all(memberId) as {
      id: string;
      title: string;
      kind: MemberAttendance['kind'];
      starts_at: string;
      checked_in_at: string;
      completed: number;
    }[]
  ).map((r) => ({
    eventId: r.id,
    title: r.title,
    kind: r.kind,
    startsAt: r.starts_at,
    checkedInAt: r.checked_in_at,
    completed: r.completed === 1,
  }));
}

/**
 * Attendance over a period (event days in the chapter's time zone, both ends included): how many
 * came, members against guests, first-timers (people whose first attended event is in the
 * period), and how many learners completed a training.
 */
export function attendanceReport(db: Db, input: z.output<typeof attendanceReportInput>): AttendanceReport {
  const chapter = requireChapter(db);
  const present = statement(
    db,
    `SELECT e.id AS event_id, e.kind, e.starts_at, a.completed,
            coalesce('m:' || a.member_id, 'g:' || coalesce(r.guest_email, r.id)) AS person, a.member_id
     FROM attendance a JOIN events e ON e.id = a.event_id JOIN registrations r ON r.id = a.registration_id
     WHERE a.present = 1 AND a.deleted = 0 AND e.deleted = 0 AND e.cancelled = 0
     ORDER BY e.starts_at`,
  ).all() as {
    event_id: string;
    kind: string;
    starts_at: string;
    completed: number;
    person: string;
    member_id: string | null;
  }[];
  const firstSeen = new Map<string, string>();
  for (const row of present)
    if (!firstSeen.has(row.person))
      firstSeen.set(row.person, dateIn(new Date(row.starts_at), chapter.timeZone));
  const inPeriod = present.filter((row) => {
    const day = dateIn(new Date(row.starts_at), chapter.timeZone);
    return day >= input.from && day <= input.to;
  });
  const people = new Set(inPeriod.map((r) => r.person));
  const members = new Set(inPeriod.filter((r) => r.member_id).map((r) => r.person));
  const trained = new Set(
    inPeriod.filter((r) => r.kind === 'training' && r.completed === 1).map((r) => r.person),
  );
  return {
    from: input.from,
    to: input.to,
    events: new Set(inPeriod.map((r) => r.event_id)).size,
    attendances: inPeriod.length,
    members: members.size,
    guests: people.size - members.size,
    firstTimers: [...people].filter((p) => {
      const first = firstSeen.get(p)!;
      return first >= input.from && first <= input.to;
    }).length,
    trained: trained.size,
  };
}
