import { createHash } from 'node:crypto';
import type { PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import { z } from 'zod';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { Result } from '../../shared/errors';
import { problem, zodProblem } from '../../shared/problems';
import { esc, PAPER_SIZES, wholeDocument, type PaperSize } from '../../shared/print/html';
import { PRINT_LANGUAGES } from '../../shared/print/labels';
import {
  NATIVE_PRINT_ACTIONS,
  type NativePrintOutcome,
  type NativePrintRequest,
} from '../../shared/print/native';

/**
 * What the desktop app's print path can decide without Electron: the request it accepts, the
 * document it loads, the options it prints with, and the name it proposes for a PDF. The Electron
 * side (print-window.ts) only carries these out.
 */

/** A roster of 100,000 members with every column is about 27 MB of markup (275 characters a row). */
export const MAX_BODY_CHARS = 64 * 1024 * 1024;

export const nativePrintInput = z.strictObject({
  document: z.strictObject({
    lang: z.enum(PRINT_LANGUAGES),
    dir: z.enum(['ltr', 'rtl']),
    title: z.string().max(500),
    css: z.string().max(1024 * 1024),
    body: z.string().min(1).max(MAX_BODY_CHARS),
  }),
  paper: z.enum(PAPER_SIZES),
  landscape: z.boolean(),
  action: z.enum(NATIVE_PRINT_ACTIONS),
});

/** The request as the renderer sent it, checked like a contract operation's input. */
export function parseNativePrint(input: unknown): Result<NativePrintRequest> {
  const parsed = nativePrintInput.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields = parsed.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
    problem: zodProblem(issue),
  }));
  return {
    ok: false,
    error: {
      code: 'VALIDATION',
      message: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
      details: { fields },
    },
  };
}

/**
 * The app's policy for the print window, with the document's one style element allowed by its
 * hash: the policy forbids inline style, and the print window runs no script that could adopt the
 * sheet the way the preview does. Nothing else is loosened.
 */
export function printWindowPolicy(styleText: string): string {
  const hash = createHash('sha256').update(styleText, 'utf8').digest('base64');
  return CONTENT_SECURITY_POLICY.split('; ')
    .map((directive) => (directive.startsWith('style-src ') ? `${directive} 'sha256-${hash}'` : directive))
    .join('; ');
}

/**
 * The whole document the print window loads: the template the CLI prints, carrying the policy as
 * its first element. The hash covers the text of the first style element, which is exactly what
 * the HTML parser puts in it (it ends at the first `</style>`).
 */
export function printWindowHtml(document: NativePrintRequest['document']): string {
  const html = wholeDocument(document);
  const style = /<style>([^]*?)<\/style>/.exec(html);
  if (!style || !html.includes('<head>\n'))
    throw new Error('The print template has no head or style element.');
  const policy = esc(printWindowPolicy(style[1]!));
  return html.replace(
    '<head>\n',
    `<head>\n<meta http-equiv="Content-Security-Policy" content="${policy}">\n`,
  );
}

const PAGE_SIZES = { a4: 'A4', a5: 'A5', letter: 'Letter' } as const satisfies Record<PaperSize, string>;

/**
 * "Save as PDF": the document's own `@page` size and margins decide, as in the CLI's PDF (zero
 * margins here, so the CSS margins with the chapter and the page numbers are the only ones); the
 * paper chosen is the fallback.
 */
export function pdfOptions(paper: PaperSize, landscape: boolean): PrintToPDFOptions {
  return {
    pageSize: PAGE_SIZES[paper],
    landscape,
    printBackground: true,
    preferCSSPageSize: true,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  };
}

/** "Print": the system's print window, opened on the paper and orientation chosen in the app. */
export function systemPrintOptions(paper: PaperSize, landscape: boolean): WebContentsPrintOptions {
  return { silent: false, printBackground: true, pageSize: PAGE_SIZES[paper], landscape };
}

/** Electron's print callback as an outcome: a job the person cancelled in the dialog is no failure. */
export function systemPrintOutcome(success: boolean, failureReason: string): Result<NativePrintOutcome> {
  if (success) return { ok: true, value: 'printed' };
  if (/cancel/i.test(failureReason)) return { ok: true, value: 'cancelled' };
  return {
    ok: false,
    error: {
      // The printer, not ChapterDesk, refused: the system's reason stays in the English message.
      code: 'UNREACHABLE',
      message: `The document was not printed: ${failureReason || 'the printer refused it'}.`,
      details: { problem: problem('PRINT_FAILED') },
    },
  };
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_NAME_CHARS = 120;

/**
 * The file name proposed for a PDF: the document's title ("Member roster · Lyon.pdf"), without the
 * characters Windows, macOS or Linux refuse in a name, short enough for any file system.
 */
export function pdfFileName(title: string): string {
  let name = title
    .replace(/[<>:"/\\|?*\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // Windows drops trailing dots and spaces; a leading dot hides the file elsewhere.
    .replace(/^[.\s]+|[.\s]+$/g, '');
  name = Array.from(name).slice(0, MAX_NAME_CHARS).join('').trim();
  if (!name) name = 'ChapterDesk';
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  return `${name}.pdf`;
}

/** A save dialog on Linux returns the name as typed: a PDF gets its extension. */
export function withPdfExtension(path: string): string {
  return /\.pdf$/i.test(path) ? path : `${path}.pdf`;
}
