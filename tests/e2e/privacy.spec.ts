import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import type { PersonData } from '../../src/shared/person-data';
import { startServe } from './fixtures';

function cli(...args: string[]): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
}

/**
 * A chapter set up with the CLI (these tests are about members, not the setup form), served in
 * browser mode when the test asks, so that it can first be filled with the CLI.
 */
const test = base.extend<{ chapter: { dbPath: string; serve: () => Promise<string> } }>({
  // eslint-disable-next-line no-empty-pattern
  chapter: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-e2e-'));
    const dbPath = join(dir, 'chapter.sqlite');
    cli(
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
    );
    const running: { served?: Awaited<ReturnType<typeof startServe>> } = {};
    await use({
      dbPath,
      serve: async () => {
        running.served = await startServe(dbPath);
        return running.served.url;
      },
    });
    const child = running.served?.process;
    if (child) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
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
  chapter,
  page,
}) => {
  await openMembers(page, await chapter.serve());
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
  chapter,
  page,
}) => {
  await openMembers(page, await chapter.serve());
  await addMember(page, 'Hélène', 'Dupré', 'helene@example.org');
  await addMember(page, 'Kamau', 'Otieno', 'kamau@example.org');
  await rowOf(page, 'Kamau Otieno').click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete Kamau Otieno' }).click();
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

test('retention lists members lapsed for more than the chosen years and erases them only once confirmed', async ({
  chapter,
  page,
}) => {
  // Five CLI runs fill the chapter first, each a few seconds on a busy machine.
  test.setTimeout(180_000);
  const { dbPath } = chapter;
  cli(
    'members',
    'add',
    '--db',
    dbPath,
    '--first-name',
    'Long',
    '--last-name',
    'Gone',
    '--email',
    'long@example.org',
  );
  cli(
    'members',
    'add',
    '--db',
    dbPath,
    '--first-name',
    'Still',
    '--last-name',
    'Here',
    '--email',
    'still@example.org',
  );
  const old = ['--date', '2015-01-01', '--from', '2015-01-01', '--to', '2015-12-31'];
  cli('pay', '--db', dbPath, '--member', 'long@example.org', '--amount', '30', '--method', 'cash', ...old);
  cli('pay', '--db', dbPath, '--member', 'still@example.org', '--amount', '30', '--method', 'cash');

  await openMembers(page, await chapter.serve());
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByTestId('retention');
  await expect(section.getByLabel('Erase members lapsed for more than (years)')).toHaveValue('');
  await expect(section.getByTestId('retention-list')).toHaveCount(0);

  await section.getByLabel('Erase members lapsed for more than (years)').selectOption('5');
  await section.getByRole('button', { name: 'Save' }).click();
  const list = section.getByTestId('retention-list');
  await expect(list).toContainText('Long Gone');
  await expect(list).toContainText('lapsed since');
  await expect(list).not.toContainText('Still');

  await section.getByRole('button', { name: 'Erase 1 member' }).click();
  await expect(section.getByText('Erase these members for good? This cannot be undone.')).toBeVisible();
  await section.getByRole('button', { name: 'Erase 1 member' }).click();
  await expect(section.getByRole('status')).toHaveText('1 member erased');
  await expect(section.getByText('No member has lapsed for that long.')).toBeVisible();

  await page.getByRole('button', { name: 'Members' }).click();
  await expect(page.getByTestId('member-count')).toHaveText('1 member');
});
