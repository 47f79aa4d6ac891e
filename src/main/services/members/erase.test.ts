import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { memberListInput } from '../../../shared/domain';
import { paymentListInput } from '../../../shared/payments';
import { writeRow } from '../../db/changes';
import { derivedId } from '../../db/identity';
import { createWriteContexts } from '../device/device';
import { runImport } from '../imports/job';
import { eraseMember, scrubDatabaseFile } from './erase';

let chapter: TestChapter;
afterEach(() => chapter?.close());

const EMAIL = 'zawadiya.erasova@example.org';
const NAME = 'Erasova';
const GUEST_EMAIL = 'guest.vanishing@example.org';

const csv = (text: string) => new TextEncoder().encode(text);
const ctx = () => createWriteContexts(chapter.db, () => new Date(chapter.clock.now))();
const count = (sql: string, ...params: unknown[]) =>
  (chapter.db.prepare(sql).get(...params) as { n: number }).n;

/** How often `text` occurs in the chapter file and its WAL, read as bytes from disk. */
function occurrences(text: string): number {
  let found = 0;
  for (const file of [chapter.path, `${chapter.path}-wal`]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (let at = bytes.indexOf(text); at !== -1; at = bytes.indexOf(text, at + 1)) found++;
  }
  return found;
}

/** A member the chapter knows well: imported twice, edited, paid with a note, in a conflict. */
async function seedMember(): Promise<string> {
  const { handlers } = chapter;
  await runImport(ctx(), {
    fileName: 'members.csv',
    dryRun: false,
    bytes: csv(`First name,Last name,Email,Phone\nZawadiya,${NAME},${EMAIL},0612345678\n`),
  });
  await runImport(ctx(), {
    fileName: 'update.csv',
    dryRun: false,
    bytes: csv(`Email,City,Notes\n${EMAIL},Nakuru,Prefers ${EMAIL}\n`),
  });
  const member = handlers['members.list'](memberListInput.parse({ query: EMAIL })).rows[0]!;
  handlers['members.update']({ id: member.id, patch: { organisation: `${NAME} & Co` } });
  handlers['payments.record']({
    memberId: member.id,
    amount: '30',
    method: 'cash',
    note: `Paid by ${NAME}, ${EMAIL}`,
  });
  // A value that lost a sync conflict, as sync keeps it.
  chapter.db
    .prepare(
      `INSERT INTO conflicts (tbl, row_id, col, lost_value, lost_hlc, lost_node, won_value, won_hlc, won_node, detected_at)
       VALUES ('members', ?, 'email', ?, 'h1', 'n1', ?, 'h2', 'n2', 'now')`,
    )
    .run(member.id, JSON.stringify(`old.${EMAIL}`), JSON.stringify(EMAIL));
  return member.id;
}

