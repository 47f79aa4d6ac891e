import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { matchPngSnapshot } from '../helpers/png-snapshot';
import { expect, startServe, test } from './fixtures';

/**
 * Each main screen in Arabic (#15), right to left, as a PNG kept in tests/e2e/__screens__ and
 * compared with pixelmatch on every run: a mirrored layout that comes undone (a column on the
 * wrong side, text running off a cell, a missing glyph) fails. Regenerate with UPDATE_SNAPSHOTS=1
 * and commit the PNGs; in CI a missing one fails.
 *
 * Deterministic: fixed data (no payment, whose receipt prefix is drawn at random), dates far from
 * today, the window's clock fixed, animations and the caret off, a fixed window size, the Noto
 * fonts .ci/run installs, and whatever shows a time of day masked.
 */
function cli(...args: string[]): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`chapterdesk ${args.join(' ')}: ${run.stderr}`);
}

const SCREENS_DIR = join('tests', 'e2e', '__screens__');
/**
 * 0.1 % of a 1280 × 800 window, about 1,000 pixels: text drawn again with other hinting passes;
 * one changed word (some 1,500 pixels) or anything that moved fails.
 */
const MAX_DIFF_RATIO = 0.001;

const chapter = test.extend<{ chapterUrl: string }>({
  chapterUrl: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-e2e-'));
      const db = join(dir, 'chapter.sqlite');
      cli('init', '--db', db, '--name', 'نيروبي', '--country', 'KE', '--currency', 'KES', '--locale', 'ar');
      for (const [first, last, email, number] of [
        ['وانجيرو', 'كاماو', 'wanjiru@example.org', 'A-1'],
        ['أمينة', 'حداد', 'amina@example.org', 'A-2'],
        ['Brian', 'Kiprop', 'brian@example.org', 'A-3'],
      ] as const) {
        cli(
          'members',
          'add',
          '--db',
          db,
          '--first-name',
          first,
          '--last-name',
          last,
          '--email',
          email,
          '--member-number',
          number,
          '--city',
          'Nairobi',
          '--joined-on',
          '2024-03-01',
        );
      }
      cli(
        'events',
        'add',
        '--db',
        db,
        '--title',
        'الجمعية العامة',
        '--kind',
        'agm',
        '--start',
        '2099-06-01T18:00',
        '--end',
        '2099-06-01T21:00',
        '--quorum',
        '2',
      );
      const served = await startServe(db);
      await use(served.url);
      served.process.kill('SIGTERM');
      await new Promise((resolve) => served.process.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
    // Five runs of the CLI, each starting TypeScript, before the app is served: half a minute each
    // on a laptop this busy.
    { timeout: 420_000 },
  ],
});

async function expectScreen(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  const png = await page.screenshot({
    animations: 'disabled',
    caret: 'hide',
    // Times of day and "n minutes ago": when the test ran, not what the screen looks like.
    mask: [page.locator('time'), page.getByTestId('history')],
  });
  const outcome = matchPngSnapshot(png, join(SCREENS_DIR, `${name}.png`), { maxDiffRatio: MAX_DIFF_RATIO });
  if (outcome.status === 'failed') throw new Error(outcome.message);
}

chapter('each main screen in Arabic looks as it did', async ({ chapterUrl, page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.clock.install({ time: new Date('2026-05-04T09:00:00Z') });
  await page.addInitScript(() => localStorage.setItem('chapterdesk.language', 'ar'));
  await page.goto(chapterUrl);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const nav = page.getByRole('navigation').first().getByRole('button');
  const main = page.getByRole('main');

  await expect(page.getByTestId('member-row')).toHaveCount(3);
  await expectScreen(page, 'members');

  await page.getByTestId('member-row').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // The focus ring is the keyboard's; the picture is of the page.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expectScreen(page, 'member');

  const sections = ['members', 'dues', 'events', 'import', 'conflicts', 'settings'] as const;
  for (const [index, name] of sections.entries()) {
    if (name === 'members') continue;
    await nav.nth(index).click();
    await expect(nav.nth(index)).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expectScreen(page, name);
  }

  await nav.nth(2).click();
  await main.getByRole('button', { name: 'الجمعية العامة', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'الجمعية العامة' })).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expectScreen(page, 'event');
});
