import type { Command } from 'commander';
import { statement } from '../../main/db/statements';
import type { Db } from '../../main/db/open';
import { AppError } from '../../shared/errors';
import type { Attendee, ChapterEvent, CheckInResult, EventDetail, EventPage } from '../../shared/events';
import type { OpenChapter } from '../open-chapter';
import { call, print, resolveMember, withChapter } from './dues';
import { addEraseGuest } from './erase';

/** An event by id, or by a unique start of its id as `events list` prints it. */
export function resolveEvent(db: Db, text: string): string {
  const rows = statement(
    db,
    `SELECT id FROM events WHERE deleted = 0 AND (id = ? OR id LIKE ? || '%') LIMIT 2`,
  ).all(text.trim(), text.trim()) as { id: string }[];
  if (rows.length === 0) throw new AppError('NOT_FOUND', `event: no event “${text}”.`);
  if (rows.length > 1)
    throw new AppError('VALIDATION', `event: “${text}” starts more than one event id; give more of it.`);
  return rows[0]!.id;
}

function when(event: ChapterEvent): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  if (event.timeZone) options.timeZone = event.timeZone;
  return new Intl.DateTimeFormat('en-GB', options).format(new Date(event.startsAt));
}

function describeEvent(e: ChapterEvent): string {
  const c = e.counts;
  const cancelled = e.cancelled ? ' [CANCELLED]' : '';
  return `${e.id}\t${when(e)}\t${e.kind}\t${e.title}${cancelled}\tregistered ${c.registered}${e.capacity ? `/${e.capacity}` : ''}, waiting ${c.waiting}, checked in ${c.checkedIn}`;
}

/** The attendance figures the issue names: {registered, waiting, checkedIn, walkIns, quorum}. */
function attendanceJson(e: ChapterEvent) {
  return {
    eventId: e.id,
    title: e.title,
    registered: e.counts.registered,
    waiting: e.counts.waiting,
    checkedIn: e.counts.checkedIn,
    walkIns: e.counts.walkIns,
    completed: e.counts.completed,
    quorum: e.quorumState,
  };
}

type PersonFlags = { member?: string; guestName?: string; guestEmail?: string; guestPhone?: string };

function person(chapter: OpenChapter, opts: PersonFlags): Record<string, string> {
  if (opts.member && opts.guestName)
    throw new AppError('VALIDATION', 'Give either --member or --guest-name, not both.');
  if (opts.member) return { memberId: resolveMember(chapter.db, opts.member) };
  if (opts.guestName) {
    const guest: Record<string, string> = { guestName: opts.guestName };
    if (opts.guestEmail) guest.guestEmail = opts.guestEmail;
    if (opts.guestPhone) guest.guestPhone = opts.guestPhone;
    return guest;
  }
  throw new AppError('VALIDATION', 'Say who: --member NUMBER|EMAIL|ID or --guest-name NAME.');
}

function describeAttendee(a: Attendee): string {
  const where = a.state === 'waiting' ? `waiting #${a.waitingPosition}` : a.state;
  return `${a.name}${a.guest ? ' (guest)' : ''}\t${where}${a.checkedInAt ? `\tchecked in ${a.checkedInAt}` : ''}`;
}

