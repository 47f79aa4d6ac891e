import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { AppError } from '../../shared/errors';

/** Where Chromium and Chrome usually live on Linux, macOS and Windows. */
const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/**
 * The Chromium to print with: the one named, else $CHROMIUM_PATH, else the first usual install.
 * Never a browser download: the app prints with what the machine has and says so when it has none.
 */
export function findChromium(explicit?: string): string {
  // A path the person gave (the flag, else the variable) is the only one tried: printing with
  // another browser would hide a typo.
  const given = explicit || process.env['CHROMIUM_PATH'];
  const found = (given ? [given] : USUAL_PATHS).find((path) => existsSync(path));
  if (!found) {
    throw new AppError(
      'NOT_FOUND',
      given
        ? `No Chromium at ${given}${explicit ? '' : ' (CHROMIUM_PATH)'}.`
        : 'No Chromium or Chrome was found to print with. Install Chromium (Debian: apt-get install chromium), or give its path with --chromium PATH or CHROMIUM_PATH.',
    );
  }
  return found;
}

/** Playwright's launch failure as one sentence: its first line, without the launch log after it. */
function launchProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).replace(/^browserType\.launch:\s*/, '').trim();
}

export interface PdfRenderer {
  render(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * A headless Chromium that turns documents into PDF. The page size, margins and the page number
 * boxes come from the document's own `@page` rules, so the PDF is what the preview and the paper
 * show. Network is off: a document is self-contained.
 */
export async function openPdfRenderer(chromiumPath: string): Promise<PdfRenderer> {
  const browser = await chromium
    .launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    .catch((error: unknown) => {
      throw new AppError('UNREACHABLE', `Chromium at ${chromiumPath} did not start: ${launchProblem(error)}`);
    });
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  // One page for every document, one document at a time: each new tab costs this Chromium about
  // 1.7 s of start-up work (bench/print), more than printing a 1,000-member roster.
  const page = await context.newPage();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    render(html) {
      const job = queue.then(async () => {
        await page.setContent(html, { waitUntil: 'load' });
        return page.pdf({ preferCSSPageSize: true, printBackground: true });
      });
      queue = job.catch(() => undefined);
      return job;
    },
    close: () => browser.close(),
  };
}
