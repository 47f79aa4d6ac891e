import { PRINT_LABELS, type PrintLanguage, type PrintLabels } from './labels';

export const PAPER_SIZES = ['a4', 'a5', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface PageOptions {
  lang: PrintLanguage;
  paper: PaperSize;
  landscape: boolean;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every value that comes from data goes through this before it enters a document. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * A CSS string literal, for the text of page margin boxes. Everything but letters, digits and
 * spaces is written as a CSS escape, so a title holding `</style>`, a quote or a backslash stays
 * text inside the style element and can never end it.
 */
export function cssString(value: string): string {
  const escaped = value
    .replace(/[\n\r]/g, ' ')
    .replace(/[^\p{L}\p{N} ]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
  return `"${escaped}"`;
}

/**
 * Fonts that every desktop has for each script, so a name prints as text in its own letters on
 * Windows, macOS and Linux (Noto on Linux; CI installs fonts-noto-core and fonts-noto-cjk).
 */
export const FONT_STACK = [
  '"Noto Sans"',
  '"Segoe UI"',
  '"Helvetica Neue"',
  'Arial',
  '"Noto Sans Arabic"',
  '"Noto Naskh Arabic"',
  '"Segoe UI Arabic"',
  '"Geeza Pro"',
  '"Noto Sans CJK SC"',
  '"Microsoft YaHei"',
  '"PingFang SC"',
  '"Noto Sans Devanagari"',
  '"Nirmala UI"',
  '"Kohinoor Devanagari"',
  '"Noto Sans Ethiopic"',
  '"Nyala"',
  'sans-serif',
].join(', ');

/**
 * A whole printable document: the page size, margins with the chapter and date at the top and
 * "page n of N" at the bottom of every page (CSS page margin boxes, which Chromium prints in
 * preview, on paper and to PDF alike), the language and direction, and rules that keep a table's
 * header on every page and never cut a row in two.
 */
export interface PrintParts {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  /** The style sheet: page size, margin boxes, table rules, the document's own. */
  css: string;
  body: string;
  /** The page margins, mm, which the preview shows as padding (none on label and card sheets). */
  margins: { block: number; inline: number };
}

/** The page margins of a document: room for the chapter, the date and the page numbers. */
export const PAGE_MARGINS_MM = { block: 16, inline: 12 };

export interface DocumentSpec {
  page: PageOptions;
  title: string;
  headerStart: string;
  headerEnd: string;
  body: string;
  css?: string;
  /**
   * No page margins and no margin boxes: a sheet of labels or cards, where every cell is placed
   * on the sheet by its own position and nothing may print over a neighbouring label, or a page
   * that is its own whole (a certificate), which places its text itself.
   */
  bare?: boolean;
}

/**
 * A document as its parts: the app's preview puts the body in a frame and adopts the style sheet
 * through the CSS object model (its content security policy allows no inline style), the CLI and
 * the tests print the whole document (`wholeDocument`). Both are the same template.
 */
export function printParts(options: DocumentSpec): PrintParts {
  const { page } = options;
  const labels: PrintLabels = PRINT_LABELS[page.lang];
  const dir = page.lang === 'ar' ? 'rtl' : 'ltr';
  const size = `${page.paper.toUpperCase()} ${page.landscape ? 'landscape' : 'portrait'}`;
  const margins = options.bare ? { block: 0, inline: 0 } : PAGE_MARGINS_MM;
  const pageRule = options.bare
    ? `@page {
  size: ${size};
  margin: 0;
}
`
    : `@page {
  size: ${size};
  margin: ${margins.block}mm ${margins.inline}mm ${margins.block}mm ${margins.inline}mm;
  @top-left { content: ${cssString(dir === 'rtl' ? options.headerEnd : options.headerStart)}; font: 9pt ${FONT_STACK}; color: #444; }
  @top-right { content: ${cssString(dir === 'rtl' ? options.headerStart : options.headerEnd)}; font: 9pt ${FONT_STACK}; color: #444; }
  @bottom-center { content: ${cssString(`${labels.page} `)} counter(page) ${cssString(` ${labels.of} `)} counter(pages); font: 9pt ${FONT_STACK}; color: #444; }
}
`;
  const css = `${pageRule}* { box-sizing: border-box; }
html { font: 10.5pt/1.35 ${FONT_STACK}; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
.meta { margin: 0 0 4mm; color: #333; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border-bottom: 0.3mm solid #999; padding: 1.6mm 2mm; text-align: start; vertical-align: top; }
th { border-bottom: 0.5mm solid #000; font-weight: 600; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
bdi { unicode-bidi: isolate; }
${options.css ?? ''}`;
  return { lang: page.lang, dir, title: options.title, css, body: options.body, margins };
}

/** The whole printable document: what Chromium prints to paper or PDF. Its own margins are in its CSS. */
export function wholeDocument(parts: Omit<PrintParts, 'margins'>): string {
  return `<!doctype html>
<html lang="${esc(parts.lang)}" dir="${parts.dir}">
<head>
<meta charset="utf-8">
<title>${esc(parts.title)}</title>
<style>
${parts.css}
</style>
</head>
<body>
${parts.body}
</body>
</html>
`;
}

const dateFormats = new Map<PrintLanguage, Intl.DateTimeFormat>();

/**
 * A date for people, in the document's language (dates are days, printed as such, in UTC). One
 * formatter per language: building one per cell was most of a 10,000-member roster's HTML time.
 */
export function printDate(isoDate: string | null, lang: PrintLanguage): string {
  if (!isoDate) return '';
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}