export function registerEvents(program: Command): void {
  const events = program
    .command('events')
    .description('Meetings, trainings, the AGM: registrations and attendance');
  addEraseGuest(events);
  events
    .command('add')
    .description('Create an event (times in the chapter’s time zone unless they carry an offset)')
    .requiredOption('--db <path>', 'chapter database file')
    .requiredOption('--title <title>', 'title')
    .requiredOption('--kind <kind>', 'agm, meeting, training, workshop, webinar or other')
    .requiredOption('--start <datetime>', 'e.g. 2026-03-14T18:00')
    .requiredOption('--end <datetime>', 'e.g. 2026-03-14T20:00')
    .option('--venue <venue>', 'where')
    .option('--link <url>', 'online link')
    .option('--capacity <n>', 'places; more registrations go on a waiting list')
    .option('--quorum <rule>', 'for an AGM: a number of members (20) or a percentage (10%)')
    .option('--description <text>', 'description')
    .option('--json', 'print JSON')
    .action(
      (opts: {
        db: string;
        title: string;
        kind: string;
        start: string;
        end: string;
        venue?: string;
        link?: string;
        capacity?: string;
        quorum?: string;
        description?: string;
        json?: boolean;
      }) =>
        withChapter(opts.db, async (chapter) => {
          const capacity = opts.capacity === undefined ? undefined : Number(opts.capacity);
          if (capacity !== undefined && !Number.isInteger(capacity)) {
            throw new AppError('VALIDATION', `capacity: give a whole number, not “${opts.capacity}”.`);
          }
          const event = await call<ChapterEvent>(chapter, 'events.create', {
            title: opts.title,
            kind: opts.kind,
            startsAt: opts.start,
            endsAt: opts.end,
            venue: opts.venue,
            onlineLink: opts.link,
            capacity,
            quorum: opts.quorum,
            description: opts.description,
          });
          print(opts.json, event, () => `Created ${describeEvent(event)}`);
        }),
    );
  events
    .command('list')
    .description('List events')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--when <when>', 'upcoming, past or all', 'all')
    .option('--json', 'print JSON')
    .action((opts: { db: string; when: string; json?: boolean }) =>
      withChapter(opts.db, async (chapter) => {
        const page = await call<EventPage>(chapter, 'events.list', { when: opts.when, limit: 500 });
        print(opts.json, page.rows, () => page.rows.map(describeEvent).join('\n') || 'No events.');
      }),
    );
  events
    .command('show')
    .description('An event with everyone registered and present')
    .argument('<id>', 'event id')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--json', 'print JSON')
    .action((id: string, opts: { db: string; json?: boolean }) =>
      withChapter(opts.db, async (chapter) => {
        const detail = await call<EventDetail>(chapter, 'events.get', { id: resolveEvent(chapter.db, id) });
        print(opts.json, detail, () =>
          [describeEvent(detail), ...detail.attendees.map(describeAttendee)].join('\n'),
        );
      }),
    );
  events
    .command('cancel')
    .description('Cancel an event (it stays listed as cancelled)')
    .argument('<id>', 'event id')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--json', 'print JSON')
    .action((id: string, opts: { db: string; json?: boolean }) =>
      withChapter(opts.db, async (chapter) => {
        const event = await call<ChapterEvent>(chapter, 'events.cancel', {
          id: resolveEvent(chapter.db, id),
        });
        print(opts.json, event, () => `Cancelled ${describeEvent(event)}`);
      }),
    );

  const personOptions = (command: Command) =>
    command
      .requiredOption('--db <path>', 'chapter database file')
      .requiredOption('--event <id>', 'event id')
      .option('--member <member>', 'member number, email or id')
      .option('--guest-name <name>', 'a guest’s name')
      .option('--guest-email <email>', 'the guest’s email')
      .option('--guest-phone <phone>', 'the guest’s phone')
      .option('--json', 'print JSON');

  personOptions(program.command('register').description('Register a member or a guest for an event')).action(
    (opts: PersonFlags & { db: string; event: string; json?: boolean }) =>
      withChapter(opts.db, async (chapter) => {
        const eventId = resolveEvent(chapter.db, opts.event);
        const attendee = await call<Attendee>(chapter, 'events.register', {
          eventId,
          ...person(chapter, opts),
        });
        print(opts.json, attendee, () => `Registered ${describeAttendee(attendee)}`);
      }),
  );
  personOptions(
    program
      .command('checkin')
      .description('Check a member or a guest in at an event (a walk-in if not registered)'),
  ).action((opts: PersonFlags & { db: string; event: string; json?: boolean }) =>
    withChapter(opts.db, async (chapter) => {
      const eventId = resolveEvent(chapter.db, opts.event);
      const result = await call<CheckInResult>(chapter, 'events.checkIn', {
        eventId,
        ...person(chapter, opts),
      });
      if (result.already)
        process.stderr.write(`${result.attendee.name} was already checked in; nothing changed.\n`);
      print(opts.json, result, () =>
        result.already
          ? `Already checked in: ${describeAttendee(result.attendee)}`
          : `Checked in ${describeAttendee(result.attendee)}`,
      );
    }),
  );
  program
    .command('attendance')
    .description('Registered, waiting, checked in, walk-ins, and the quorum of an AGM')
    .requiredOption('--db <path>', 'chapter database file')
    .requiredOption('--event <id>', 'event id')
    .option('--json', 'print JSON')
    .action((opts: { db: string; event: string; json?: boolean }) =>
      withChapter(opts.db, async (chapter) => {
        const detail = await call<EventDetail>(chapter, 'events.get', {
          id: resolveEvent(chapter.db, opts.event),
        });
        const figures = attendanceJson(detail);
        print(opts.json, figures, () => {
          const q = figures.quorum;
          return [
            `${detail.title}: registered ${figures.registered}, waiting ${figures.waiting}, checked in ${figures.checkedIn} (walk-ins ${figures.walkIns})`,
            ...(q
              ? [
                  `Quorum: ${q.present} of ${q.required} required (${q.eligible} members in good standing) — ${q.met ? `met at ${q.metAt}` : 'not met'}`,
                ]
              : []),
          ].join('\n');
        });
      }),
    );
}
