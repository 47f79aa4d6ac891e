import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { dispatch } from '../../api/dispatch';

let chapter: TestChapter;
afterEach(() => chapter?.close());

const silent = { error: () => undefined };

describe('chapter settings', () => {
  it('changes what is given, as edits of the chapter that its history names with their officer', async () => {
    chapter = openTestChapter({ country: 'SN' });
    expect(chapter.handlers['chapter.get'](undefined)).toMatchObject({
      officers: ['Amina'],
      csvDelimiter: null,
    });

    const result = await dispatch(
      chapter.handlers,
      'chapter.update',
      { name: 'Dakar Plateau', graceDays: 45, csvDelimiter: ';', officers: ['Amina', 'Moussa'] },
      silent,
    );
    expect(result).toMatchObject({
      ok: true,
      value: { name: 'Dakar Plateau', graceDays: 45, csvDelimiter: ';', officers: ['Amina', 'Moussa'] },
    });

    // Moussa takes over the laptop: his edits carry his name, and the earlier ones keep Amina's.
    chapter.clock.now = new Date('2026-03-16T10:00:00Z');
    await dispatch(chapter.handlers, 'chapter.update', { officerName: 'Moussa', locale: 'fr' }, silent);
    expect(chapter.handlers['chapter.get'](undefined)).toMatchObject({ officerName: 'Moussa', locale: 'fr' });

    const history = chapter.handlers['chapter.history'](undefined);
    const edit = (column: string) => history.filter((h) => h.column === column).at(-1);
    expect(edit('name')).toMatchObject({
      value: 'Dakar Plateau',
      by: { officer: 'Amina', thisLaptop: true },
    });
    expect(edit('graceDays')).toMatchObject({ value: 45, by: { officer: 'Amina' } });
    expect(edit('locale')).toMatchObject({ value: 'fr', by: { officer: 'Moussa' } });
    // Setting what is already set writes nothing.
    const before = history.length;
    await dispatch(
      chapter.handlers,
      'chapter.update',
      { name: 'Dakar Plateau', officerName: 'Moussa' },
      silent,
    );
    expect(chapter.handlers['chapter.history'](undefined)).toHaveLength(before);
  });

  it('keeps the officer using this laptop on the list', async () => {
    chapter = openTestChapter();
    await dispatch(chapter.handlers, 'chapter.update', { officerName: 'Fatou' }, silent);
    expect(chapter.handlers['chapter.get'](undefined)).toMatchObject({
      officerName: 'Fatou',
      officers: ['Amina', 'Fatou'],
    });
    // A list that leaves out the officer using this laptop keeps them.
    await dispatch(chapter.handlers, 'chapter.update', { officers: ['Amina'] }, silent);
    expect(chapter.handlers['chapter.get'](undefined)).toMatchObject({ officers: ['Amina', 'Fatou'] });
  });

  it("reads members' phone numbers with the chapter's new country", async () => {
    chapter = openTestChapter({ country: 'FR' });
    const member = chapter.handlers['members.create']({ firstName: 'Awa', phone: '77 123 45 67' });
    expect(member.phoneE164).toBe('+33771234567');
    await dispatch(chapter.handlers, 'chapter.update', { country: 'SN', currency: 'XOF' }, silent);
    expect(chapter.handlers['members.get']({ id: member.id }).phoneE164).toBe('+221771234567');
  });

  it('refuses settings the chapter cannot hold, and changes nothing', async () => {
    chapter = openTestChapter();
    const changes = () => chapter.db.prepare(`SELECT count(*) AS n FROM changes`).get();
    const before = changes();
    for (const input of [
      { graceDays: -1 },
      { csvDelimiter: '|' },
      { officers: ['Amina', 'amina'] },
      { country: 'Senegal' },
      { timeZone: 'Mars/Olympus' },
      { name: '' },
    ]) {
      const result = await dispatch(chapter.handlers, 'chapter.update', input, silent);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    // Fifty names leave no room for the officer using this laptop, who stays listed.
    const full = await dispatch(
      chapter.handlers,
      'chapter.update',
      { officers: Array.from({ length: 50 }, (_, i) => `Officer ${i}`) },
      silent,
    );
    expect(full).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'officers' }] } },
    });
    expect(changes()).toEqual(before);
  });
});
