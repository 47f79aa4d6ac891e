import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { AppError } from '../../../shared/errors';

let chapter: TestChapter;
afterEach(() => chapter?.close());

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

/** What sync brings when one laptop changed an email another laptop gave a new member. */
function shareEmail(id: string, email: string): void {
  chapter.db.prepare(`UPDATE members SET email = ? WHERE id = ?`).run(email, id);
}

describe('members who share an email', () => {
  it('stay editable in every other field, are listed, and a new email another member has is refused', () => {
    chapter = openTestChapter();
    const h = chapter.handlers;
    const awa = h['members.create']({ firstName: 'Awa', email: 'awa@example.org' });
    const other = h['members.create']({ firstName: 'Awa D.', email: 'awa.d@example.org' });
    shareEmail(other.id, 'awa@example.org');
    expect(h['members.update']({ id: awa.id, patch: { city: 'Dakar' } }).city).toBe('Dakar');
    expect(h['members.update']({ id: other.id, patch: { notes: 'Met at the AGM' } }).notes).toBe(
      'Met at the AGM',
    );
    const clashes = h['members.emailClashes'](undefined);
    expect(clashes.total).toBe(1);
    expect(clashes.clashes[0]).toMatchObject({ email: 'awa@example.org' });
    expect(clashes.clashes[0]!.members.map((m) => m.id)).toEqual([awa.id, other.id]);
    const third = h['members.create']({ firstName: 'Bineta', email: 'bineta@example.org' });
    expect(
      thrown(() => h['members.update']({ id: third.id, patch: { email: 'AWA@example.org' } })).code,
    ).toBe('CONFLICT');
    // Restoring is never refused either: the clash is listed.
    h['members.delete']({ id: third.id });
    shareEmail(third.id, 'awa@example.org');
    expect(h['members.restore']({ id: third.id }).deleted).toBe(false);
    expect(h['members.emailClashes'](undefined).clashes[0]!.members).toHaveLength(3);
  });
});

