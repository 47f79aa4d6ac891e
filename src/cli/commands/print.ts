import { writePrivateFile } from '../../node/private-files';
import type { Command } from 'commander';
import { openPdfRenderer, findChromium } from '../../main/print/pdf';
import { getCalibration } from '../../main/services/print/calibration';
import { receiptData } from '../../main/services/print/data';
import { findMembershipType } from '../../main/services/types/membership-types';
import { MEMBER_STATUSES } from '../../shared/dues/status';
import { AppError } from '../../shared/errors';
import {
  certificatesHtml,
  duesListHtml,
  receiptHtml,
  rosterHtml,
  ROSTER_COLUMNS,
  signInHtml,
  type CertificatesData,
  type DuesListData,
  type RosterData,
  type SignInData,
} from '../../shared/print/documents';
import { addressLabelsHtml, type AddressLabelsData } from '../../shared/print/addressLabels';
import { cardsHtml, type CardsData } from '../../shared/print/cards';
import type { PrinterCalibration } from '../../shared/print/contract';
import { applicationFormHtml, type ApplicationFormData } from '../../shared/print/form';
import type { PersonData } from '../../shared/person-data';
import { personDataHtml } from '../../shared/print/personData';
import { PAPER_SIZES, type PageOptions, type PaperSize } from '../../shared/print/html';
import { PRINT_LANGUAGES, printLanguage, type PrintLanguage } from '../../shared/print/labels';
import { testSheetHtml } from '../../shared/print/testSheet';
import type { SheetPlacement } from '../../shared/print/sheetPage';
import {
  cellsPerSheet,
  isSheetLayout,
  layoutFor,
  layoutsFor,
  LAYOUTS,
  NO_OFFSET,
  startInRange,
  usualPaper,
  type SheetKind,
  type SheetLayout,
} from '../../shared/print/sheets';
import type { OpenChapter } from '../open-chapter';
import { call, print as output, resolveMember, withChapter } from './dues';
import { resolveEvent } from './events';

interface CommonFlags {
  db: string;
  out: string;
  paper?: string;
  landscape?: boolean;
  lang?: string;
  chromium?: string;
}

function common(command: Command, defaultPaper = 'a4'): Command {
  return command
    .requiredOption('--db <path>', 'chapter database file')
    .requiredOption('--out <file>', 'the PDF to write')
    .option('--paper <size>', 'a4, letter or a5', defaultPaper)
    .option('--landscape', 'landscape instead of portrait')
    .option('--lang <language>', 'en, fr, es, pt or ar (default: the chapter’s)')
    .option('--chromium <path>', 'the Chromium or Chrome to print with');
}

function pageOptions(flags: CommonFlags, chapterLocale: string): PageOptions {
  const paper = (flags.paper ?? 'a4').toLowerCase();
  if (!(PAPER_SIZES as readonly string[]).includes(paper)) {
    throw new AppError('VALIDATION', `paper: use a4, letter or a5, not “${flags.paper}”.`);
  }
  return {
    paper: paper as PaperSize,
    landscape: Boolean(flags.landscape),
    lang: languageFlag(flags.lang, chapterLocale),
  };
}

/** Renders with a Chromium found before any work is done, so a missing one fails fast and clearly. */
async function writePdf(flags: CommonFlags, html: string): Promise<void> {
  const renderer = await openPdfRenderer(findChromium(flags.chromium));
  try {
    writePrivateFile(flags.out, await renderer.render(html));
  } finally {
    await renderer.close();
  }
  process.stderr.write(`Wrote ${flags.out}\n`);
}

function chapterLocale(chapter: OpenChapter): string {
  return chapter.handlers['chapter.get'](undefined)?.locale ?? 'en';
}

interface FilterFlags {
  status?: string;
  type?: string;
  city?: string;
  query?: string;
}

/** The members screen's filters, for every document that prints a list of members. */
function filterOptions(command: Command): Command {
  return command
    .option('--status <status>', MEMBER_STATUSES.join(', '))
    .option('--type <type>', 'membership type name or id')
    .option('--city <city>', 'city')
    .option('--query <text>', 'search, as in the members screen');
}

function memberFilters(chapter: OpenChapter, flags: FilterFlags) {
  if (flags.status && !(MEMBER_STATUSES as readonly string[]).includes(flags.status)) {
    throw new AppError('VALIDATION', `status: use one of ${MEMBER_STATUSES.join(', ')}.`);
  }
  let typeId: string | undefined;
  if (flags.type) {
    const type = findMembershipType(chapter.db, flags.type);
    if (!type) throw new AppError('NOT_FOUND', `type: no membership type “${flags.type}”.`);
    typeId = type.id;
  }
  return { query: flags.query ?? '', status: flags.status, typeId, city: flags.city };
}