describe('erasing a member', () => {
  it('removes the member and every trace of them from every table, keeping their payment as an erased member’s', async () => {
    chapter = openTestChapter();
    const { handlers } = chapter;
    const other = handlers['members.create']({
      firstName: 'Stays',
      lastName: 'Here',
      email: 'stays@example.org',
    });
    const id = await seedMember();
    expect(count(`SELECT count(*) AS n FROM import_effects WHERE member_id = ?`, id)).toBe(2);

    const result = handlers['members.erase']({ id });

    expect(result).toMatchObject({ id, table: 'members', conflicts: 1, importEffects: 2, paymentNotes: 1 });
    expect(result.changes).toBeGreaterThanOrEqual(4);
    expect(result.fileScrubbed).toBe(true);
    expect(() => handlers['members.get']({ id })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(handlers['members.list'](memberListInput.parse({ query: NAME })).total).toBe(0);
    expect(count(`SELECT count(*) AS n FROM changes WHERE row_id = ? AND tbl != 'erasures'`, id)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM conflicts`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM import_effects WHERE member_id = ?`, id)).toBe(0);
    // The erasure itself travels, with no personal data.
    expect(chapter.db.prepare(`SELECT id, tbl FROM erasures`).all()).toEqual([{ id, tbl: 'members' }]);
    const [payment] = handlers['payments.list'](paymentListInput.parse({})).rows;
    expect(payment).toMatchObject({ memberId: id, memberErased: true, memberName: null, note: null });
    expect(payment!.receiptNumber).toMatch(/-\d{6}$/);
    expect(handlers['members.get']({ id: other.id }).email).toBe('stays@example.org');

    // No table and no byte of the file or its WAL still holds the person.
    expect(occurrences(EMAIL)).toBe(0);
    expect(occurrences(NAME)).toBe(0);
    expect(occurrences('stays@example.org')).toBeGreaterThan(0);
  });

  it('erases the guest details a member’s registration kept from before they joined', () => {
    chapter = openTestChapter();
    const { handlers } = chapter;
    const event = handlers['events.create']({
      title: 'AGM',
      kind: 'agm',
      startsAt: '2026-04-01T18:00',
      endsAt: '2026-04-01T20:00',
    });
    const guest = handlers['events.checkIn']({
      eventId: event.id,
      guestName: `Vanishing ${NAME}`,
      guestEmail: GUEST_EMAIL,
    });
    const converted = handlers['events.convertGuest']({ eventId: event.id, attendeeId: guest.attendee.id });

    const result = eraseMember(
      { db: chapter.db, now: () => chapter.clock.now, writeContext: ctx },
      converted.memberId!,
    );
    expect(scrubDatabaseFile(chapter.db)).toBe(true);

    expect(result.guestRegistrations).toBe(1);
    const registration = chapter.db
      .prepare(`SELECT guest_name, guest_email, guest_phone FROM registrations WHERE id = ?`)
      .get(guest.attendee.registrationId);
    expect(registration).toEqual({ guest_name: null, guest_email: null, guest_phone: null });
    expect(handlers['events.get']({ id: event.id }).attendees).toHaveLength(1);
    expect(occurrences(GUEST_EMAIL)).toBe(0);
    expect(occurrences(NAME)).toBe(0);
  });

  it('erases the duplicate record that was merged into them too', () => {
    chapter = openTestChapter();
    const { handlers } = chapter;
    const keep = handlers['members.create']({ firstName: 'Zawadiya', lastName: NAME, email: EMAIL });
    const other = handlers['members.create']({
      firstName: 'Z.',
      lastName: NAME,
      email: 'old.address@example.org',
    });
    handlers['members.merge']({ keepId: keep.id, otherId: other.id });

    const result = handlers['members.erase']({ id: keep.id });

    expect(result.mergedRecords).toBe(1);
    expect(count(`SELECT count(*) AS n FROM members`)).toBe(0);
    expect(chapter.db.prepare(`SELECT id FROM erasures ORDER BY id`).all()).toEqual(
      [keep.id, other.id].sort().map((id) => ({ id })),
    );
    expect(occurrences('old.address@example.org')).toBe(0);
    expect(occurrences(NAME)).toBe(0);
  });

  it('erases while another connection is reading, and says the file still needs its scrub', async () => {
    chapter = openTestChapter();
    const id = await seedMember();
    // A reader in the middle of a transaction (an export, a report) keeps its snapshot of the file.
    const reader = new Database(chapter.path);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM members').get();
    try {
      const result = chapter.handlers['members.erase']({ id });
      expect(result.fileScrubbed).toBe(false);
      expect(count(`SELECT count(*) AS n FROM members WHERE id = ?`, id)).toBe(0);
    } finally {
      reader.exec('ROLLBACK');
      reader.close();
    }
    expect(scrubDatabaseFile(chapter.db)).toBe(true);
    expect(occurrences(EMAIL)).toBe(0);
  });

  it('refuses an unknown member, and a member already erased, changing nothing', async () => {
    chapter = openTestChapter();
    const { handlers } = chapter;
    const id = await seedMember();
    const before = count(`SELECT count(*) AS n FROM changes`);
    expect(() => handlers['members.erase']({ id: '00000000-0000-4000-8000-000000000000' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: 'No such member.' }),
    );
    expect(count(`SELECT count(*) AS n FROM changes`)).toBe(before);
    handlers['members.erase']({ id });
    expect(() => handlers['members.erase']({ id })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: 'This member has already been erased.' }),
    );
    expect(count(`SELECT count(*) AS n FROM erasures`)).toBe(1);
  });
});

describe('someone erased who joins again', () => {
  it('is a new member with a new id, typed in or imported, whom sync does not drop', async () => {
    chapter = openTestChapter();
    const { handlers } = chapter;
    const id = await seedMember();
    handlers['members.erase']({ id });

    const typed = handlers['members.create']({ firstName: 'Zawadiya', email: EMAIL });
    expect(typed.id).not.toBe(id);
    handlers['members.delete']({ id: typed.id });
    const { outcome } = await runImport(ctx(), {
      fileName: 'again.csv',
      dryRun: false,
      bytes: csv(`First name,Email\nZawadiya,${EMAIL}\n`),
    });
    expect(outcome.counts.created).toBe(1);
    const imported = handlers['members.list'](memberListInput.parse({ query: EMAIL })).rows[0]!;
    expect([id, typed.id]).not.toContain(imported.id);
    expect(chapter.db.prepare(`SELECT id FROM erasures`).all()).toEqual([{ id }]);
  });
});

