import { spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { startServe } from './fixtures';

function cli(...args: string[]): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/**
 * A chapter set up with the command line, with two members imported from a file (the import leaves
 * an automatic backup of the chapter before it), served in browser mode when the test asks.
 */
const test = base.extend<{ chapter: { dir: string; dbPath: string; serve: () => Promise<string> } }>({
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
    cli('members', 'add', '--db', dbPath, '--first-name', 'Awa', '--last-name', 'Diallo');
    const csv = join(dir, 'members.csv');
    writeFileSync(csv, 'First name,Last name\nBinta,Sow\nChidi,Okafor\n');
    cli('import', csv, '--db', dbPath);
    const running: { served?: Awaited<ReturnType<typeof startServe>> } = {};
    await use({
      dir,
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

async function openSettings(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible();
}

/** The members list's rows, by the text each shows (first name, last name…). */
async function memberRows(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Members' }).click();
  await expect(page.getByTestId('member-row').first()).toBeVisible();
  return page.getByTestId('member-row');
}

test('Settings saves a backup as a download and restores it from a file, asking before it loses unsynced changes', async ({
  chapter,
  page,
}) => {
  await openSettings(page, await chapter.serve());
  const section = page.getByTestId('backups');
  const downloading = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Save a backup as…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^chapterdesk-backup-.*\.sqlite$/);
  const saved = join(chapter.dir, download.suggestedFilename());
  await download.saveAs(saved);
  expect(readFileSync(saved).subarray(0, 15).toString()).toBe('SQLite format 3');
  await expect(section.getByRole('status')).toContainText('Keep it somewhere other than this laptop');

  // A member added after the backup, never synced (this chapter has no server).
  await page.getByRole('navigation').getByRole('button', { name: 'Members' }).click();
  await page.getByRole('button', { name: 'Add member' }).click();
  const form = page.getByRole('dialog', { name: 'Add member' });
  await form.getByLabel('First name').fill('Dior');
  await form.getByLabel('Last name').fill('Ndiaye');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();

  await section.getByRole('button', { name: 'Restore from backup…' }).click();
  await section.getByLabel('Or restore a file saved elsewhere').setInputFiles(saved);
  const confirm = section.getByRole('alertdialog');
  await expect(confirm.getByRole('heading')).toHaveText(`Restore ${download.suggestedFilename()}?`);
  // Cancel has the focus: Enter alone never replaces the chapter.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(confirm.getByRole('heading')).toHaveText('Changes would be lost');
  await expect(confirm).toContainText(
    '1 change made on this laptop has not reached the sync server and is not in this backup',
  );
  await confirm.getByRole('button', { name: 'Restore anyway' }).click();
  await expect(section.getByRole('status')).toHaveText(`Restored ${download.suggestedFilename()}.`);
  const rows = await memberRows(page);
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Ndiaye' })).toHaveCount(0);
});

test('Settings lists the automatic backups and restores the one made before an import', async ({
  chapter,
  page,
}) => {
  await openSettings(page, await chapter.serve());
  await expect(await memberRows(page)).toHaveCount(3);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  const section = page.getByTestId('backups');
  await section.getByRole('button', { name: 'Restore from backup…' }).click();
  const entry = section
    .getByTestId('backup-list')
    .getByRole('listitem')
    .filter({ hasText: 'before an import' });
  await expect(entry).toHaveCount(1);
  await entry.getByRole('button', { name: /^Restore the backup of / }).click();
  const confirm = section.getByRole('alertdialog');
  await expect(confirm.getByRole('heading')).toHaveText(/^Restore the backup of .+\?$/);
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  // The import's two members were never synced: the secretary is asked again.
  await expect(confirm).toContainText('2 changes made on this laptop have not reached the sync server');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(await memberRows(page)).toHaveCount(3);

  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await section.getByRole('button', { name: 'Restore from backup…' }).click();
  await entry.getByRole('button', { name: /^Restore the backup of / }).click();
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  await confirm.getByRole('button', { name: 'Restore anyway' }).click();
  await expect(section.getByRole('status')).toHaveText(/^Restored the backup of /);
  const rows = await memberRows(page);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Diallo');
});

test('a damaged chapter file opens on the recovery screen, which restores the newest good backup', async ({
  chapter,
  page,
}) => {
  // Cut short: the end of the file is gone, as after a disk fault or a copy interrupted.
  truncateSync(chapter.dbPath, statSync(chapter.dbPath).size - 4096 * 4);
  const damagedSize = statSync(chapter.dbPath).size;
  await page.goto(await chapter.serve());
  const screen = page.getByTestId('recovery');
  await expect(screen.getByRole('heading', { name: 'The chapter file is damaged' })).toBeVisible();
  await expect(screen).toContainText(/The newest backup that is sound was made .+ \(before an import\)\./);
  await screen.getByRole('button', { name: 'Restore this backup' }).click();
  await screen.getByRole('alertdialog').getByRole('button', { name: 'Restore', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
  const rows = await memberRows(page);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Diallo');
  // The damaged file was kept beside the chapter, as it was.
  const kept = readdirSync(chapter.dir).find((name) => name.startsWith('chapter.sqlite.damaged-'));
  expect(kept).toBeDefined();
  expect(statSync(join(chapter.dir, kept!)).size).toBe(damagedSize);
});
