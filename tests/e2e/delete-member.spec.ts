import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { startServe } from './fixtures';

function cli(...args: string[]): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
}

/**
 * A chapter of three members made with the CLI, one of them (Amadou Ba) deleted there before the
 * app ever opens: a deletion from an earlier session, long past any Undo.
 */
const test = base.extend<{ url: string }>({
  // eslint-disable-next-line no-empty-pattern
  url: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-e2e-'));
    const db = join(dir, 'chapter.sqlite');
    cli('init', '--db', db, '--name', 'Lyon', '--country', 'FR', '--currency', 'EUR', '--officer', 'Amina');
    for (const [first, last, email] of [
      ['Hélène', 'Dupré', 'helene@example.org'],
      ['Kamau', 'Otieno', 'kamau@example.org'],
      ['Amadou', 'Ba', 'amadou@example.org'],
    ]) {
      cli('members', 'add', '--db', db, '--first-name', first!, '--last-name', last!, '--email', email!);
    }
    cli('members', 'delete', 'amadou@example.org', '--db', db);
    const served = await startServe(db);
    await use(served.url);
    served.process.kill('SIGTERM');
    await new Promise((resolve) => served.process.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  },
});

// Five CLI runs fill the chapter first, each a few seconds on a busy machine.
test.describe.configure({ timeout: 150_000 });

const rowOf = (page: Page, name: string) => page.getByTestId('member-row').filter({ hasText: name });
const membersHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Members' });

async function openMember(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('member-count')).toHaveText('2 members');
  await rowOf(page, name).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
}

/** Tabs from wherever the focus is until the Delete button has it, as a keyboard user would. */
async function tabToDelete(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Delete', exact: true });
  for (let presses = 0; presses < 12; presses += 1) {
    if (await button.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(button).toBeFocused();
}

test('Tab and Enter on a member’s page ask first: Cancel has the focus, so Enter again keeps the member', async ({
  url,
  page,
}) => {
  await openMember(page, url, 'Hélène Dupré');
  await tabToDelete(page);
  await page.keyboard.press('Enter');

  const confirm = page.getByRole('dialog', { name: 'Delete Hélène Dupré?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('restore a deleted member at any time');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(confirm.getByRole('button', { name: 'Delete Hélène Dupré' })).toBeVisible();

  // The second Enter of a stray double press lands on Cancel.
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
  await expect(page.getByTestId('deleted-notice')).toHaveCount(0);

  // Escape is a no as well.
  await page.keyboard.press('Enter');
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();

  await page.getByRole('button', { name: 'Back to members' }).click();
  await expect(page.getByTestId('member-count')).toHaveText('2 members');
  await expect(rowOf(page, 'Hélène Dupré')).toBeVisible();
});

test('confirmed, the member is deleted: the toast names them, the list has the focus, and Undo waits while pointed at', async ({
  url,
  page,
}) => {
  await openMember(page, url, 'Hélène Dupré');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Delete Hélène Dupré?' })
    .getByRole('button', { name: 'Delete Hélène Dupré' })
    .click();

  await expect(membersHeading(page)).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Hélène Dupré deleted' })).toBeVisible();
  await expect(page.getByTestId('member-count')).toHaveText('1 member');
  await expect(rowOf(page, 'Hélène Dupré')).toHaveCount(0);

  // Someone reaching for Undo keeps it: the toast stays past its ten seconds while under the pointer.
  const undo = page.getByTestId('undo');
  await undo.hover();
  await page.waitForTimeout(11_000);
  await expect(undo).toBeVisible();
  await undo.click();
  await expect(page.getByRole('status').filter({ hasText: 'Hélène Dupré restored' })).toBeVisible();
  await expect(page.getByTestId('member-count')).toHaveText('2 members');
  await expect(rowOf(page, 'Hélène Dupré')).toBeVisible();
});

test('once Undo is gone, Show deleted members lists everyone deleted, this session or long before, and restores them', async ({
  url,
  page,
}) => {
  await openMember(page, url, 'Kamau Otieno');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Delete Kamau Otieno?' })
    .getByRole('button', { name: 'Delete Kamau Otieno' })
    .click();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('undo')).toHaveCount(0);
  // A new session: nothing of the Undo survives a reload.
  await page.reload();
  await expect(page.getByTestId('member-count')).toHaveText('1 member');

  await page.getByLabel('Show deleted members').check();
  await expect(page.getByTestId('member-count')).toHaveText('2 members');
  await expect(rowOf(page, 'Kamau Otieno').getByTestId('deleted-badge')).toBeVisible();
  await expect(rowOf(page, 'Amadou Ba').getByTestId('deleted-badge')).toBeVisible();
  await expect(rowOf(page, 'Hélène Dupré')).toHaveCount(0);

  await rowOf(page, 'Amadou Ba').click();
  await expect(page.getByTestId('deleted-notice')).toBeVisible();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('deleted-notice')).toBeHidden();
  await page.getByRole('button', { name: 'Back to members' }).click();
  await expect(page.getByTestId('member-count')).toHaveText('1 member');
  await expect(rowOf(page, 'Kamau Otieno')).toBeVisible();

  await page.getByLabel('Show deleted members').uncheck();
  await expect(page.getByTestId('member-count')).toHaveText('2 members');
  await expect(rowOf(page, 'Amadou Ba')).toBeVisible();
  await expect(rowOf(page, 'Amadou Ba').getByTestId('deleted-badge')).toHaveCount(0);
});
