import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startServe, test } from './fixtures';

/**
 * A secretary's first hour (#14): a French chapter set up beforehand, as `chapterdesk init` does,
 * opened in browser mode.
 */
function cli(...args: string[]): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`chapterdesk ${args.join(' ')}: ${run.stderr}`);
}

const frenchChapter = test.extend<{ chapterUrl: string }>({
  // eslint-disable-next-line no-empty-pattern
  chapterUrl: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-e2e-'));
    const db = join(dir, 'chapter.sqlite');
    cli('init', '--db', db, '--name', 'Lyon', '--country', 'FR', '--currency', 'EUR', '--locale', 'fr');
    const add = (first: string, last: string, phone: string) =>
      cli('members', 'add', '--db', db, '--first-name', first, '--last-name', last, '--phone', phone);
    add('Hélène', 'Dupré', '+33612345678');
    add('Wanjiru', 'Kamau', '+254 712 345678');
    add('Paul', 'Martin', 'ask at the bakery');
    const served = await startServe(db);
    await use(served.url);
    served.process.kill('SIGTERM');
    await new Promise((resolve) => served.process.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  },
});

const rowOf = (page: Page, name: string) => page.getByTestId('member-row').filter({ hasText: name });

frenchChapter(
  'the language starts as the chapter’s and a choice on this laptop outlives a reload',
  async ({ chapterUrl, page }) => {
    // The browser prefers English (en-GB); the chapter's language is French and applies first.
    await page.goto(chapterUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Membres' })).toBeVisible();

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('button', { name: 'Français' }).click();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Membres' })).toBeVisible();
  },
);

frenchChapter(
  'phones read one way: national for the chapter’s country, international otherwise',
  async ({ chapterUrl, page }) => {
    await page.goto(chapterUrl);
    await expect(rowOf(page, 'Hélène')).toContainText('06 12 34 56 78');
    await expect(rowOf(page, 'Wanjiru')).toContainText('+254 712 345678');
    // Not a valid number: shown as it was typed.
    await expect(rowOf(page, 'Paul')).toContainText('ask at the bakery');

    await rowOf(page, 'Wanjiru').click();
    await expect(page.getByTestId('member-phone')).toHaveText('+254 712 345678');
    await page.getByRole('navigation').getByRole('button', { name: 'Membres' }).click();
    await rowOf(page, 'Hélène').click();
    await expect(page.getByTestId('member-phone')).toHaveText('06 12 34 56 78');
  },
);

frenchChapter(
  'printing a screen with Ctrl+P leaves out the navigation and the buttons',
  async ({ chapterUrl, page }) => {
    await page.goto(chapterUrl);
    await rowOf(page, 'Hélène').click();
    await expect(page.getByTestId('member-phone')).toBeVisible();
    const banner = page.getByRole('banner');
    const edit = page.getByRole('button', { name: 'Modifier' });
    await expect(banner).toBeVisible();
    await expect(edit).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(banner).toBeHidden();
    await expect(page.getByRole('navigation')).toBeHidden();
    await expect(edit).toBeHidden();
    await expect(page.getByRole('button')).toHaveCount(0);
    // What the screen is about is still on the page.
    await expect(page.getByRole('heading', { level: 1, name: 'Hélène Dupré' })).toBeVisible();
    await expect(page.getByTestId('member-phone')).toHaveText('06 12 34 56 78');

    await page.emulateMedia({ media: 'screen' });
    await expect(edit).toBeVisible();
  },
);

frenchChapter(
  'the laptop refuses an http:// sync server on another machine, and says what to type',
  async ({ chapterUrl, page }) => {
    await page.goto(chapterUrl);
    await page.getByRole('navigation').getByRole('button', { name: 'Paramètres' }).click();
    await page.getByLabel('Adresse du serveur').fill('http://sync.example.org');
    await page.getByLabel('Code d’inscription').fill('ABCD-EFGH-IJKL-MNOP');
    // The form the address is in: the Nearby laptop card has a Connect button of its own.
    await page
      .locator('form', { has: page.getByLabel('Adresse du serveur') })
      .getByRole('button', { name: 'Se connecter', exact: true })
      .click();
    await expect(
      page.getByText(
        'Utilisez https://sync.example.org : http:// est réservé à un serveur sur cet ordinateur',
      ),
    ).toBeVisible();
    await expect(page.getByText('Non connecté à un serveur')).toBeVisible();
  },
);
