import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { chapterUpdateInput } from '../../../shared/chapter-settings';
import type { UI_LANGUAGES } from '../../../shared/domain';
import { migration022 } from '../../db/migrations/022_name_order';

let chapter: TestChapter;
afterEach(() => chapter?.close());

type Language = (typeof UI_LANGUAGES)[number];

function chapterIn(locale: Language, lastNames: string[]): void {
  chapter = openTestChapter();
  chapter.handlers['chapter.update'](chapterUpdateInput.parse({ locale }));
  for (const lastName of lastNames) chapter.handlers['members.create']({ firstName: 'Ana', lastName });
}

/** The members list sorted by name, read a page of two at a time as the screen scrolls. */
function listed(direction: 'asc' | 'desc' = 'asc'): string[] {
  const names: string[] = [];
  for (let offset = 0; ; offset += 2) {
    const page = chapter.handlers['members.list']({
      query: '',
      sort: 'name',
      direction,
      offset,
      limit: 2,
    });
    names.push(...page.rows.map((m) => m.lastName ?? ''));
    if (page.rows.length < 2) return names;
  }
}

const collated = (locale: string, names: string[]) =>
  [...names].sort(new Intl.Collator(locale, { sensitivity: 'base' }).compare);

const SPANISH = ['Peña', 'Penz', 'Pena', 'Núñez', 'Nuzzo', 'Ñandú', 'Oliva', 'Nava'];
const ARABIC = ['يوسف', 'Zoe', 'آمنة', 'أحمد', 'Adam', 'إبراهيم', 'بشير', 'ليلى'];

describe('the members list in the order of the chapter’s language', () => {
  it('puts Élodie between Eddie and Emma in French, not after Zoe', () => {
    chapterIn('fr', ['Zoe', 'Élodie', 'Emma', 'Eddie', 'émile']);
    expect(listed()).toEqual(['Eddie', 'Élodie', 'émile', 'Emma', 'Zoe']);
  });

  it('has ñ as a letter of its own after n in Spanish, as Intl.Collator orders it, both ways', () => {
    chapterIn('es', SPANISH);
    expect(listed()).toEqual(collated('es', SPANISH));
    expect(listed()).toEqual(['Nava', 'Núñez', 'Nuzzo', 'Ñandú', 'Oliva', 'Pena', 'Penz', 'Peña']);
    expect(listed('desc')).toEqual(collated('es', SPANISH).reverse());
  });

  it('keeps ñ with n in English, where it is an accented n', () => {
    // Without Pena, which English sorts level with Peña (their order is then the members' ids).
    const names = SPANISH.filter((name) => name !== 'Pena');
    chapterIn('en', names);
    expect(listed()).toEqual(collated('en', names));
    expect(listed()).toEqual(['Ñandú', 'Nava', 'Núñez', 'Nuzzo', 'Oliva', 'Peña', 'Penz']);
  });

  it('lists Arabic names first, in Arabic order (آ as two alefs), in Arabic; after the Latin ones in English', () => {
    chapterIn('ar', ARABIC);
    expect(listed()).toEqual(collated('ar', ARABIC));
    expect(listed().slice(0, 3)).toEqual(['آمنة', 'إبراهيم', 'أحمد']);
    chapter.close();
    chapterIn('en', ARABIC);
    expect(listed().slice(0, 2)).toEqual(['Adam', 'Zoe']);
  });

  it('orders the list again when the chapter’s language changes', () => {
    chapterIn('en', SPANISH);
    chapter.handlers['chapter.update'](chapterUpdateInput.parse({ locale: 'es' }));
    expect(listed()).toEqual(collated('es', SPANISH));
    chapter.handlers['chapter.update'](chapterUpdateInput.parse({ locale: 'fr' }));
    expect(listed().slice(0, 4)).toEqual(['Ñandú', 'Nava', 'Núñez', 'Nuzzo']);
    expect(listed().indexOf('Peña')).toBeLessThan(listed().indexOf('Penz'));
  });

  it('migration 22 orders the names a Spanish chapter stored before it', () => {
    chapterIn('es', SPANISH);
    // As sort names were stored before: folded only, ñ as n.
    chapter.db.prepare(`UPDATE members SET sort_name = replace(sort_name, char(65535), '')`).run();
    expect(listed()).not.toEqual(collated('es', SPANISH));
    migration022.run!(chapter.db);
    expect(listed()).toEqual(collated('es', SPANISH));
  });
});