describe('erasing a guest', () => {
  it('removes the guest’s name, email and phone everywhere and keeps their registration and check-in', () => {
    chapter = openTestChapter();
    const { handlers } = chapter;
    const event = handlers['events.create']({
      title: 'Open day',
      kind: 'meeting',
      startsAt: '2026-04-01T18:00',
      endsAt: '2026-04-01T20:00',
    });
    const guest = handlers['events.checkIn']({
      eventId: event.id,
      guestName: `Vanishing ${NAME}`,
      guestEmail: GUEST_EMAIL,
      guestPhone: '0711 000111',
    });
    const registrationId = guest.attendee.registrationId!;

    const result = handlers['events.eraseGuest']({ id: registrationId });

    expect(result).toMatchObject({ id: registrationId, table: 'registrations', fileScrubbed: true });
    const [attendee] = handlers['events.get']({ id: event.id }).attendees;
    expect(attendee).toMatchObject({ registrationId, name: '', email: null, phone: null, erased: true });
    expect(attendee!.checkedInAt).not.toBeNull();
    expect(occurrences(GUEST_EMAIL)).toBe(0);
    expect(occurrences(NAME)).toBe(0);
    expect(occurrences('0711000111')).toBe(0);
  });

  it('leaves no id from which their email could be tested, and a guest coming back is a new row', () => {
    chapter = openTestChapter();
    const { handlers } = chapter;
    const event = handlers['events.create']({
      title: 'Open day',
      kind: 'meeting',
      startsAt: '2026-04-01T18:00',
      endsAt: '2026-04-01T20:00',
    });
    const guest = handlers['events.checkIn']({
      eventId: event.id,
      guestName: 'Vanishing',
      guestEmail: GUEST_EMAIL,
    });
    const registrationId = guest.attendee.registrationId!;
    handlers['events.eraseGuest']({ id: registrationId });

    // Anyone holding the file knows the event's id: a v5 id of it and the email would confirm them.
    const guessed = derivedId(event.id, `guest:${GUEST_EMAIL}`);
    const ids = chapter.db
      .prepare(`SELECT id FROM registrations UNION ALL SELECT id FROM erasures`)
      .pluck()
      .all();
    expect(ids).not.toContain(guessed);
    const back = handlers['events.checkIn']({
      eventId: event.id,
      guestName: 'Back again',
      guestEmail: GUEST_EMAIL,
    });
    expect(back.attendee.registrationId).not.toBe(registrationId);
    expect(back.attendee).toMatchObject({ name: 'Back again', email: GUEST_EMAIL, erased: false });
  });

  it('finds a guest registered with an email before keys, at the door, instead of a second row', () => {
    chapter = openTestChapter();
    const { handlers } = chapter;
    const event = handlers['events.create']({
      title: 'Open day',
      kind: 'meeting',
      startsAt: '2026-04-01T18:00',
      endsAt: '2026-04-01T20:00',
    });
    const legacy = derivedId(event.id, `guest:${GUEST_EMAIL}`);
    writeRow(ctx(), 'registrations', legacy, {
      event_id: event.id,
      guest_name: 'Early bird',
      guest_email: GUEST_EMAIL,
      registered_at: '2026-03-01T10:00:00.000Z',
    });
    const checked = handlers['events.checkIn']({
      eventId: event.id,
      guestName: 'Early bird',
      guestEmail: GUEST_EMAIL,
    });
    expect(checked.attendee.registrationId).toBe(legacy);
    expect(handlers['events.get']({ id: event.id }).attendees).toHaveLength(1);
  });

  it('refuses a member’s registration and an unknown one', () => {
    chapter = openTestChapter();
    const { handlers } = chapter;
    const event = handlers['events.create']({
      title: 'AGM',
      kind: 'agm',
      startsAt: '2026-04-01T18:00',
      endsAt: '2026-04-01T20:00',
    });
    const member = handlers['members.create']({ firstName: 'Ada', lastName: 'Member' });
    const registered = handlers['events.register']({ eventId: event.id, memberId: member.id });
    expect(() => handlers['events.eraseGuest']({ id: registered.registrationId! })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    expect(() => handlers['events.eraseGuest']({ id: '00000000-0000-4000-8000-000000000000' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(handlers['members.get']({ id: member.id }).lastName).toBe('Member');
  });
});
