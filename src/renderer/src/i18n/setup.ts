import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { translation as en } from './catalogue/en';
import { browserLanguage, chosenLanguage, LANGUAGES, type Language } from './languages';

/** `lang` drives hyphenation, spell-checking and screen-reader voices; `dir` mirrors the layout. */
function reflectLanguage(language: string): void {
  // The language the text is in: a catalogue that failed to load leaves English, laid out as such.
  const shown = i18n.resolvedLanguage ?? language;
  document.documentElement.lang = shown;
  document.documentElement.dir = i18n.dir(shown);
}

/*
 * English is bundled (it is every language's fallback); another language's catalogue is a chunk of
 * its own, loaded when it is first chosen, so a window in one language does not parse all five.
 */
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<{ translation: object }>> = {
  fr: () => import('./catalogue/fr'),
  es: () => import('./catalogue/es'),
  pt: () => import('./catalogue/pt'),
  ar: () => import('./catalogue/ar'),
};

const lazyCatalogues: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    const load = LOADERS[language as keyof typeof LOADERS];
    if (!load) {
      callback(null, language === 'en' ? en : {});
      return;
    }
    load().then(
      (catalogue) => callback(null, catalogue.translation as Record<string, unknown>),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

export async function setUpI18n(): Promise<void> {
  i18n.on('languageChanged', reflectLanguage);
  await i18n
    .use(lazyCatalogues)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en } },
      partialBundledLanguages: true,
      lng: chosenLanguage() ?? browserLanguage(),
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      // React already escapes everything it renders.
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
}
