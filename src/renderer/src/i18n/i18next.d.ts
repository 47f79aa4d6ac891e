import 'i18next';
import type { Translation } from './en';
import type { ImportTranslation } from './importEn';
import type { EventsTranslation } from '../events/eventsEn';
import type { PrintTranslation } from '../print/printEn';
import type { PrivacyTranslation } from '../privacy/privacyEn';
import type { ChapterTranslation } from '../chapter/chapterEn';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: Translation &
        ImportTranslation &
        EventsTranslation &
        PrintTranslation &
        PrivacyTranslation &
        ChapterTranslation;
    };
  }
}
