import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { memberListInput } from '../../../shared/domain';
import { paymentListInput } from '../../../shared/payments';

let chapter: TestChapter;
afterEach(() => chapter?.close());

function seed() {
  chapter = openTestChapter({ at: '2026-03-15T10:00:00Z' });
  const { handlers } = chapter;
  const kept = handlers['members.create']({
    firstName: 'Kept',
    lastName: 'Member',
    email: 'kept@example.org',
  });
  const gone = handlers['members.create']({
    firstName: 'Gone',
    lastName: 'Member',
    email: 'gone@example.org',
  });
  handlers['payments.record']({ memberId: gone.id, amount: '30', method: 'cash', periods: 1 });
  const event = handlers['events.create']({
    title: 'Annual meeting',
    kind: 'agm',
    startsAt: '2026-04-01T18:00',
    endsAt: '2026-04-01T20:00',
  });
  handlers['events.register']({ eventId: event.id, memberId: gone.id });
  handlers['events.register']({ eventId: event.id, memberId: kept.id });
  handlers['members.delete']({ id: gone.id });
  return { kept, gone, event };
}

describe('a deleted member: not erased, and shown as deleted wherever they appear', () => {
  it('leaves the members list, and is the whole of the deleted view, where search and filters still work', () => {
    const { kept, gone } = seed();
    const list = (input: object) => chapter.handlers['members.list'](memberListInput.parse(input));
    expect(list({}).rows.map((m) => m.id)).toEqual([kept.id]);
    const deleted = list({ deleted: true });
    expect(deleted.rows.map((m) => [m.id, m.deleted])).toEqual([[gone.id, true]]);
    expect(deleted.total).toBe(1);
    expect(list({ deleted: true, query: 'gone' }).total).toBe(1);
    expect(list({ deleted: true, query: 'kept' }).total).toBe(0);
  });

  it('stays on their payments, marked deleted', () => {
    seed();
    const rows = chapter.handlers['payments.list'](paymentListInput.parse({})).rows;
    expect(rows.map((p) => [p.memberName, p.memberDeleted])).toEqual([['Gone Member', true]]);
  });

  it('stays on the event’s list by name, marked deleted and not counted in good standing', () => {
    const { event } = seed();
    const attendees = chapter.handlers['events.get']({ id: event.id }).attendees;
    const byName = [...attendees].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName.map((a) => [a.name, a.memberDeleted, a.memberStatus])).toEqual([
      ['Gone Member', true, null],
      ['Kept Member', false, 'never-paid'],
    ]);
    const sheet = chapter.handlers['print.signIn']({ eventId: event.id, blankRows: 0, lang: 'fr' });
    expect(sheet.people.map((p) => p.name)).toEqual(['Gone Member (supprimé)', 'Kept Member']);
  });

  it('prints and exports the deleted view as a list of deleted members', async () => {
    seed();
    const roster = chapter.handlers['print.roster']({
      deleted: true,
      query: '',
      sort: 'name',
      direction: 'asc',
    });
    expect(roster.filter).toBe('Deleted members');
    expect(roster.rows.map((r) => r.name)).toEqual(['Member, Gone']);
    const file = await chapter.handlers['members.export']({
      format: 'csv',
      deleted: true,
      query: '',
      sort: 'name',
      direction: 'asc',
    });
    expect(file.fileName).toBe('members-deleted-2026-03-15.csv');
    expect(Buffer.from(file.data, 'base64').toString('utf8')).toContain('Gone');
  });

  it('is restorable, back in the list and off the deleted view', () => {
    const { gone } = seed();
    chapter.handlers['members.restore']({ id: gone.id });
    expect(chapter.handlers['members.list'](memberListInput.parse({ deleted: true })).total).toBe(0);
    expect(chapter.handlers['members.list'](memberListInput.parse({})).total).toBe(2);
  });
});
