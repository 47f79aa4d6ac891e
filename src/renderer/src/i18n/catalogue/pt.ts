import { pt } from '../pt';
import { importPt } from '../importPt';
import { eventsPt } from '../../events/eventsPt';
import { printPt } from '../../print/printPt';
import { privacyPt } from '../../privacy/privacyPt';
import { chapterPt } from '../../chapter/chapterPt';
import { customFieldsPt } from '../../customFields/customFieldsPt';
import { problemsPt } from '../problemsPt';
import { backupPt } from '../../backup/backupPt';
import { updatesPt } from '../../updates/updatesPt';
import { syncFilesPt } from '../../sync/syncFilesPt';
import { diagnosticsPt } from '../../diagnostics/diagnosticsPt';

/** The pt catalogue: every domain's strings merged into one `translation` namespace. */
export const translation = {
  ...pt,
  ...importPt,
  ...eventsPt,
  ...printPt,
  ...privacyPt,
  ...chapterPt,
  ...customFieldsPt,
  ...problemsPt,
  ...backupPt,
  ...updatesPt,
  ...syncFilesPt,
  ...diagnosticsPt,
};
