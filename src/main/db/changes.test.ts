import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../tests/helpers/chapter';
import { parseHlc } from '../../shared/hlc';
import { entryValue, expandChange, ROW_CREATED, rowChanges } from './changes';

let chapter: TestChapter;
afterEach(() => chapter?.close());

interface Change {
  col: string;
  value: string | null;
  hlc: string;
  node_id: string;
  officer: string;
  pushed: number;
}
function changesFor(id: string): Change[] {
  return chapter.db
    .prepare(`SELECT col, value, hlc, node_id, officer, pushed FROM changes WHERE row_id = ? ORDER BY seq`)
    .all(id) as Change[];
}

describe('change log', () => {
  it('records a new member as one entry with every field it set, by this laptop and officer, in the outbox', () => {
    chapter = openTestChapter();
    const nodeId = chapter.handlers['chapter.get'](undefined)!.nodeId;
    const m = chapter.handlers['members.create']({ firstName: 'Hélène', email: 'h@example.org' });
    const log = changesFor(m.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ col: ROW_CREATED, node_id: nodeId, officer: 'Amina', pushed: 0 });
    expect(parseHlc(log[0]!.hlc).wall).toBe(chapter.clock.now.getTime());

    const fields = rowChanges(chapter.db, 'members', m.id);
    expect(new Set(fields.map((c) => c.hlc))).toEqual(new Set([log[0]!.hlc]));
    const byCol = Object.fromEntries(fields.map((c) => [c.col, JSON.parse(c.value!) as unknown]));
    expect(byCol).toMatchObject({ first_name: 'Hélène', email: 'h@example.org', deleted: 0 });
    // Columns the new member left empty are not logged: they are empty everywhere already.
    expect(byCol).not.toHaveProperty('city');
  });

  it('gives each field of a creation the value its entry holds, and nothing for fields it left empty', () => {
    const entry = { col: ROW_CREATED, value: JSON.stringify({ city: 'Lyon', fee_minor: 0, notes: 'a "b"' }) };
    expect(expandChange(entry)).toEqual([
      { col: 'city', value: '"Lyon"' },
      { col: 'fee_minor', value: '0' },
      { col: 'notes', value: '"a \\"b\\""' },
    ]);
    expect(entryValue(entry, 'fee_minor')).toBe('0');
    expect(entryValue(entry, 'email')).toBeUndefined();
    expect(entryValue({ col: 'email', value: null }, 'email')).toBeNull();
    expect(entryValue({ col: 'city', value: '"Paris"' }, 'email')).toBeUndefined();
  });

  it('records only the fields an edit changed, and nothing for an edit that changes nothing', () => {
    chapter = openTestChapter();
    const m = chapter.handlers['members.create']({ firstName: 'A', city: 'Lyon' });
    const before = changesFor(m.id).length;
    chapter.handlers['members.update']({ id: m.id, patch: { city: 'Paris' } });
    const added = changesFor(m.id).slice(before);
    expect(added.map((c) => [c.col, c.value])).toEqual([['city', '"Paris"']]);
    chapter.handlers['members.update']({ id: m.id, patch: { city: 'Paris' } });
    expect(changesFor(m.id).length).toBe(before + 1);
  });

  it('stamps later edits later, even within one millisecond', () => {
    chapter = openTestChapter();
    const m = chapter.handlers['members.create']({ firstName: 'A' });
    chapter.handlers['members.update']({ id: m.id, patch: { city: 'X' } });
    chapter.handlers['members.update']({ id: m.id, patch: { city: 'Y' } });
    const stamps = changesFor(m.id).map((c) => c.hlc);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(3);
  });

  it('shows a member history with who changed what, in order', () => {
    chapter = openTestChapter();
    const m = chapter.handlers['members.create']({ firstName: 'A', city: 'Lyon' });
    chapter.clock.now = new Date('2026-03-16T09:00:00Z');
    chapter.handlers['members.update']({ id: m.id, patch: { city: 'Paris' } });
    const history = chapter.handlers['members.history']({ id: m.id });
    const last = history[history.length - 1]!;
    expect(last).toMatchObject({
      column: 'city',
      value: 'Paris',
      by: { officer: 'Amina', laptop: null, thisLaptop: true },
      at: '2026-03-16T09:00:00.000Z',
    });
    expect(history.some((h) => h.column === 'firstName' && h.value === 'A')).toBe(true);
    expect(history.some((h) => h.column === 'sortName')).toBe(false);
  });

  it('resumes its clock after a restart so stamps keep increasing even if the wall clock went back', () => {
    chapter = openTestChapter({ at: '2026-03-15T10:00:00Z' });
    const m = chapter.handlers['members.create']({ firstName: 'A' });
    const first = changesFor(m.id)[0]!.hlc;
    const path = chapter.path;
    chapter.db.close();
    const reopened = openTestChapter({ path, setup: false, at: '2026-03-14T10:00:00Z' });
    try {
      reopened.handlers['members.update']({ id: m.id, patch: { city: 'Later' } });
      const last = (reopened.db.prepare(`SELECT max(hlc) AS h FROM changes`).get() as { h: string }).h;
      expect(last > first).toBe(true);
    } finally {
      reopened.db.close();
    }
  });
});
