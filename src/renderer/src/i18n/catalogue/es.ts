import { es } from '../es';
import { importEs } from '../importEs';
import { eventsEs } from '../../events/eventsEs';
import { printEs } from '../../print/printEs';
import { privacyEs } from '../../privacy/privacyEs';
import { chapterEs } from '../../chapter/chapterEs';
import { customFieldsEs } from '../../customFields/customFieldsEs';
import { problemsEs } from '../problemsEs';
import { backupEs } from '../../backup/backupEs';
import { updatesEs } from '../../updates/updatesEs';
import { syncFilesEs } from '../../sync/syncFilesEs';
import { diagnosticsEs } from '../../diagnostics/diagnosticsEs';

/** The es catalogue: every domain's strings merged into one `translation` namespace. */
export const translation = {
  ...es,
  ...importEs,
  ...eventsEs,
  ...printEs,
  ...privacyEs,
  ...chapterEs,
  ...customFieldsEs,
  ...problemsEs,
  ...backupEs,
  ...updatesEs,
  ...syncFilesEs,
  ...diagnosticsEs,
};
