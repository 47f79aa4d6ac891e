import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Chapter } from '../../../shared/domain';
import { GOOD_STANDING } from '../../../shared/dues/status';
import { fieldError, type AppError } from '../../../shared/errors';
import { problem, type Problem } from '../../../shared/problems';
import type {
  ChapterEvent,
  EventCounts,
  EventKind,
  EventPage,
  QuorumState,
  eventCreateInput,
  eventListInput,
  eventUpdateInput,
} from '../../../shared/events';
import { dateIn, toInstant } from '../../../shared/time';
import { writeRow, type RowValues, type WriteContext } from '../../db/changes';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import { requireChapter } from '../chapter/chapter';
import { STATUS_SQL } from '../members/status';

export interface EventDeps {
  db: Db;
  now: () => Date;
  writeContext: () => WriteContext;
}

interface EventRow {
  id: string;
  title: string | null;
  kind: string | null;
  starts_at: string | null;
  ends_at: string | null;
  venue: string | null;
  online_link: string | null;
  capacity: number | null;
  quorum: string | null;
  description: string | null;
  cancelled: number;
}

function issue(field: string, message: string, found: Problem): AppError {
  return fieldError('VALIDATION', field, message, found);
}

function instant(field: string, text: string, chapter: Chapter): string {
  const at = toInstant(text, chapter.timeZone);
  if (!at)
    throw issue(field, 'Use a date and time like 2026-03-14T18:00', problem('EVENT_DATE_TIME_INVALID'));
  return at.toISOString();
}

/**
 * Places taken, the waiting list, who is present: all derived from the rows, so two laptops agree
 * once they have the same rows. A place goes to registrations in the order they were made
 * (registered_at, then id); walk-ins and cancelled registrations take none.
 */
export function eventCounts(db: Db, eventId: string, capacity: number | null): EventCounts {
  // A person counts once: a guest converted to a member on one laptop while another registered
  // the same member can leave two rows for one member after sync.
  const row = statement(
    db,
    `SELECT
       (SELECT count(DISTINCT coalesce(member_id, id)) FROM registrations
          WHERE event_id = @id AND deleted = 0 AND cancelled = 0 AND walk_in = 0) AS booked,
       (SELECT count(DISTINCT coalesce(member_id, id)) FROM attendance
          WHERE event_id = @id AND deleted = 0 AND present = 1) AS present,
       (SELECT count(DISTINCT coalesce(a.member_id, a.id)) FROM attendance a JOIN registrations r ON r.id = a.registration_id
          WHERE a.event_id = @id AND a.deleted = 0 AND a.present = 1 AND r.walk_in = 1
            AND NOT EXISTS (SELECT 1 FROM registrations o WHERE o.event_id = @id AND o.member_id = a.member_id
              AND o.deleted = 0 AND o.cancelled = 0 AND o.walk_in = 0)) AS walk_ins,
       (SELECT count(DISTINCT coalesce(member_id, id)) FROM attendance
          WHERE event_id = @id AND deleted = 0 AND present = 1 AND completed = 1) AS completed`,
  ).get({ id: eventId }) as { booked: number; present: number; walk_ins: number; completed: number };
  const registered = capacity === null ? row.booked : Math.min(row.booked, capacity);
  return {
    registered,
    waiting: row.booked - registered,
    checkedIn: row.present,
    walkIns: row.walk_ins,
    completed: row.completed,
  };
}

/** What a quorum rule asks for out of `eligible` members: "20" people, or "10%" rounded up. */
export function quorumRequired(rule: string, eligible: number): number {
  if (rule.endsWith('%')) return Math.ceil((Number(rule.slice(0, -1)) * eligible) / 100 - 1e-9);
  return Number(rule);
}

/**
 * The quorum of an AGM, live: members in good standing present, against the rule applied to the
 * members in good standing on the event's day (in the chapter's time zone, so a member who lapses
 * that day does not count), and when the required-th of them checked in.
 */
export function quorumState(db: Db, chapter: Chapter, event: EventRow): QuorumState | null {
  if (event.kind !== 'agm' || !event.quorum || !event.starts_at) return null;
  const day = dateIn(new Date(event.starts_at), chapter.timeZone);
  const params = { today: day, grace: chapter.graceDays, id: event.id };
  const good = [...GOOD_STANDING].map((s) => `'${s}'`).join(', ');
  const { eligible } = statement(
    db,
    `SELECT count(*) AS eligible FROM members m LEFT JOIN membership_types t ON t.id = m.type_id
     WHERE m.deleted = 0 AND (${STATUS_SQL}) IN (${good})`,
  ).get(params) as { eligible: number };
  const arrivals = statement(
    db,
    `SELECT min(a.checked_in_at) AS at FROM attendance a
       JOIN members m ON m.id = a.member_id LEFT JOIN membership_types t ON t.id = m.type_id
     WHERE a.event_id = @id AND a.deleted = 0 AND a.present = 1 AND m.deleted = 0 AND (${STATUS_SQL}) IN (${good})
     GROUP BY m.id ORDER BY at`,
  ).all(params) as { at: string }[];
  const required = quorumRequired(event.quorum, eligible);
  const met = arrivals.length >= required;
  return {
    present: arrivals.length,
    eligible,
    required,
    met,
    metAt: met && required > 0 ? (arrivals[required - 1]?.at ?? null) : null,
  };
}

function toEvent(db: Db, chapter: Chapter, row: EventRow): ChapterEvent {
  return {
    id: row.id,
    title: row.title ?? '',
    kind: (row.kind ?? 'other') as EventKind,
    startsAt: row.starts_at ?? '',
    endsAt: row.ends_at ?? '',
    timeZone: chapter.timeZone,
    venue: row.venue,
    onlineLink: row.online_link,
    capacity: row.capacity,
    quorum: row.quorum,
    description: row.description,
    cancelled: row.cancelled === 1,
    counts: eventCounts(db, row.id, row.capacity),
    quorumState: quorumState(db, chapter, row),
  };
}

