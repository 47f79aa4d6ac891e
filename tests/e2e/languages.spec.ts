import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startServe, test } from './fixtures';

/** The UI in five languages (#15): a Spanish chapter set up beforehand, opened in browser mode. */
function cli(...args: string[]): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`chapterdesk ${args.join(' ')}: ${run.stderr}`);
}

const spanishChapter = test.extend<{ chapterUrl: string }>({
  // eslint-disable-next-line no-empty-pattern
  chapterUrl: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-e2e-'));
    const db = join(dir, 'chapter.sqlite');
    cli('init', '--db', db, '--name', 'Sevilla', '--country', 'ES', '--currency', 'EUR', '--locale', 'es');
    cli('members', 'add', '--db', db, '--first-name', 'Lucía', '--last-name', 'Fernández');
    const served = await startServe(db);
    await use(served.url);
    served.process.kill('SIGTERM');
    await new Promise((resolve) => served.process.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  },
});

const membersHeading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const html = (page: Page) => page.locator('html');

spanishChapter(
  'Arabic lays the app out right to left; Spanish and Portuguese are remembered after a reload',
  async ({ chapterUrl, page }) => {
    // The browser prefers English (en-GB); the chapter's language is Spanish and applies first.
    await page.goto(chapterUrl);
    await expect(membersHeading(page, 'Miembros')).toBeVisible();
    await expect(page.getByText('1 miembro', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(membersHeading(page, 'الأعضاء')).toBeVisible();
    await expect(html(page)).toHaveAttribute('dir', 'rtl');
    await expect(html(page)).toHaveAttribute('lang', 'ar');
    await expect(page.getByText('عضو واحد', { exact: true })).toBeVisible();

    // The header is mirrored: the chapter's name on the right, then the navigation running leftwards.
    const width = page.viewportSize()?.width ?? 0;
    const nav = page.getByRole('navigation', { name: 'الأقسام' });
    const brand = await page.getByRole('banner').getByText('Sevilla').boundingBox();
    const navBox = await nav.boundingBox();
    const first = await nav.getByRole('button', { name: 'الأعضاء' }).boundingBox();
    const last = await nav.getByRole('button', { name: 'الإعدادات' }).boundingBox();
    expect(brand!.x + brand!.width).toBeGreaterThan(width - 200);
    expect(brand!.x).toBeGreaterThan(navBox!.x + navBox!.width - 1);
    expect(first!.x).toBeGreaterThan(last!.x);
    // The table's name column comes first, so on the right too.
    const nameHeader = await page.getByRole('columnheader', { name: 'الاسم' }).boundingBox();
    expect(nameHeader!.x).toBeGreaterThan(width / 2);

    await page.getByRole('button', { name: 'Português' }).click();
    await expect(membersHeading(page, 'Membros')).toBeVisible();
    await expect(html(page)).toHaveAttribute('dir', 'ltr');
    await page.reload();
    await expect(membersHeading(page, 'Membros')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Português' })).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('button', { name: 'Español' }).click();
    await page.reload();
    await expect(membersHeading(page, 'Miembros')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('button', { name: 'العربية' }).click();
    await page.reload();
    await expect(membersHeading(page, 'الأعضاء')).toBeVisible();
    await expect(html(page)).toHaveAttribute('dir', 'rtl');
  },
);

spanishChapter(
  'a stored language the app does not know falls back to the chapter’s',
  async ({ chapterUrl, page }) => {
    await page.addInitScript(() => localStorage.setItem('chapterdesk.language', 'xx'));
    await page.goto(chapterUrl);
    await expect(membersHeading(page, 'Miembros')).toBeVisible();
    await expect(html(page)).toHaveAttribute('dir', 'ltr');
    await expect(html(page)).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');
  },
);

test('before a chapter exists, the first run follows the system locale', async ({ app, browser }) => {
  const context = await browser.newContext({ locale: 'pt-BR' });
  const page = await context.newPage();
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Configure a sua seção' })).toBeVisible();
  await expect(html(page)).toHaveAttribute('lang', 'pt');
  await context.close();
});
