import { ar } from '../ar';
import { importAr } from '../importAr';
import { eventsAr } from '../../events/eventsAr';
import { printAr } from '../../print/printAr';
import { privacyAr } from '../../privacy/privacyAr';
import { chapterAr } from '../../chapter/chapterAr';
import { customFieldsAr } from '../../customFields/customFieldsAr';
import { problemsAr } from '../problemsAr';
import { backupAr } from '../../backup/backupAr';
import { updatesAr } from '../../updates/updatesAr';
import { syncFilesAr } from '../../sync/syncFilesAr';
import { diagnosticsAr } from '../../diagnostics/diagnosticsAr';

/** The ar catalogue: every domain's strings merged into one `translation` namespace. */
export const translation = {
  ...ar,
  ...importAr,
  ...eventsAr,
  ...printAr,
  ...privacyAr,
  ...chapterAr,
  ...customFieldsAr,
  ...problemsAr,
  ...backupAr,
  ...updatesAr,
  ...syncFilesAr,
  ...diagnosticsAr,
};
