import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pngjs from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/chapter';
import { matchPngSnapshot, snapshotPaths } from '../helpers/png-snapshot';

const { PNG } = pngjs;

/** A white 100 × 100 image with `dark` pixels of the first row black. */
function image(dark: number, size = 100): Buffer {
  const png = new PNG({ width: size, height: size });
  png.data.fill(255);
  for (let i = 0; i < dark; i++) png.data.fill(0, i * 4, i * 4 + 3);
  return PNG.sync.write(png);
}

let temp: ReturnType<typeof tempDir>;
let baseline: string;
beforeEach(() => {
  temp = tempDir('png-snapshot-');
  baseline = join(temp.dir, 'page.png');
});
afterEach(() => temp.cleanup());

const local = { env: {} };
const ci = { env: { CI: 'true' } };
const update = { env: { CI: 'true', UPDATE_SNAPSHOTS: '1' } };

describe('matchPngSnapshot', () => {
  it('passes within the allowed share of different pixels and leaves no actual or diff behind', () => {
    writeFileSync(baseline, image(0));
    const paths = snapshotPaths(baseline);
    writeFileSync(paths.actual, 'stale');
    writeFileSync(paths.diff, 'stale');
    // 10,000 pixels: 2 are within 0.02 %.
    expect(matchPngSnapshot(image(2), baseline, ci)).toEqual({ status: 'matched', differentPixels: 2 });
    expect(existsSync(paths.actual)).toBe(false);
    expect(existsSync(paths.diff)).toBe(false);
  });

  it('fails past it, naming the files, and writes the actual page and a diff beside the baseline', () => {
    writeFileSync(baseline, image(0));
    const outcome = matchPngSnapshot(image(30), baseline, ci);
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.message).toMatch(
      /^30 pixels \(0\.300 %, at most 0\.020 % allowed\) differ from .*page\.png\. See .*page\.actual\.png and, in red, .*page\.diff\.png\. .*UPDATE_SNAPSHOTS=1/,
    );
    const paths = snapshotPaths(baseline);
    expect(readFileSync(paths.actual)).toEqual(image(30));
    const diff = PNG.sync.read(readFileSync(paths.diff));
    expect([...diff.data.subarray(0, 4)]).toEqual([255, 0, 0, 255]);
    // The baseline is never touched by a failure.
    expect(readFileSync(baseline)).toEqual(image(0));
  });

  it('fails on a page of another size without comparing pixels', () => {
    writeFileSync(baseline, image(0));
    const outcome = matchPngSnapshot(image(0, 120), baseline, ci);
    expect(outcome.status === 'failed' && outcome.message).toMatch(/is 100×100 pixels, this page 120×120/);
    expect(existsSync(snapshotPaths(baseline).diff)).toBe(false);
  });

  it('fails on a missing baseline in CI, and writes one elsewhere', () => {
    const outcome = matchPngSnapshot(image(0), baseline, ci);
    expect(outcome.status === 'failed' && outcome.message).toMatch(/^No baseline .*page\.png/);
    expect(existsSync(baseline)).toBe(false);
    expect(existsSync(snapshotPaths(baseline).actual)).toBe(true);

    expect(matchPngSnapshot(image(0), baseline, local)).toEqual({ status: 'written', why: 'new' });
    expect(readFileSync(baseline)).toEqual(image(0));
    expect(existsSync(snapshotPaths(baseline).actual)).toBe(false);
  });

  it('with UPDATE_SNAPSHOTS rewrites a baseline that no longer matches, and only that', () => {
    writeFileSync(baseline, image(0));
    expect(matchPngSnapshot(image(1), baseline, update).status).toBe('matched');
    expect(readFileSync(baseline)).toEqual(image(0));
    expect(matchPngSnapshot(image(30), baseline, update)).toEqual({ status: 'written', why: 'update' });
    expect(readFileSync(baseline)).toEqual(image(30));
    expect(matchPngSnapshot(image(0, 120), baseline, update)).toEqual({ status: 'written', why: 'update' });
  });

  it('reads CI=0 and CI=false as not CI', () => {
    expect(matchPngSnapshot(image(0), baseline, { env: { CI: 'false' } }).status).toBe('written');
  });
});
