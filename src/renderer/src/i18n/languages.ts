import { UI_LANGUAGES } from '../../../shared/domain';

export const LANGUAGES = UI_LANGUAGES;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const LANGUAGE_KEY = 'chapterdesk.language';

/**
 * The language the person at this laptop chose with the switcher, kept in the app's local storage
 * so it outlives a reload and never travels to other laptops. Null until they choose one: then the
 * chapter's language applies (and before a chapter exists, the browser's).
 */
export function chosenLanguage(): Language | null {
  const chosen = localStorage.getItem(LANGUAGE_KEY);
  return isLanguage(chosen) ? chosen : null;
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
}

/** Before a chapter exists there is no chapter locale, so the browser's preference decides. */
export function browserLanguage(): Language {
  const base = navigator.language.split('-')[0]?.toLowerCase();
  return isLanguage(base) ? base : 'en';
}

/** The region in the browser's locale ("fr-BE" gives "BE"), if it names one. */
export function browserRegion(): string {
  try {
    return new Intl.Locale(navigator.language).region ?? '';
  } catch {
    return '';
  }
}
