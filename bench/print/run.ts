/**
 * Print benchmark: the member roster as a PDF for chapters of 1,000 and 10,000 members (names in
 * many scripts), seeded into real SQLite files through the app's own services. For each size it
 * prints the whole pipeline's time (`rosterData` from the database, `rosterHtml`, Chromium's PDF
 * through `openPdfRenderer`), split into its three steps, with its target and its ratio to a floor
 * measured in the same run: a bare `<table>` of the same rows' text (no style sheet, no `<bdi>`),
 * printed by the same Chromium instance the same way. One warm-up, then the median of 3 runs of
 * each side, alternated. Pages and PDF size are printed for both.
 *
 *   npm run bench:print              1,000 and 10,000 members (targets judged)
 *   npm run bench:print -- --smoke   1,000 members (CI; printed, not judged)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../src/main/api/handlers';
import { openDatabase, type Db } from '../../src/main/db/open';
import { findChromium, openPdfRenderer, type PdfRenderer } from '../../src/main/print/pdf';
import type { ListQuery } from '../../src/main/services/members/query';
import { filterLabel, rosterData } from '../../src/main/services/print/data';
import { rosterHtml, type RosterColumn, type RosterData } from '../../src/shared/print/documents';
import { esc, printDate, type PageOptions } from '../../src/shared/print/html';
import { PRINT_LABELS } from '../../src/shared/print/labels';
import { people } from '../lib/people';
import { percentile } from '../lib/stats';

const smoke = process.argv.includes('--smoke');
const SIZES = smoke ? [1_000] : [1_000, 10_000];
const RUNS = 3;
const RATIO_TARGET = 2;
/** Seconds for the whole roster of 1,000 members on this machine. */
const SMALL_TARGET_S = 3;

const NOW = new Date();
const PAGE: PageOptions = { lang: 'en', paper: 'a4', landscape: false };
/** The columns the app and the CLI print when none are chosen. */
const COLUMNS: RosterColumn[] = ['memberNumber', 'name', 'phone', 'city', 'status', 'paidThrough'];
const EVERYONE: ListQuery = { query: '', sort: 'name', direction: 'asc', offset: 0, limit: 1 };

const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-bench-print-'));

