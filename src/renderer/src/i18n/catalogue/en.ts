import { en } from '../en';
import { importEn } from '../importEn';
import { eventsEn } from '../../events/eventsEn';
import { printEn } from '../../print/printEn';
import { privacyEn } from '../../privacy/privacyEn';
import { chapterEn } from '../../chapter/chapterEn';
import { customFieldsEn } from '../../customFields/customFieldsEn';
import { problemsEn } from '../problemsEn';
import { backupEn } from '../../backup/backupEn';
import { updatesEn } from '../../updates/updatesEn';
import { syncFilesEn } from '../../sync/syncFilesEn';
import { diagnosticsEn } from '../../diagnostics/diagnosticsEn';

/** The en catalogue: every domain's strings merged into one `translation` namespace. */
export const translation = {
  ...en,
  ...importEn,
  ...eventsEn,
  ...printEn,
  ...privacyEn,
  ...chapterEn,
  ...customFieldsEn,
  ...problemsEn,
  ...backupEn,
  ...updatesEn,
  ...syncFilesEn,
  ...diagnosticsEn,
};