describe('merging members', () => {
  it('fills empty fields, moves payments, deletes the other, and keeps what differed in the history', () => {
    chapter = openTestChapter();
    const h = chapter.handlers;
    const keep = h['members.create']({ firstName: 'Awa', email: 'awa@example.org', city: 'Dakar' });
    const other = h['members.create']({
      firstName: 'Awa D.',
      lastName: 'Diop',
      email: 'awa.d@example.org',
      city: 'Thiès',
      phone: '+221771234567',
    });
    shareEmail(other.id, 'awa@example.org');
    h['payments.record']({ memberId: other.id, amount: '25', method: 'cash' });

    const preview = h['members.mergePreview']({ keepId: keep.id, otherId: other.id });
    expect(preview.filled).toEqual(
      expect.arrayContaining([
        { field: 'lastName', keep: null, other: 'Diop' },
        { field: 'phone', keep: null, other: '+221771234567' },
      ]),
    );
    expect(preview.differing).toEqual(
      expect.arrayContaining([
        { field: 'firstName', keep: 'Awa', other: 'Awa D.' },
        { field: 'city', keep: 'Dakar', other: 'Thiès' },
      ]),
    );
    expect(preview.moved).toEqual({ payments: 1, registrations: 0, attendance: 0 });

    const merged = h['members.merge']({ keepId: keep.id, otherId: other.id });
    expect(merged).toMatchObject({
      id: keep.id,
      firstName: 'Awa',
      lastName: 'Diop',
      city: 'Dakar',
      phone: '+221771234567',
    });
    expect(h['members.get']({ id: other.id }).deleted).toBe(true);
    expect(chapter.db.prepare(`SELECT merged_into FROM members WHERE id = ?`).get(other.id)).toEqual({
      merged_into: keep.id,
    });
    expect(chapter.db.prepare(`SELECT member_id FROM payments`).all()).toEqual([{ member_id: keep.id }]);
    expect(h['members.emailClashes'](undefined).total).toBe(0);
    const history = h['members.history']({ id: keep.id });
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ column: 'city', value: 'Thiès' }),
        expect.objectContaining({ column: 'firstName', value: 'Awa D.' }),
      ]),
    );
  });

  it('refuses a member merged with themselves, an unknown member and a deleted one, and writes nothing', () => {
    chapter = openTestChapter();
    const h = chapter.handlers;
    const keep = h['members.create']({ firstName: 'Awa', email: 'awa@example.org' });
    const gone = h['members.create']({ firstName: 'Gone', email: 'gone@example.org' });
    h['members.delete']({ id: gone.id });
    const before = chapter.db.prepare(`SELECT count(*) AS n FROM changes`).get();
    expect(thrown(() => h['members.merge']({ keepId: keep.id, otherId: keep.id })).code).toBe('VALIDATION');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(thrown(() => h['members.merge']({ keepId: keep.id, otherId: unknown })).code).toBe('NOT_FOUND');
    expect(thrown(() => h['members.merge']({ keepId: unknown, otherId: keep.id })).code).toBe('NOT_FOUND');
    expect(thrown(() => h['members.merge']({ keepId: keep.id, otherId: gone.id })).message).toMatch(
      /deleted/,
    );
    expect(thrown(() => h['members.mergePreview']({ keepId: gone.id, otherId: keep.id })).code).toBe(
      'NOT_FOUND',
    );
    expect(chapter.db.prepare(`SELECT count(*) AS n FROM changes`).get()).toEqual(before);
  });

  it("makes a restored merged-away member their own again: out of the kept member's history and erasure", () => {
    chapter = openTestChapter();
    const h = chapter.handlers;
    const keep = h['members.create']({ firstName: 'Awa', email: 'awa@example.org' });
    const other = h['members.create']({ firstName: 'Aminata', email: 'aminata@example.org' });
    h['members.merge']({ keepId: keep.id, otherId: other.id });
    // The secretary merged the wrong member and restores them: two people again.
    h['members.restore']({ id: other.id });
    expect(h['members.history']({ id: keep.id }).some((e) => e.value === 'Aminata')).toBe(false);
    h['members.erase']({ id: keep.id });
    expect(h['members.get']({ id: other.id })).toMatchObject({ firstName: 'Aminata', deleted: false });
  });

  it('keeps the member registered for an event the other was registered for when theirs was cancelled', () => {
    chapter = openTestChapter();
    const h = chapter.handlers;
    const keep = h['members.create']({ firstName: 'Awa', email: 'awa@example.org' });
    const other = h['members.create']({ firstName: 'Awa D.', email: 'awa.d@example.org' });
    const event = h['events.create']({
      title: 'Monthly meeting',
      kind: 'meeting',
      startsAt: '2026-04-01T18:00',
      endsAt: '2026-04-01T21:00',
      capacity: null,
      quorum: null,
    });
    const cancelled = h['events.register']({ eventId: event.id, memberId: keep.id });
    h['events.cancelRegistration']({ eventId: event.id, registrationId: cancelled.registrationId! });
    h['events.register']({ eventId: event.id, memberId: other.id });
    h['members.merge']({ keepId: keep.id, otherId: other.id });
    const registered = chapter.db
      .prepare(
        `SELECT count(*) AS n FROM registrations WHERE member_id = ? AND deleted = 0 AND cancelled = 0`,
      )
      .get(keep.id);
    expect(registered).toEqual({ n: 1 });
  });
  it('keeps the first door time when the other was checked in later, after a check-in of the kept member was undone', () => {
    chapter = openTestChapter();
    const h = chapter.handlers;
    const keep = h['members.create']({ firstName: 'Awa', email: 'awa@example.org' });
    const other = h['members.create']({ firstName: 'Awa D.', email: 'awa.d@example.org' });
    const event = h['events.create']({
      title: 'Monthly meeting',
      kind: 'meeting',
      startsAt: '2026-04-01T18:00',
      endsAt: '2026-04-01T21:00',
      capacity: null,
      quorum: null,
    });
    chapter.clock.now = new Date('2026-04-01T18:05:00Z');
    const first = h['events.checkIn']({ eventId: event.id, memberId: keep.id });
    h['events.undoCheckIn']({ eventId: event.id, attendeeId: first.attendee.id });
    chapter.clock.now = new Date('2026-04-01T18:40:00Z');
    h['events.checkIn']({ eventId: event.id, memberId: other.id });
    h['members.merge']({ keepId: keep.id, otherId: other.id });
    const attendees = h['events.get']({ id: event.id }).attendees.filter((a) => a.memberId === keep.id);
    // Every laptop that pulls both check-ins keeps the earlier; this one must show the same.
    expect(attendees.map((a) => [a.state, a.checkedInAt])).toEqual([['walk-in', '2026-04-01T18:05:00.000Z']]);
  });
});
