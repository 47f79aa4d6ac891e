import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';
import { importEn } from './importEn';
import { importFr } from './importFr';
import { eventsEn } from '../events/eventsEn';
import { eventsFr } from '../events/eventsFr';
import { printEn } from '../print/printEn';
import { printFr } from '../print/printFr';
import { privacyEn } from '../privacy/privacyEn';
import { privacyFr } from '../privacy/privacyFr';
import { chapterEn } from '../chapter/chapterEn';
import { chapterFr } from '../chapter/chapterFr';
import { browserLanguage, chosenLanguage, LANGUAGES } from './languages';

/** `lang` drives hyphenation, spell-checking and screen-reader voices; `dir` mirrors the layout. */
function reflectLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = i18n.dir(language);
}

export async function setUpI18n(): Promise<void> {
  i18n.on('languageChanged', reflectLanguage);
  await i18n.use(initReactI18next).init({
    resources: {
      en: { translation: { ...en, ...importEn, ...eventsEn, ...printEn, ...privacyEn, ...chapterEn } },
      fr: { translation: { ...fr, ...importFr, ...eventsFr, ...printFr, ...privacyFr, ...chapterFr } },
    },
    lng: chosenLanguage() ?? browserLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    // React already escapes everything it renders.
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
}
