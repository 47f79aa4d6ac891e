import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  openPrintChapter,
  type PrintChapter,
  type PrintOperation,
} from '../../../../tests/helpers/print-chapter';
import { firstPagePng, matchPngSnapshot } from '../../../../tests/helpers/png-snapshot';
import type { OperationInput, OperationResult } from '../../../shared/api';
import {
  certificatesHtml,
  duesListHtml,
  receiptHtml,
  rosterHtml,
  signInHtml,
} from '../../../shared/print/documents';
import { addressLabelsHtml } from '../../../shared/print/addressLabels';
import { cardsHtml } from '../../../shared/print/cards';
import { applicationFormHtml } from '../../../shared/print/form';
import type { PageOptions, PaperSize } from '../../../shared/print/html';
import { layoutFor } from '../../../shared/print/sheets';
import type { PrintLanguage } from '../../../shared/print/labels';
import { findChromium, openPdfRenderer, type PdfRenderer } from '../../print/pdf';

/**
 * Page 1 of every document, printed by Chromium from a seeded chapter and drawn by pdftoppm,
 * against a PNG kept in tests/snapshots/print. The text tests (print.test.ts) say what is printed;
 * these say where: a column, a margin box or a right-to-left page that moves fails here.
 * UPDATE_SNAPSHOTS=1 rewrites the baselines that no longer match.
 */
interface SnapshotDocument {
  /** The baseline is tests/snapshots/print/<name>.png. */
  name: string;
  html: (chapter: PrintChapter) => Promise<string>;
}

/** How a print operation's data becomes its document (not every print operation is a document). */
const TEMPLATES = {
  'print.roster': rosterHtml,
  'print.signIn': signInHtml,
  'print.receipt': receiptHtml,
  'print.dues': duesListHtml,
  'print.certificates': certificatesHtml,
  // The third position first, as on a sheet already started.
  'print.labels': (data, page) =>
    addressLabelsHtml(data, page, { layout: layoutFor('labels', 'a4'), start: 3, offset: { x: 0, y: 0 } }),
  'print.cards': (data, page) =>
    cardsHtml(data, page, { layout: layoutFor('cards', 'letter'), start: 1, offset: { x: 0, y: 0 } }),
} satisfies { [K in PrintOperation]?: (data: OperationResult<K>, page: PageOptions) => string };

type DocumentOperation = keyof typeof TEMPLATES;
type Input<K extends DocumentOperation> = Omit<OperationInput<K>, 'lang'>;

/** A document: its operation's data for the seeded chapter, asked for in the page's language. */
function doc<K extends DocumentOperation>(
  name: string,
  operation: K,
  input: Input<K> | ((chapter: PrintChapter) => Input<K>),
  page: PageOptions,
): SnapshotDocument {
  const template = TEMPLATES[operation] as (data: OperationResult<K>, page: PageOptions) => string;
  return {
    name,
    html: async (chapter) => {
      const given = typeof input === 'function' ? input(chapter) : input;
      return template(
        await chapter.print(operation, { ...given, lang: page.lang } as OperationInput<K>),
        page,
      );
    },
  };
}

const sheet =
  (paper: PaperSize, landscape = false) =>
  (lang: PrintLanguage): PageOptions => ({ lang, paper, landscape });
const A4 = sheet('a4');
const A4_WIDE = sheet('a4', true);
const A5 = sheet('a5');
const LETTER = sheet('letter');

// One line per document, named for what it shows (A4 portrait unless named otherwise). A new one
// gets its baseline from UPDATE_SNAPSHOTS=1 (or its first run outside CI): look at it before committing.
const DOCUMENTS: SnapshotDocument[] = [
  doc('roster-en', 'print.roster', {}, A4('en')),
  doc('roster-landscape-ar', 'print.roster', {}, A4_WIDE('ar')),
  doc('roster-letter-fr-active', 'print.roster', { status: 'active' }, LETTER('fr')),
  doc('signin-en', 'print.signIn', (c) => ({ eventId: c.meeting, blankRows: 4 }), A4('en')),
  doc('signin-agm-fr', 'print.signIn', (c) => ({ eventId: c.agm, blankRows: 2 }), A4('fr')),
  doc('receipt-a5-fr', 'print.receipt', (c) => ({ paymentId: c.paymentId }), A5('fr')),
  doc('dues-en', 'print.dues', {}, A4('en')),
  doc('labels-l7160-en', 'print.labels', {}, A4('en')),
  doc('cards-5371-ar', 'print.cards', {}, LETTER('ar')),
  // The blank form asks for nothing: its language is the page's.
  {
    name: 'form-es',
    html: async (c) => applicationFormHtml(await c.print('print.form', undefined), A4('es')),
  },
  doc('certificates-landscape-pt', 'print.certificates', (c) => ({ eventId: c.training }), A4_WIDE('pt')),
];

const BASELINES = fileURLToPath(new URL('../../../../tests/snapshots/print/', import.meta.url));

let renderer: PdfRenderer;
let chapter: PrintChapter;
beforeAll(async () => {
  chapter = openPrintChapter();
  renderer = await openPdfRenderer(findChromium());
}, 60_000);
afterAll(async () => {
  await renderer?.close();
  chapter?.close();
});

describe('page 1 of every printed document looks as it did', () => {
  it.each(DOCUMENTS)('$name', async ({ name, html }) => {
    const png = firstPagePng(await renderer.render(await html(chapter)));
    const outcome = matchPngSnapshot(png, `${BASELINES}${name}.png`);
    if (outcome.status === 'failed') throw new Error(outcome.message);
    if (outcome.status === 'written') console.info(`Wrote ${name}.png (${outcome.why}).`);
  });
});