export function eventRow(db: Db, id: string): EventRow {
  const row = statement(db, `SELECT * FROM events WHERE id = ? AND deleted = 0`).get(id) as
    EventRow | undefined;
  if (!row) throw fieldError('NOT_FOUND', 'eventId', 'No such event', problem('EVENT_NOT_FOUND'));
  return row;
}

export function getEvent(db: Db, id: string): ChapterEvent {
  return toEvent(db, requireChapter(db), eventRow(db, id));
}

function checkedTimes(startsAt: string, endsAt: string): void {
  if (endsAt < startsAt) {
    throw issue('endsAt', 'The event ends before it starts', problem('EVENT_ENDS_BEFORE_START'));
  }
}

function emptyToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value.trim();
}

export function createEvent(deps: EventDeps, input: z.output<typeof eventCreateInput>): ChapterEvent {
  const { db } = deps;
  const chapter = requireChapter(db);
  const startsAt = instant('startsAt', input.startsAt, chapter);
  const endsAt = instant('endsAt', input.endsAt, chapter);
  checkedTimes(startsAt, endsAt);
  const id = randomUUID();
  db.transaction(() => {
    writeRow(
      deps.writeContext(),
      'events',
      id,
      {
        title: input.title,
        kind: input.kind,
        starts_at: startsAt,
        ends_at: endsAt,
        venue: emptyToNull(input.venue),
        online_link: emptyToNull(input.onlineLink),
        capacity: input.capacity ?? null,
        quorum: emptyToNull(input.quorum),
        description: emptyToNull(input.description),
        cancelled: 0,
      },
      null,
    );
  })();
  return getEvent(db, id);
}

export function updateEvent(deps: EventDeps, { id, patch }: z.output<typeof eventUpdateInput>): ChapterEvent {
  const { db } = deps;
  db.transaction(() => {
    const chapter = requireChapter(db);
    const current = eventRow(db, id);
    const values: RowValues = {};
    if (patch.title !== undefined) values.title = patch.title;
    if (patch.kind !== undefined) values.kind = patch.kind;
    if (patch.startsAt !== undefined) values.starts_at = instant('startsAt', patch.startsAt, chapter);
    if (patch.endsAt !== undefined) values.ends_at = instant('endsAt', patch.endsAt, chapter);
    checkedTimes(String(values.starts_at ?? current.starts_at), String(values.ends_at ?? current.ends_at));
    if (patch.venue !== undefined) values.venue = emptyToNull(patch.venue);
    if (patch.onlineLink !== undefined) values.online_link = emptyToNull(patch.onlineLink);
    if (patch.quorum !== undefined) values.quorum = emptyToNull(patch.quorum);
    if (patch.description !== undefined) values.description = emptyToNull(patch.description);
    if (patch.capacity !== undefined) {
      const { checkedIn } = eventCounts(db, id, current.capacity);
      if (patch.capacity !== null && patch.capacity < checkedIn) {
        throw issue(
          'capacity',
          `${checkedIn} people are already checked in; the capacity cannot be lower`,
          problem('CAPACITY_BELOW_CHECKED_IN', { count: checkedIn }),
        );
      }
      values.capacity = patch.capacity;
    }
    writeRow(deps.writeContext(), 'events', id, values);
  })();
  return getEvent(db, id);
}

/** A cancelled event stays listed as cancelled; check-in to it is refused. */
export function setEventCancelled(deps: EventDeps, id: string, cancelled: boolean): ChapterEvent {
  const { db } = deps;
  db.transaction(() => {
    eventRow(db, id);
    writeRow(deps.writeContext(), 'events', id, { cancelled: cancelled ? 1 : 0 });
  })();
  return getEvent(db, id);
}

/** A copy of an event with nobody registered, one week later unless times are given. */
export function duplicateEvent(deps: EventDeps, id: string): ChapterEvent {
  const source = getEvent(deps.db, id);
  const week = 7 * 24 * 60 * 60 * 1000;
  const shift = (iso: string) => new Date(new Date(iso).getTime() + week).toISOString();
  return createEvent(deps, {
    title: source.title,
    kind: source.kind,
    startsAt: shift(source.startsAt),
    endsAt: shift(source.endsAt),
    venue: source.venue ?? undefined,
    onlineLink: source.onlineLink ?? undefined,
    capacity: source.capacity,
    quorum: source.quorum,
    description: source.description ?? undefined,
  });
}

/** Upcoming (not yet ended) soonest first, past most recent first. */
export function listEvents(db: Db, now: Date, input: z.output<typeof eventListInput>): EventPage {
  const chapter = requireChapter(db);
  const at = now.toISOString();
  const where =
    input.when === 'upcoming' ? 'AND ends_at >= @at' : input.when === 'past' ? 'AND ends_at < @at' : '';
  const order = input.when === 'past' ? 'DESC' : 'ASC';
  const rows = statement(
    db,
    `SELECT * FROM events WHERE deleted = 0 ${where} ORDER BY starts_at ${order}, id LIMIT @limit OFFSET @offset`,
  ).all({ at, limit: input.limit, offset: input.offset }) as EventRow[];
  const { total } = statement(db, `SELECT count(*) AS total FROM events WHERE deleted = 0 ${where}`).get({
    at,
  }) as {
    total: number;
  };
  return { rows: rows.map((r) => toEvent(db, chapter, r)), total };
}