interface SheetFlags extends FilterFlags {
  db: string;
  out: string;
  paper?: string;
  layout?: string;
  start: string;
  printer?: string;
  lang?: string;
  chromium?: string;
}

/** Labels and cards: the sheet decides the paper, so there is no orientation to choose. */
function sheetOptions(command: Command, kind: SheetKind): Command {
  const layouts = layoutsFor(kind)
    .map((l) => `${l.id} (${l.paper === 'a4' ? 'A4' : 'Letter'}, ${cellsPerSheet(l)} ${kind})`)
    .join(' or ');
  return filterOptions(
    command
      .requiredOption('--db <path>', 'chapter database file')
      .requiredOption('--out <file>', 'the PDF to write')
      .option('--layout <sheet>', `${layouts}; default: the one for --paper`)
      .option('--paper <size>', 'a4 or letter (default: the usual paper in the chapter’s country)')
      .option('--start <n>', 'the first position to print on, to use a part-used sheet', '1')
      .option('--printer <name>', 'move the print by the offset saved for this printer (print calibrate)')
      .option('--lang <language>', 'en, fr, es, pt or ar (default: the chapter’s)')
      .option('--chromium <path>', 'the Chromium or Chrome to print with'),
  );
}

function sheetLayout(kind: SheetKind, flags: SheetFlags, country: string): SheetLayout {
  const paper = flags.paper?.toLowerCase();
  if (paper !== undefined && paper !== 'a4' && paper !== 'letter') {
    throw new AppError('VALIDATION', `paper: ${kind} print on a4 or letter, not “${flags.paper}”.`);
  }
  if (flags.layout === undefined) return layoutFor(kind, paper ?? usualPaper(country));
  const id = flags.layout.toUpperCase();
  const layout = isSheetLayout(id) ? LAYOUTS[id] : undefined;
  if (!layout || layout.kind !== kind) {
    const known = layoutsFor(kind).map((l) => l.id);
    throw new AppError('VALIDATION', `layout: use ${known.join(' or ')} for ${kind}, not “${flags.layout}”.`);
  }
  if (paper !== undefined && layout.paper !== paper) {
    throw new AppError(
      'VALIDATION',
      `layout: ${layout.product} is a ${layout.paper === 'a4' ? 'A4' : 'Letter'} sheet, not ${paper}.`,
    );
  }
  return layout;
}

/** The sheet, the first position and the printer's offset, each checked before anything prints. */
function sheetPlacement(chapter: OpenChapter, kind: SheetKind, flags: SheetFlags): SheetPlacement {
  const layout = sheetLayout(kind, flags, chapter.handlers['chapter.get'](undefined)?.country ?? '');
  const start = Number(flags.start);
  if (!startInRange(layout, start)) {
    throw new AppError(
      'VALIDATION',
      `start: ${layout.product} has positions 1 to ${cellsPerSheet(layout)}, not “${flags.start}”.`,
    );
  }
  if (flags.printer === undefined) return { layout, start, offset: NO_OFFSET };
  const saved = getCalibration(chapter.db, flags.printer);
  if (!saved) {
    throw new AppError(
      'NOT_FOUND',
      `printer: no offset saved for “${flags.printer}”. Save one with: chapterdesk print calibrate --printer "${flags.printer}" --x MM --y MM`,
    );
  }
  return { layout, start, offset: { x: saved.x, y: saved.y } };
}

/** Millimetres as people type them: "1.5", "1,5", "-2". */
function millimetres(flag: string, value: string): number {
  const n = Number(value.trim().replace(',', '.'));
  if (value.trim() === '' || !Number.isFinite(n)) {
    throw new AppError(
      'VALIDATION',
      `${flag}: give millimetres as a number, such as 1.5 or -2, not “${value}”.`,
    );
  }
  return n;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The document's language: --lang when given (one of ours, or it is refused rather than printing
 * English in silence), else the chapter's, whatever it is, read as the nearest we print.
 */
function languageFlag(flag: string | undefined, chapterLocale: string | null | undefined): PrintLanguage {
  if (flag === undefined) return printLanguage(chapterLocale);
  const wanted = flag.trim().toLowerCase();
  if (!(PRINT_LANGUAGES as readonly string[]).includes(wanted)) {
    throw new AppError('VALIDATION', `--lang: give ${PRINT_LANGUAGES.join(', ')}, not “${flag}”.`);
  }
  return wanted as PrintLanguage;
}

