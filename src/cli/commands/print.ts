import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { openPdfRenderer, findChromium } from '../../main/print/pdf';
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
import { PAPER_SIZES, type PageOptions, type PaperSize } from '../../shared/print/html';
import { printLanguage } from '../../shared/print/labels';
import type { OpenChapter } from '../open-chapter';
import { call, withChapter } from './dues';
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
    lang: printLanguage(flags.lang ?? chapterLocale),
  };
}

/** Renders with a Chromium found before any work is done, so a missing one fails fast and clearly. */
async function writePdf(flags: CommonFlags, html: string): Promise<void> {
  const renderer = await openPdfRenderer(findChromium(flags.chromium));
  try {
    writeFileSync(flags.out, await renderer.render(html), { mode: 0o600 });
  } finally {
    await renderer.close();
  }
  process.stderr.write(`Wrote ${flags.out}\n`);
}

function chapterLocale(chapter: OpenChapter): string {
  return chapter.handlers['chapter.get'](undefined)?.locale ?? 'en';
}

export function registerPrint(program: Command): void {
  const print = program.command('print').description('Print documents to PDF with Chromium');

  common(print.command('roster').description('The member roster, sorted by last name'))
    .option('--status <status>', MEMBER_STATUSES.join(', '))
    .option('--type <type>', 'membership type name or id')
    .option('--city <city>', 'city')
    .option('--query <text>', 'search, as in the members screen')
    .option(
      '--columns <list>',
      `comma-separated: ${ROSTER_COLUMNS.join(', ')}`,
      'memberNumber,name,phone,city,status,paidThrough',
    )
    .action(
      (
        flags: CommonFlags & {
          status?: string;
          type?: string;
          city?: string;
          query?: string;
          columns: string;
        },
      ) =>
        withChapter(flags.db, async (chapter) => {
          const lang = pageOptions(flags, chapterLocale(chapter));
          if (flags.status && !(MEMBER_STATUSES as readonly string[]).includes(flags.status)) {
            throw new AppError('VALIDATION', `status: use one of ${MEMBER_STATUSES.join(', ')}.`);
          }
          const columns = flags.columns.split(',').map((c) => c.trim());
          const unknown = columns.filter((c) => !(ROSTER_COLUMNS as readonly string[]).includes(c));
          if (unknown.length) throw new AppError('VALIDATION', `columns: unknown ${unknown.join(', ')}.`);
          let typeId: string | undefined;
          if (flags.type) {
            const type = findMembershipType(chapter.db, flags.type);
            if (!type) throw new AppError('NOT_FOUND', `type: no membership type “${flags.type}”.`);
            typeId = type.id;
          }
          const data = await call<RosterData>(chapter, 'print.roster', {
            query: flags.query ?? '',
            status: flags.status,
            typeId,
            city: flags.city,
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
}
