import 'i18next';
import type { Translation } from './en';
import type { ImportTranslation } from './importEn';
import type { EventsTranslation } from '../events/eventsEn';
import type { PrintTranslation } from '../print/printEn';
import type { PrivacyTranslation } from '../privacy/privacyEn';
import type { ChapterTranslation } from '../chapter/chapterEn';
import type { CustomFieldsTranslation } from '../customFields/customFieldsEn';
import type { ProblemsTranslation } from './problemsEn';
import type { BackupTranslation } from '../backup/backupEn';
import type { SyncFilesTranslation } from '../sync/syncFilesEn';
import type { DiagnosticsTranslation } from '../diagnostics/diagnosticsEn';
import type { UpdatesTranslation } from '../updates/updatesEn';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: Translation &
        ImportTranslation &
        EventsTranslation &
        PrintTranslation &
        PrivacyTranslation &
        ChapterTranslation &
        CustomFieldsTranslation &
        ProblemsTranslation &
        BackupTranslation &
        SyncFilesTranslation &
        DiagnosticsTranslation &
        UpdatesTranslation;
    };
  }
}