/** A chapter file of `count` members through `members.create`, as the app writes them. */
function seed(count: number): string {
  const path = join(dir, `chapter-${count}.sqlite`);
  const db = openDatabase(path);
  const handlers = createHandlers(db, { now: () => NOW });
  handlers['chapter.setup']({
    name: 'Bench',
    country: 'FR',
    currency: 'EUR',
    officerName: 'Bench',
    locale: 'en',
    createDefaultTypes: true,
  });
  const typeIds = handlers['membershipTypes.list'](undefined).map((t) => t.id);
  const started = performance.now();
  db.transaction(() => {
    let i = 0;
    for (const p of people(count)) {
      handlers['members.create']({ ...p, typeId: typeIds[i++ % typeIds.length] });
    }
  })();
  console.log(
    `seeded ${count.toLocaleString('en')} members in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  db.pragma('optimize');
  db.close();
  return path;
}

interface Steps {
  data: number;
  html: number;
  pdf: number;
}

interface Printed {
  ms: number;
  pdf: Buffer;
  steps?: Steps;
  htmlBytes?: number;
}

/** The roster as the app prints it: data from the database, the document, Chromium's PDF. */
async function pipeline(db: Db, renderer: PdfRenderer): Promise<Printed> {
  const t0 = performance.now();
  const data = rosterData(db, NOW, EVERYONE, {
    columns: COLUMNS,
    lang: PAGE.lang,
    filterLabel: filterLabel(db, EVERYONE, PAGE.lang),
  });
  const t1 = performance.now();
  const html = rosterHtml(data, PAGE);
  const t2 = performance.now();
  const pdf = await renderer.render(html);
  const t3 = performance.now();
  return {
    ms: t3 - t0,
    pdf,
    steps: { data: t1 - t0, html: t2 - t1, pdf: t3 - t2 },
    htmlBytes: Buffer.byteLength(html),
  };
}

/** The same rows' text as a bare table, built once, outside the timing. */
function bareTable(data: RosterData): string {
  const labels = PRINT_LABELS[PAGE.lang];
  const text = (c: RosterColumn, m: RosterData['rows'][number]): string =>
    c === 'status'
      ? labels.status[m.status]
      : c === 'paidThrough'
        ? printDate(m.paidThrough, PAGE.lang)
        : (m[c] ?? '');
  const head = data.columns.map((c) => `<th>${esc(labels.columns[c])}</th>`).join('');
  const rows = data.rows
    .map((m) => `<tr>${data.columns.map((c) => `<td>${esc(text(c, m))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body>
<table><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table></body></html>\n`;
}

async function floor(html: string, renderer: PdfRenderer): Promise<Printed> {
  const started = performance.now();
  const pdf = await renderer.render(html);
  return { ms: performance.now() - started, pdf };
}

/** Chromium writes one `/Type /Page` object per page (and one `/Type /Pages` tree). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
const median = (values: number[]) => percentile(values, 50);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kb = (pdf: Buffer) => `${Math.round(pdf.length / 1024).toLocaleString('en')} KB`;
const verdict = (ok: boolean, target: string) =>
  smoke ? `${target}; not judged at smoke size` : `${target}: ${ok ? 'met' : 'MISSED'}`;

async function measure(count: number, path: string, renderer: PdfRenderer): Promise<void> {
  const db = openDatabase(path);
  try {
    const bare = bareTable(
      rosterData(db, NOW, EVERYONE, { columns: COLUMNS, lang: PAGE.lang, filterLabel: '' }),
    );
    // Warm-up: the statement cache, the fonts, the page's first layout.
    await floor(bare, renderer);
    await pipeline(db, renderer);
    const ours: Printed[] = [];
    const floors: Printed[] = [];
    for (let i = 0; i < RUNS; i++) {
      floors.push(await floor(bare, renderer));
      ours.push(await pipeline(db, renderer));
    }
    const oursMs = median(ours.map((r) => r.ms));
    const floorMs = median(floors.map((r) => r.ms));
    const ratio = oursMs / floorMs;
    const step = (key: keyof Steps) => seconds(median(ours.map((r) => r.steps![key])));
    const last = ours[ours.length - 1]!.pdf;
    const htmlKb = Math.round(ours[ours.length - 1]!.htmlBytes! / 1024);
    const lastFloor = floors[floors.length - 1]!.pdf;
    const absolute =
      count === 1_000 ? `; ${verdict(oursMs <= SMALL_TARGET_S * 1000, `target <= ${SMALL_TARGET_S} s`)}` : '';
    console.log(
      `roster PDF, ${count.toLocaleString('en')} members (median of ${RUNS}): ${seconds(oursMs)}${absolute}; ` +
        `${pageCount(last)} pages, ${kb(last)}`,
    );
    console.log(
      `  steps: data ${step('data')}, HTML ${step('html')}, Chromium PDF ${step('pdf')} ` +
        `(document ${htmlKb.toLocaleString('en')} KB)`,
    );
    console.log(
      `  floor (bare <table> of the same rows' text, same Chromium): ${seconds(floorMs)}; ` +
        `${pageCount(lastFloor)} pages, ${kb(lastFloor)}; ` +
        `ratio ${ratio.toFixed(2)} (${verdict(ratio <= RATIO_TARGET, `target <= ${RATIO_TARGET}`)})`,
    );
  } finally {
    db.close();
  }
}

// Chromium's share of the machine decides the wall times: say how busy the machine was.
const load = () => `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`;
console.log(`${load()} at the start`);
try {
  const paths = SIZES.map((count) => seed(count));
  const renderer = await openPdfRenderer(findChromium());
  try {
    for (const [i, count] of SIZES.entries()) await measure(count, paths[i]!, renderer);
  } finally {
    await renderer.close();
  }
  console.log(`${load()} at the end`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
