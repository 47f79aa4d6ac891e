import { describe, expect, it } from 'vitest';
import { chapterUpdateInput } from './chapter-settings';
import { chapterSetupInput, UI_LANGUAGES } from './domain';

const setup = { name: 'Sevilla', country: 'ES', currency: 'EUR', officerName: 'Lucía' };

describe('a chapter’s language', () => {
  it.each(UI_LANGUAGES)('may be %s, at setup and in the settings', (locale) => {
    expect(chapterSetupInput.parse({ ...setup, locale }).locale).toBe(locale);
    expect(chapterUpdateInput.parse({ locale }).locale).toBe(locale);
  });

  it('is refused when the app has no catalogue for it', () => {
    expect(chapterSetupInput.safeParse({ ...setup, locale: 'de' }).success).toBe(false);
    expect(chapterUpdateInput.safeParse({ locale: 'sw' }).success).toBe(false);
  });
});
