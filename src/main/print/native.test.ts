import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/chapter';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { receiptParts } from '../../shared/print/documents';
import type { NativePrintRequest } from '../../shared/print/native';
import {
  parseNativePrint,
  pdfFileName,
  pdfOptions,
  printWindowHtml,
  printWindowPolicy,
  systemPrintOptions,
  systemPrintOutcome,
  withPdfExtension,
} from './native';
import { findChromium, openPdfRenderer, type PdfRenderer } from './pdf';

const receipt = receiptParts(
  {
    chapterName: 'Lyon',
    receiptNumber: 'K3M-000042',
    memberName: 'Awa Diop',
    memberNumber: '0042',
    amountMinor: 5000,
    currency: 'XOF',
    amountInWords: 'five thousand XOF',
    method: 'cash',
    reference: null,
    paidOn: '2026-03-14',
    periodFrom: null,
    periodTo: null,
    officer: null,
    voided: false,
  },
  { lang: 'en', paper: 'a5', landscape: false },
);
const request: NativePrintRequest = {
  document: {
    lang: receipt.lang,
    dir: receipt.dir,
    title: receipt.title,
    css: receipt.css,
    body: receipt.body,
  },
  paper: 'a5',
  landscape: false,
  action: 'pdf',
};

describe('the desktop print request', () => {
  it('is accepted as the print dialog sends it', () => {
    expect(parseNativePrint(request)).toEqual({ ok: true, value: request });
  });

  it('is refused with VALIDATION and the fields at fault otherwise', () => {
    const refused = (input: unknown) => {
      const result = parseNativePrint(input);
      if (result.ok) throw new Error('accepted');
      expect(result.error.code).toBe('VALIDATION');
      return result.error.details!.fields!.map((f) => f.field);
    };
    expect(refused({ ...request, action: 'email' })).toEqual(['action']);
    expect(refused({ ...request, paper: 'a3' })).toEqual(['paper']);
    expect(refused({ ...request, landscape: 'yes' })).toEqual(['landscape']);
    expect(refused({ ...request, document: { ...request.document, body: '' } })).toEqual(['document.body']);
    expect(refused({ ...request, document: { ...request.document, lang: 'de' } })).toEqual(['document.lang']);
    expect(refused({ ...request, document: { ...request.document, title: 'x'.repeat(501) } })).toEqual([
      'document.title',
    ]);
    // Strict: nothing the main process does not know about gets through, at either level.
    expect(refused({ ...request, url: 'https://example.org' })).toEqual(['(input)']);
    expect(refused({ ...request, document: { ...request.document, margins: {} } })).toEqual(['document']);
    expect(refused(null)).toEqual(['(input)']);
  });
});

describe('print options', () => {
  it('save as PDF with the document’s own page size and margins, the chosen paper as the fallback', () => {
    expect(pdfOptions('a5', false)).toEqual({
      pageSize: 'A5',
      landscape: false,
      printBackground: true,
      preferCSSPageSize: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    expect(pdfOptions('letter', true)).toMatchObject({ pageSize: 'Letter', landscape: true });
  });

  it('print through the system’s dialog on the chosen paper', () => {
    expect(systemPrintOptions('a4', true)).toEqual({
      silent: false,
      printBackground: true,
      pageSize: 'A4',
      landscape: true,
    });
  });

  it('reads Electron’s print callback: a cancelled job is no failure', () => {
    expect(systemPrintOutcome(true, '')).toEqual({ ok: true, value: 'printed' });
    expect(systemPrintOutcome(false, 'Print job canceled')).toEqual({ ok: true, value: 'cancelled' });
    expect(systemPrintOutcome(false, 'Print job failed')).toEqual({
      ok: false,
      error: {
        code: 'UNREACHABLE',
        message: 'The document was not printed: Print job failed.',
        details: { problem: { code: 'PRINT_FAILED', params: {} } },
      },
    });
  });
});

describe('the PDF’s file name', () => {
  it('is the document’s title, in any script', () => {
    expect(pdfFileName('Member roster · Lyon')).toBe('Member roster · Lyon.pdf');
    expect(pdfFileName('قائمة الأعضاء · الرباط')).toBe('قائمة الأعضاء · الرباط.pdf');
  });

  it('has none of the characters a file system refuses, and a name Windows allows', () => {
    expect(pdfFileName('Sign-in: AGM 2026/03 "Plateau" <b>?*|\\\n')).toBe(
      'Sign-in AGM 2026 03 Plateau b.pdf',
    );
    expect(pdfFileName(' ..hidden. ')).toBe('hidden.pdf');
    expect(pdfFileName('...')).toBe('ChapterDesk.pdf');
    expect(pdfFileName('CON')).toBe('_CON.pdf');
    expect(pdfFileName('lpt1.txt')).toBe('_lpt1.txt.pdf');
    expect(pdfFileName('王'.repeat(300))).toBe(`${'王'.repeat(120)}.pdf`);
  });

  it('keeps the extension the person typed, else gets one', () => {
    expect(withPdfExtension('/home/amina/roster')).toBe('/home/amina/roster.pdf');
    expect(withPdfExtension('/home/amina/Roster.PDF')).toBe('/home/amina/Roster.PDF');
  });
});

describe('the print window’s document', () => {
  let renderer: PdfRenderer;
  const temp = tempDir('native-print-');
  beforeAll(async () => {
    renderer = await openPdfRenderer(findChromium());
  }, 60_000);
  afterAll(async () => {
    await renderer?.close();
    temp.cleanup();
  });

  const pageSize = async (html: string) => {
    const file = join(temp.dir, `${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(file, await renderer.render(html));
    return /Page size:\s+([\d.]+ x [\d.]+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1];
  };

  it('carries the app’s policy, loosened only by its style element’s hash', () => {
    const policy = printWindowPolicy('\nbody { margin: 0; }\n');
    expect(policy).toMatch(
      /^default-src 'self'; script-src 'self'; style-src 'self' 'sha256-[\w+/]+=*'; img-src/,
    );
    expect(policy.replace(/ 'sha256-[^']+'/, '')).toBe(CONTENT_SECURITY_POLICY);
    const html = printWindowHtml(request.document);
    expect(html).toMatch(
      /^<!doctype html>\n<html lang="en" dir="ltr">\n<head>\n<meta http-equiv="Content-Security-Policy" content="default-src/,
    );
  });

  it('prints styled under that policy in Chromium, and unstyled once the style is not the hashed one', async () => {
    // A5 comes from the document's @page rule, so the style sheet applied.
    expect(await pageSize(printWindowHtml(request.document))).toBe('420 x 594.96');
    // The policy is in force: a style element that is not the one hashed is refused (Letter is the default).
    const tampered = printWindowHtml(request.document).replace('<style>\n', '<style>\n/* changed */');
    expect(await pageSize(tampered)).toBe('612 x 792');
  }, 60_000);
});
