import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';

let chapter: TestChapter;
afterEach(() => chapter?.close());

/** A chapter on 15 March 2026 with 30 grace days, and members whose dues ended on various days. */
function seed() {
  chapter = openTestChapter({ at: '2026-03-15T10:00:00Z' });
  const { handlers } = chapter;
  const honorary = handlers['membershipTypes.list'](undefined).find((t) => t.kind === 'honorary')!;
  const add = (lastName: string, paidThrough: string, extra: object = {}) =>
    handlers['members.create']({ firstName: 'M', lastName, paidThrough, ...extra });
  return {
    // Lapsed since 31 Jan 2020: more than five years ago.
    old: add('Old', '2019-12-31'),
    // Lapsed since 14 March 2021: five years and a day.
    dayPast: add('DayPast', '2021-02-11'),
    // Lapsed since 15 March 2021: exactly five years, not more.
    exactly: add('Exactly', '2021-02-12'),
    recent: add('Recent', '2023-06-30'),
    honorary: add('Honorary', '2010-01-01', { typeId: honorary.id }),
    neverPaid: handlers['members.create']({ firstName: 'M', lastName: 'NeverPaid' }),
    deleted: add('Deleted', '2015-05-31'),
  };
}

describe('retention: erasing members lapsed for more than N years, after confirmation', () => {
  it('lists nothing while retention is off, which it is by default', () => {
    const members = seed();
    expect(chapter.handlers['chapter.get'](undefined)?.retentionYears).toBeNull();
    expect(chapter.handlers['members.retention'](undefined)).toEqual({ years: null, members: [], total: 0 });
    expect(chapter.handlers['members.get']({ id: members.old.id }).lastName).toBe('Old');
  });

  it('lists members lapsed for more than N years, oldest first, deleted ones too, and no one else', () => {
    const members = seed();
    chapter.handlers['members.delete']({ id: members.deleted.id });
    expect(chapter.handlers['chapter.setRetention']({ years: 5 }).retentionYears).toBe(5);
    const list = chapter.handlers['members.retention'](undefined);
    expect(list.years).toBe(5);
    expect(list.members.map((m) => [m.name, m.lapsedSince, m.deleted])).toEqual([
      ['M Deleted', '2015-07-01', true],
      ['M Old', '2020-01-31', false],
      ['M DayPast', '2021-03-14', false],
    ]);
    expect(list.total).toBe(3);
    // Nothing is erased by listing.
    expect(chapter.handlers['members.get']({ id: members.old.id }).status).toBe('lapsed');
  });

  it('follows the status rule: a type’s own grace days move the day a member lapsed', () => {
    const members = seed();
    const individual = chapter.handlers['membershipTypes.list'](undefined).find(
      (t) => t.kind === 'individual',
    )!;
    chapter.handlers['membershipTypes.update']({ id: individual.id, patch: { graceDays: 10 } });
    chapter.handlers['members.update']({ id: members.exactly.id, patch: { typeId: individual.id } });
    chapter.handlers['chapter.setRetention']({ years: 5 });
    const listed = chapter.handlers['members.retention'](undefined).members.find(
      (m) => m.id === members.exactly.id,
    );
    expect(listed?.lapsedSince).toBe('2021-02-23');
  });

  it('erases the confirmed members, and only them', () => {
    const members = seed();
    chapter.handlers['chapter.setRetention']({ years: 5 });
    const ids = chapter.handlers['members.retention'](undefined).members.map((m) => m.id);
    const result = chapter.handlers['members.eraseLapsed']({ ids: [members.old.id] });
    expect(result.erased).toEqual([members.old.id]);
    expect(() => chapter.handlers['members.get']({ id: members.old.id })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(chapter.handlers['members.retention'](undefined).members.map((m) => m.id)).toEqual(
      ids.filter((id) => id !== members.old.id),
    );
    expect(chapter.handlers['members.get']({ id: members.dayPast.id }).lastName).toBe('DayPast');
  });

  it('refuses to erase a member who is not due, and then erases no one', () => {
    const members = seed();
    chapter.handlers['chapter.setRetention']({ years: 5 });
    expect(() =>
      chapter.handlers['members.eraseLapsed']({ ids: [members.old.id, members.recent.id] }),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(chapter.handlers['members.get']({ id: members.old.id }).lastName).toBe('Old');
    chapter.handlers['chapter.setRetention']({ years: null });
    expect(() => chapter.handlers['members.eraseLapsed']({ ids: [members.old.id] })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('lists a duplicate merged into a member with them, not apart: erasing the list erases both', () => {
    seed();
    const { handlers } = chapter;
    const keep = handlers['members.create']({ firstName: 'K', lastName: 'Keep', paidThrough: '2013-01-01' });
    const other = handlers['members.create']({ firstName: 'K', lastName: 'Dup', paidThrough: '2014-01-01' });
    handlers['members.merge']({ keepId: keep.id, otherId: other.id });
    handlers['chapter.setRetention']({ years: 5 });
    const ids = handlers['members.retention'](undefined).members.map((m) => m.id);
    expect(ids).toContain(keep.id);
    expect(ids).not.toContain(other.id);

    const result = handlers['members.eraseLapsed']({ ids });

    expect(result.erased).toEqual(ids);
    const erased = chapter.db.prepare(`SELECT id FROM erasures`).pluck().all();
    expect(erased).toEqual(expect.arrayContaining([keep.id, other.id]));
  });

  it('never lists the duplicate merged into a member who is not due', () => {
    seed();
    const { handlers } = chapter;
    const keep = handlers['members.create']({ firstName: 'K', lastName: 'Keep', paidThrough: '2026-12-31' });
    const other = handlers['members.create']({ firstName: 'K', lastName: 'Dup', paidThrough: '2014-01-01' });
    handlers['members.merge']({ keepId: keep.id, otherId: other.id });
    handlers['chapter.setRetention']({ years: 5 });
    expect(handlers['members.retention'](undefined).members.map((m) => m.id)).not.toContain(other.id);
    expect(() => handlers['members.eraseLapsed']({ ids: [other.id] })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(handlers['members.history']({ id: keep.id }).some((h) => h.value === 'Dup')).toBe(true);
  });
});
