import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base } from '@playwright/test';
import { startServe } from './fixtures';

/** Browser mode on a chapter set up with the CLI, with the file's path to read its bytes. */
const test = base.extend<{ app: { url: string; dbPath: string } }>({
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
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
    await use({ url: served.url, dbPath });
    served.process.kill('SIGTERM');
    await new Promise((resolve) => served.process.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  },
});

const EMAIL = 'zawadiya.erasova@example.org';

test('Erase… asks first, naming the person, then erases them for good and goes back to the list', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
  await page.getByRole('button', { name: 'Add member' }).click();
  const form = page.getByRole('dialog', { name: 'Add member' });
  await form.getByLabel('First name').fill('Zawadiya');
  await form.getByLabel('Last name').fill('Erasova');
  await form.getByLabel('Email', { exact: true }).fill(EMAIL);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await page.getByTestId('member-row').filter({ hasText: 'Zawadiya Erasova' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zawadiya Erasova' })).toBeVisible();

  // Cancel keeps everything.
  await page.getByRole('button', { name: 'Erase…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase Zawadiya Erasova for good?' });
  await expect(dialog).toContainText('This cannot be undone.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Zawadiya Erasova' })).toBeVisible();

  await page.getByRole('button', { name: 'Erase…' }).click();
  await page
    .getByRole('dialog', { name: 'Erase Zawadiya Erasova for good?' })
    .getByRole('button', { name: 'Erase Zawadiya Erasova for good' })
    .click();
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
  await expect(page.getByText('Zawadiya Erasova has been erased')).toBeVisible();
  await expect(page.getByTestId('member-row')).toHaveCount(0);
  for (const file of [app.dbPath, `${app.dbPath}-wal`]) {
    if (existsSync(file)) expect(readFileSync(file).includes(EMAIL), file).toBe(false);
  }
});
