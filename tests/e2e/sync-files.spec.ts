import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addMemberNamed, servedLaptops } from './two-laptops';

const settings = (page: Page) => page.getByRole('navigation').getByRole('button', { name: 'Settings' });
const members = (page: Page) => page.getByRole('navigation').getByRole('button', { name: /^Members/ });

test('a sync file carries a new member to another laptop with no server; a damaged one is refused', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const laptops = await servedLaptops(browser, 'files');
  const { dir, a, b } = laptops;
  const pageA = a.page;
  const pageB = b.page;
  try {
    let file = '';
    await test.step('laptop A adds a member and saves its changes to a file', async () => {
      await pageA.goto(a.url);
      await addMemberNamed(pageA, 'Zainab', 'Bello');
      await settings(pageA).click();
      const section = pageA.getByTestId('sync-files');
      const download = pageA.waitForEvent('download');
      await section.getByRole('button', { name: 'Save changes to a file' }).click();
      const saved = await download;
      expect(saved.suggestedFilename()).toMatch(/^chapterdesk-changes-.*\.chapterdesk$/);
      file = join(dir, saved.suggestedFilename());
      await saved.saveAs(file);
      await expect(section.getByRole('status')).toContainText(saved.suggestedFilename());
      // What the file weighs is counted as sent, in the last exchange (by file) and this month.
      await expect(pageA.getByTestId('used-last')).toContainText('by file');
      await expect(pageA.getByTestId('used-this-month')).toContainText(/kB|byte/);
    });

    await test.step('a damaged copy is refused on laptop B, and nothing is applied', async () => {
      const bytes = readFileSync(file);
      const middle = Math.floor(bytes.length / 2);
      bytes[middle] = bytes[middle]! ^ 0xff;
      const damaged = join(dir, 'damaged.chapterdesk');
      writeFileSync(damaged, bytes);
      await pageB.goto(b.url);
      await expect(pageB.getByRole('heading', { name: 'Members' })).toBeVisible();
      await settings(pageB).click();
      await pageB.getByLabel('Load a sync file').setInputFiles(damaged);
      await expect(pageB.getByTestId('sync-files').getByRole('alert')).toContainText('damaged');
      await expect(pageB.getByTestId('sync-file-loaded')).toBeHidden();
      await members(pageB).click();
      await expect(pageB.getByRole('heading', { name: 'Members' })).toBeVisible();
      await expect(pageB.getByTestId('member-row').filter({ hasText: 'Zainab' })).toHaveCount(0);
    });

    await test.step('the file itself loads on laptop B: the member appears, a second load changes nothing', async () => {
      await settings(pageB).click();
      await pageB.getByLabel('Load a sync file').setInputFiles(file);
      const loaded = pageB.getByTestId('sync-file-loaded');
      await expect(loaded).toBeVisible();
      expect(Number(await loaded.getByTestId('sync-file-applied').textContent())).toBeGreaterThan(0);
      await expect(loaded.getByTestId('sync-file-conflicts')).toHaveText('0');
      await pageB.getByLabel('Load a sync file').setInputFiles(file);
      await expect(loaded.getByTestId('sync-file-applied')).toHaveText('0');
      await expect(pageB.getByTestId('used-last')).toContainText('by file');
      await members(pageB).click();
      await expect(pageB.getByTestId('member-row').filter({ hasText: 'Zainab' })).toHaveCount(1);
    });
  } finally {
    await laptops.close();
  }
});

test('a metered connection is kept per laptop, with the bytes counted shown', async ({ app, page }) => {
  test.setTimeout(150_000);
  await page.goto(app.url);
  await page.getByLabel('Chapter name').fill('Lyon');
  await page.getByLabel('Country', { exact: true }).fill('FR');
  await page.getByLabel('Currency', { exact: true }).fill('EUR');
  await page.getByLabel('Your name').fill('Amina');
  await page.getByRole('button', { name: 'Create chapter' }).click();
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
  await settings(page).click();
  const network = page.getByTestId('network');
  await expect(network.getByTestId('used-this-month')).toContainText('0 byte');

  const metered = network.getByRole('checkbox', { name: /metered/ });
  await metered.check();
  await network.getByLabel(/Monthly budget/).fill('0.01');
  await expect(network.getByText('Give a size of at least 0.1 MB.')).toBeVisible();
  await expect(network.getByRole('button', { name: 'Save' })).toBeDisabled();
  await network.getByLabel(/Monthly budget/).fill('50');
  await network.getByRole('button', { name: 'Save' }).click();
  await expect(network.getByRole('status')).toContainText('Connection settings saved.');

  // A saved file counts as bytes sent, this month and since the app started.
  await page.getByTestId('sync-files').getByRole('button', { name: 'Save changes to a file' }).click();
  await expect(network.getByTestId('used-last')).toContainText('by file');

  await page.reload();
  await settings(page).click();
  await expect(metered).toBeChecked();
  await expect(network.getByLabel(/Monthly budget/)).toHaveValue('50');
  // Sent: the file's size; received: nothing.
  await expect(network.getByTestId('used-since-start')).toContainText(/started[1-9]\d* byte0 byte$/);
  await expect(network.getByTestId('used-this-month')).toContainText(/kB|byte/);

  // The two cards pass axe-core as every screen does (WCAG 2 A/AA, nothing serious or critical).
  const result = await new AxeBuilder({ page })
    .include('[data-testid="network"]')
    .include('[data-testid="sync-files"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
});
