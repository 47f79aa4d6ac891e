import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import type { PersonData } from '../../src/shared/person-data';
import { startServe } from './fixtures';

/** Browser mode on a chapter set up with the CLI: these tests are about members, not the setup form. */
const test = base.extend<{ url: string }>({
  // eslint-disable-next-line no-empty-pattern
  url: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-e2e-'));
    const dbPath = join(dir, 'chapter.sqlite');
    const init = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/index.ts',
        'init',
        '--db',
        dbPath,
        '--name',
        'Lyon',
        '--country',
        'FR',
        '--currency',
        'EUR',
        '--officer',
        'Amina',
      ],
      { encoding: 'utf8' },
    );
    expect(init.status, init.stderr).toBe(0);
    const served = await startServe(dbPath);
    await use(served.url);
    served.process.kill('SIGTERM');
    await new Promise((resolve) => served.process.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  },
});

async function openMembers(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
}

async function addMember(page: Page, firstName: string, lastName: string, email: string): Promise<void> {
  await page.getByRole('button', { name: 'Add member' }).click();
  const form = page.getByRole('dialog', { name: 'Add member' });
  await form.getByLabel('First name').fill(firstName);
  await form.getByLabel('Last name').fill(lastName);
  await form.getByLabel('Email', { exact: true }).fill(email);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

const rowOf = (page: Page, name: string) => page.getByTestId('member-row').filter({ hasText: name });

test('a member’s page saves everything stored about them as a JSON file, and nobody else', async ({
  url,
  page,
}) => {
  await openMembers(page, url);
  await addMember(page, 'Hélène', 'Dupré', 'helene@example.org');
  await addMember(page, 'Kamau', 'Otieno', 'kamau@example.org');
  await rowOf(page, 'Hélène Dupré').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hélène Dupré' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page
    .getByRole('button', { name: 'Save everything stored about Hélène Dupré as a JSON file' })
    .click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^person-data-1-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile((await file.path())!, 'utf8');
  const data = JSON.parse(text) as PersonData;
  expect(data.member).toMatchObject({ first_name: 'Hélène', email: 'helene@example.org' });
  expect(data.history.some((c) => c.column === 'first_name' && c.value === 'Hélène')).toBe(true);
  expect(text).not.toContain('Kamau');

  await page.getByRole('button', { name: 'Print everything stored about Hélène Dupré' }).click();
  const dialog = page.getByRole('dialog', { name: 'Print a person’s data' });
  await expect(dialog).toBeVisible();
  await expect(dialog.frameLocator('iframe').getByRole('heading', { level: 1 })).toContainText(
    'Hélène Dupré',
  );
});

test('a deleted member is shown as deleted, explained, and restored from the deleted view', async ({
  url,
  page,
}) => {
  await openMembers(page, url);
  await addMember(page, 'Hélène', 'Dupré', 'helene@example.org');
  await addMember(page, 'Kamau', 'Otieno', 'kamau@example.org');
  await rowOf(page, 'Kamau Otieno').click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('member-count')).toHaveText('1 member');

  await page.getByLabel('Show deleted members').check();
  await expect(page.getByTestId('deleted-help')).toContainText('Erasing removes');
  await expect(page.getByTestId('member-count')).toHaveText('1 member');
  await expect(rowOf(page, 'Kamau Otieno').getByTestId('deleted-badge')).toHaveText('Deleted');
  await expect(rowOf(page, 'Hélène Dupré')).toHaveCount(0);

  await rowOf(page, 'Kamau Otieno').click();
  await expect(page.getByTestId('deleted-notice')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('deleted-notice')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Delete' })).toBeVisible();
});
