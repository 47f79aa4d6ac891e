import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import pixelmatch from 'pixelmatch';
import pngjs from 'pngjs';

const { PNG } = pngjs;

/**
 * Page 1 of a PDF as a PNG, drawn by poppler's pdftoppm at 60 dpi: small enough to commit (an A4
 * page is 496 × 702 pixels), fine enough to show a column, a margin box or a line that moved.
 * The PDF goes in on stdin and the PNG comes out on stdout, so nothing is left on disk.
 */
export function firstPagePng(pdf: Buffer): Buffer {
  return execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-'], {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  });
}

export interface SnapshotOptions {
  /**
   * pixelmatch's colour distance (0 to 1) under which two pixels count as the same. Anti-aliased
   * edges are detected and never counted, whatever this is.
   */
  threshold?: number;
  /** The share of all pixels that may still differ and pass: noise, never a moved line. */
  maxDiffRatio?: number;
  /** Where UPDATE_SNAPSHOTS and CI are read; the helper's own tests pass theirs. */
  env?: Record<string, string | undefined>;
}

export const DEFAULT_THRESHOLD = 0.1;
/**
 * 0.02 %: about 70 pixels of an A4 page at 60 dpi. Measured on the roster: the same page twice
 * differs by 0 pixels, one digit changed by 10, one letter by 109, a cell's padding 0.2 mm larger
 * by 16,915. Noise passes; a changed word or anything that moved fails (the text itself is what
 * pdftotext checks in print.test.ts).
 */
export const DEFAULT_MAX_DIFF_RATIO = 0.0002;

export type SnapshotOutcome =
  | { status: 'matched'; differentPixels: number }
  | { status: 'written'; why: 'update' | 'new' }
  | { status: 'failed'; message: string };

/** `name.png` beside its `name.actual.png` and `name.diff.png` (both gitignored). */
export function snapshotPaths(baseline: string): { baseline: string; actual: string; diff: string } {
  const stem = baseline.replace(/\.png$/, '');
  return { baseline, actual: `${stem}.actual.png`, diff: `${stem}.diff.png` };
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

const UPDATE_HINT =
  'If the change is intended, run the test again with UPDATE_SNAPSHOTS=1 and commit the PNG.';

/**
 * Compares a PNG with the committed baseline. A baseline is written only when asked
 * (UPDATE_SNAPSHOTS=1, and then only where the page no longer matches, so regenerating does not
 * churn files over noise) or when there is none yet outside CI; in CI a missing baseline fails, as
 * a test that writes its own expectation proves nothing. On a mismatch the actual page and a diff
 * (changed pixels in red over a faded baseline) are written beside the baseline.
 */
export function matchPngSnapshot(
  actual: Buffer,
  baselinePath: string,
  options: SnapshotOptions = {},
): SnapshotOutcome {
  const env = options.env ?? process.env;
  const paths = snapshotPaths(baselinePath);
  const shown = (path: string) => relative(process.cwd(), path);
  const update = isSet(env['UPDATE_SNAPSHOTS']);
  const write = (why: 'update' | 'new'): SnapshotOutcome => {
    mkdirSync(dirname(paths.baseline), { recursive: true });
    writeFileSync(paths.baseline, actual);
    clearLeftovers(paths);
    return { status: 'written', why };
  };

  if (!existsSync(paths.baseline)) {
    if (update || !isSet(env['CI'])) return write(update ? 'update' : 'new');
    writeFileSync(paths.actual, actual);
    return {
      status: 'failed',
      message: `No baseline ${shown(paths.baseline)} (this page is in ${shown(paths.actual)}). Run the test with UPDATE_SNAPSHOTS=1 where the page looks right and commit the PNG.`,
    };
  }

  const expected = PNG.sync.read(readFileSync(paths.baseline));
  const got = PNG.sync.read(actual);
  if (expected.width !== got.width || expected.height !== got.height) {
    if (update) return write('update');
    writeFileSync(paths.actual, actual);
    rmSync(paths.diff, { force: true });
    return {
      status: 'failed',
      message: `${shown(paths.baseline)} is ${expected.width}×${expected.height} pixels, this page ${got.width}×${got.height} (the paper or orientation changed); it is in ${shown(paths.actual)}. ${UPDATE_HINT}`,
    };
  }

  const diff = new PNG({ width: got.width, height: got.height });
  const differentPixels = pixelmatch(expected.data, got.data, diff.data, got.width, got.height, {
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
  });
  const ratio = differentPixels / (got.width * got.height);
  const allowed = options.maxDiffRatio ?? DEFAULT_MAX_DIFF_RATIO;
  if (ratio <= allowed) {
    clearLeftovers(paths);
    return { status: 'matched', differentPixels };
  }
  if (update) return write('update');
  writeFileSync(paths.actual, actual);
  writeFileSync(paths.diff, PNG.sync.write(diff));
  return {
    status: 'failed',
    message: `${differentPixels} pixels (${(ratio * 100).toFixed(3)} %, at most ${(allowed * 100).toFixed(3)} % allowed) differ from ${shown(paths.baseline)}. See ${shown(paths.actual)} and, in red, ${shown(paths.diff)}. ${UPDATE_HINT}`,
  };
}

/** A page that matches again leaves no stale actual or diff from an earlier failure. */
function clearLeftovers(paths: { actual: string; diff: string }): void {
  rmSync(paths.actual, { force: true });
  rmSync(paths.diff, { force: true });
}
