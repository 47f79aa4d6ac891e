import 'i18next';
import type { Translation } from './en';
import type { ImportTranslation } from './importEn';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation & ImportTranslation };
  }
}
