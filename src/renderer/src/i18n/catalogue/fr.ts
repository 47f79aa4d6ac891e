import { fr } from '../fr';
import { importFr } from '../importFr';
import { eventsFr } from '../../events/eventsFr';
import { printFr } from '../../print/printFr';
import { privacyFr } from '../../privacy/privacyFr';
import { chapterFr } from '../../chapter/chapterFr';
import { customFieldsFr } from '../../customFields/customFieldsFr';
import { problemsFr } from '../problemsFr';
import { backupFr } from '../../backup/backupFr';
import { updatesFr } from '../../updates/updatesFr';
import { syncFilesFr } from '../../sync/syncFilesFr';
import { diagnosticsFr } from '../../diagnostics/diagnosticsFr';

/** The fr catalogue: every domain's strings merged into one `translation` namespace. */
export const translation = {
  ...fr,
  ...importFr,
  ...eventsFr,
  ...printFr,
  ...privacyFr,
  ...chapterFr,
  ...customFieldsFr,
  ...problemsFr,
  ...backupFr,
  ...updatesFr,
  ...syncFilesFr,
  ...diagnosticsFr,
};
