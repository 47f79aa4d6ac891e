import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { violations } from './axe';
import { expect, startServe, test } from './fixtures';

/**
 * Every screen and dialog under axe-core (#15), in English and in Arabic (right to left): no
 * serious or critical violation of WCAG 2 A/AA. A chapter with a member, a payment and an event,
 * set up beforehand as `chapterdesk init` does, opened in browser mode.
 */
function cli(...args: string[]): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`chapterdesk ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

const chapter = test.extend<{ chapterUrl: string }>({
  chapterUrl: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-e2e-'));
      const db = join(dir, 'chapter.sqlite');
      cli('init', '--db', db, '--name', 'Nairobi', '--country', 'KE', '--currency', 'KES', '--locale', 'en');
      cli(
        'members',
        'add',
        '--db',
        db,
        '--first-name',
        'Wanjiru',
        '--last-name',
        'Kamau',
        '--email',
        'wanjiru@example.org',
      );
      cli(
        'members',
        'add',
        '--db',
        db,
        '--first-name',
        'Amina',
        '--last-name',
        'Haddad',
        '--phone',
        '+254712345678',
      );
      cli('pay', '--db', db, '--member', 'wanjiru@example.org', '--amount', '1500', '--method', 'cash');
      cli(
        'events',
        'add',
        '--db',
        db,
        '--title',
        'AGM',
        '--kind',
        'agm',
        '--start',
        '2027-06-01T18:00',
        '--end',
        '2027-06-01T21:00',
        '--quorum',
        '10%',
      );
      const served = await startServe(db);
      await use(served.url);
      served.process.kill('SIGTERM');
      await new Promise((resolve) => served.process.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
    // Five command-line runs and a server start: on a loaded CI machine over the default minute.
    { timeout: 180_000 },
  ],
});

for (const language of ['en', 'ar'] as const) {
  chapter(
    `every screen and dialog has no serious accessibility violation (${language})`,
    async ({ chapterUrl, page }) => {
      test.setTimeout(180_000);
      await page.addInitScript((lang) => localStorage.setItem('chapterdesk.language', lang), language);
      await page.goto(chapterUrl);
      const nav = page.getByRole('navigation').first();
      await expect(nav.getByRole('button').first()).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
      const found: string[] = [];
      const sections = await nav.getByRole('button').count();
      for (let i = 0; i < sections; i++) {
        const button = nav.getByRole('button').nth(i);
        const name = (await button.textContent())?.trim() ?? `section ${i}`;
        await button.click();
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        found.push(...(await violations(page, name)));
      }

      // The members list, a member's page, the add-member and record-payment dialogs.
      await nav.getByRole('button').first().click();
      await page.getByTestId('member-row').first().click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      found.push(...(await violations(page, 'member page')));
      await page.keyboard.press('Alt+P');
      await expect(page.getByRole('dialog')).toBeVisible();
      found.push(...(await violations(page, 'record payment dialog')));
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();

      await nav.getByRole('button').first().click();
      await page.getByRole('main').getByRole('button').first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      found.push(...(await violations(page, 'add member dialog')));
      await page.keyboard.press('Escape');

      // An event's page.
      await nav.getByRole('button').nth(2).click();
      await page.getByRole('main').getByText('AGM', { exact: true }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: 'AGM' })).toBeVisible();
      await page.waitForLoadState('networkidle');
      found.push(...(await violations(page, 'event page')));

      expect(found).toEqual([]);
    },
  );
}