/** "1.5 mm right and 0.5 mm up", as a person would check it against the sheet. */
function describeOffset({ x, y }: { x: number; y: number }): string {
  const along = (mm: number, positive: string, negative: string) =>
    `${Math.abs(mm)} mm ${mm < 0 ? negative : positive}`;
  return `${along(x, 'right', 'left')} and ${along(y, 'down', 'up')}`;
}

export function registerPrint(program: Command): void {
  const print = program.command('print').description('Print documents to PDF with Chromium');

  filterOptions(common(print.command('roster').description('The member roster, sorted by last name')))
    .option(
      '--columns <list>',
      `comma-separated: ${ROSTER_COLUMNS.join(', ')}`,
      'memberNumber,name,phone,city,status,paidThrough',
    )
    .action((flags: CommonFlags & FilterFlags & { columns: string }) =>
      withChapter(flags.db, async (chapter) => {
        const lang = pageOptions(flags, chapterLocale(chapter));
        const filters = memberFilters(chapter, flags);
        const columns = flags.columns.split(',').map((c) => c.trim());
        const unknown = columns.filter((c) => !(ROSTER_COLUMNS as readonly string[]).includes(c));
        if (unknown.length) throw new AppError('VALIDATION', `columns: unknown ${unknown.join(', ')}.`);
        const data = await call<RosterData>(chapter, 'print.roster', {
          ...filters,
          columns,
          lang: lang.lang,
        });
        await writePdf(flags, rosterHtml(data, lang));
      }),
    );

  common(print.command('signin').description('An event’s sign-in sheet, with blank rows for walk-ins'))
    .requiredOption('--event <id>', 'event id')
    .option('--blank-rows <n>', 'numbered empty rows for walk-ins', '10')
    .action((flags: CommonFlags & { event: string; blankRows: string }) =>
      withChapter(flags.db, async (chapter) => {
        const page = pageOptions(flags, chapterLocale(chapter));
        const blank = Number(flags.blankRows);
        if (!Number.isInteger(blank) || blank < 0 || blank > 500) {
          throw new AppError('VALIDATION', 'blank-rows: give a whole number from 0 to 500.');
        }
        const data = await call<SignInData>(chapter, 'print.signIn', {
          eventId: resolveEvent(chapter.db, flags.event),
          blankRows: blank,
          lang: page.lang,
        });
        await writePdf(flags, signInHtml(data, page));
      }),
    );

  common(print.command('receipt').description('A payment receipt'), 'a5')
    .requiredOption('--payment <id>', 'payment id or receipt number')
    .action((flags: CommonFlags & { payment: string }) =>
      withChapter(flags.db, async (chapter) => {
        const page = pageOptions(flags, chapterLocale(chapter));
        await writePdf(flags, receiptHtml(receiptData(chapter.db, flags.payment, page.lang), page));
      }),
    );

  common(print.command('dues').description('Members expiring in 30 days, in grace and lapsed')).action(
    (flags: CommonFlags) =>
      withChapter(flags.db, async (chapter) => {
        const page = pageOptions(flags, chapterLocale(chapter));
        await writePdf(
          flags,
          duesListHtml(await call<DuesListData>(chapter, 'print.dues', { lang: page.lang }), page),
        );
      }),
  );

  common(print.command('certificates').description('Certificates for those who completed a training'))
    .requiredOption('--event <id>', 'event id')
    .action((flags: CommonFlags & { event: string }) =>
      withChapter(flags.db, async (chapter) => {
        const page = pageOptions({ ...flags, landscape: flags.landscape ?? true }, chapterLocale(chapter));
        const data = await call<CertificatesData>(chapter, 'print.certificates', {
          eventId: resolveEvent(chapter.db, flags.event),
          lang: page.lang,
        });
        if (data.people.length === 0)
          throw new AppError('VALIDATION', 'Nobody has completed this training yet.');
        await writePdf(flags, certificatesHtml(data, page));
      }),
    );

  sheetOptions(
    print
      .command('labels')
      .description('Address labels, sorted by last name, laid out for each member’s country'),
    'labels',
  ).action((flags: SheetFlags) =>
    withChapter(flags.db, async (chapter) => {
      const placement = sheetPlacement(chapter, 'labels', flags);
      const lang = languageFlag(flags.lang, chapterLocale(chapter));
      const data = await call<AddressLabelsData>(chapter, 'print.labels', {
        ...memberFilters(chapter, flags),
        lang,
      });
      const skipped = `${plural(data.skipped, 'member has', 'members have')} no postal address and ${data.skipped === 1 ? 'is' : 'are'} left out.`;
      if (data.labels.length === 0) {
        throw new AppError(
          'VALIDATION',
          `Nothing to print: ${data.skipped === 0 ? 'no member matches.' : skipped}`,
        );
      }
      await writePdf(
        flags,
        addressLabelsHtml(data, { lang, paper: placement.layout.paper, landscape: false }, placement),
      );
      process.stderr.write(
        `${plural(data.labels.length, 'label', 'labels')} on ${placement.layout.product}.${data.skipped ? ` ${skipped}` : ''}\n`,
      );
    }),
  );

  sheetOptions(print.command('cards').description('Membership cards, sorted by last name'), 'cards').action(
    (flags: SheetFlags) =>
      withChapter(flags.db, async (chapter) => {
        const placement = sheetPlacement(chapter, 'cards', flags);
        const lang = languageFlag(flags.lang, chapterLocale(chapter));
        const data = await call<CardsData>(chapter, 'print.cards', {
          ...memberFilters(chapter, flags),
          lang,
        });
        if (data.cards.length === 0) throw new AppError('VALIDATION', 'Nothing to print: no member matches.');
        await writePdf(
          flags,
          cardsHtml(data, { lang, paper: placement.layout.paper, landscape: false }, placement),
        );
      }),
  );

  common(
    print
      .command('person-data')
      .description('Everything stored about one person (deleted ones too), for their request to see it'),
  )
    .requiredOption('--member <member>', 'member number, email or id')
    .action((flags: CommonFlags & { member: string }) =>
      withChapter(flags.db, async (chapter) => {
        const page = pageOptions(flags, chapterLocale(chapter));
        const data = await call<PersonData>(chapter, 'print.personData', {
          memberId: resolveMember(chapter.db, flags.member),
        });
        await writePdf(flags, personDataHtml(data, page));
      }),
    );

  common(print.command('form').description('A blank membership application form')).action(
    (flags: CommonFlags) =>
      withChapter(flags.db, async (chapter) => {
        const page = pageOptions(flags, chapterLocale(chapter));
        await writePdf(
          flags,
          applicationFormHtml(await call<ApplicationFormData>(chapter, 'print.form', undefined), page),
        );
      }),
  );

  print
    .command('test-sheet')
    .description(
      'Every position of a label or card sheet outlined, to print on plain paper and lay on a real sheet: how far the outlines miss the labels is the offset to save with print calibrate',
    )
    .requiredOption('--db <path>', 'chapter database file')
    .requiredOption('--out <file>', 'the PDF to write')
    .option('--layout <sheet>', 'L7160, 5160, C32011 or 5371; default: the label sheet for --paper')
    .option('--paper <size>', 'a4 or letter (default: the usual paper in the chapter’s country)')
    .option('--printer <name>', 'print with the offset saved for this printer, to check it')
    .option('--lang <language>', 'en, fr, es, pt or ar (default: the chapter’s)')
    .option('--chromium <path>', 'the Chromium or Chrome to print with')
    .action((flags: SheetFlags) =>
      withChapter(flags.db, async (chapter) => {
        const id = flags.layout?.toUpperCase();
        if (id !== undefined && !isSheetLayout(id)) {
          const known = Object.keys(LAYOUTS).join(', ');
          throw new AppError('VALIDATION', `layout: use ${known}, not “${flags.layout}”.`);
        }
        const kind: SheetKind = id === undefined ? 'labels' : LAYOUTS[id].kind;
        const { layout, offset } = sheetPlacement(chapter, kind, { ...flags, start: '1' });
        const lang = languageFlag(flags.lang, chapterLocale(chapter));
        await writePdf(flags, testSheetHtml(layout, { lang, paper: layout.paper, landscape: false }, offset));
        process.stderr.write(
          `Print it at 100% on plain paper and lay it on an empty ${layout.product} sheet against the light. Where the crosses miss the middle of the labels, save the correction: crosses 2 mm right of the middle and 1 mm too high mean chapterdesk print calibrate --printer NAME --x -2 --y 1.\n`,
        );
      }),
    );

  print
    .command('calibrate')
    .description('Save how far a printer’s labels and cards must move to land on the sheet')
    .requiredOption('--db <path>', 'chapter database file')
    .requiredOption('--printer <name>', 'the printer, named as you will name it with --printer')
    .requiredOption('--x <mm>', 'millimetres to the right (negative: to the left)')
    .requiredOption('--y <mm>', 'millimetres down (negative: up)')
    .option('--json', 'print the saved offset as JSON')
    .action((flags: { db: string; printer: string; x: string; y: string; json?: boolean }) =>
      withChapter(flags.db, async (chapter) => {
        const saved = await call<PrinterCalibration>(chapter, 'print.saveCalibration', {
          printer: flags.printer,
          x: millimetres('x', flags.x),
          y: millimetres('y', flags.y),
        });
        output(flags.json, saved, () => `${saved.printer}: prints moved ${describeOffset(saved)}.`);
      }),
    );
}
