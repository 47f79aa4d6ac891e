import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startFakeUpdateFeed } from '../helpers/update-feed';
import { startServe } from './fixtures';

/**
 * Browser mode follows an update from a feed (CHAPTERDESK_UPDATE_FEED) as the desktop app follows
 * one from the chapter's server: found at start, downloaded in the background until the link drops,
 * resumed from the bytes it kept, ready, and a restart only then and only when asked.
 */
test('an update is found, cut off mid-download, resumed, and restarts only once ready', async ({ page }) => {
  const feed = await startFakeUpdateFeed({ version: '9.9.0', size: 2_000_000 });
  feed.dropNextAfter(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-e2e-updates-'));
  process.env['CHAPTERDESK_UPDATE_FEED'] = feed.url;
  const served = await startServe(join(dir, 'chapter.sqlite')).finally(() => {
    delete process.env['CHAPTERDESK_UPDATE_FEED'];
  });
  try {
    await page.goto(served.url);
    await page.getByLabel('Chapter name').fill('Lyon');
    await page.getByLabel('Country', { exact: true }).fill('FR');
    await page.getByLabel('Currency', { exact: true }).fill('EUR');
    await page.getByLabel('Your name').fill('Amina');
    await page.getByRole('button', { name: 'Create chapter' }).click();
    await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();

    const updates = page.getByTestId('updates');
    await expect(updates.getByText(/This version: \d/)).toBeVisible();
    // Checked at start and downloaded in the background, until the feed cut the connection.
    await expect(updates.getByTestId('update-state')).toContainText('The download was cut off at', {
      timeout: 20_000,
    });
    const bar = updates.getByTestId('update-progress');
    await expect(bar).toHaveAttribute('max', '2000000');
    const kept = Number(await bar.getAttribute('value'));
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(2_000_000);
    await expect(updates.getByRole('button', { name: 'Restart to update' })).toHaveCount(0);
    await expect(page.getByTestId('update-notice')).toHaveCount(0);

    await updates.getByRole('button', { name: 'Resume download' }).click();
    await expect(updates.getByTestId('update-state')).toContainText('Version 9.9.0 is ready', {
      timeout: 20_000,
    });
    await expect(bar).toHaveAttribute('value', '2000000');
    // The second request asked only for what was missing.
    expect(feed.installerRanges).toEqual(['', `bytes=${kept}-`]);

    // A notice, not a dialog: nothing behind it is blocked.
    const notice = page.getByTestId('update-notice');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(notice).toContainText('Version 9.9.0 of ChapterDesk is ready.');
    await notice.getByRole('button', { name: 'Restart to update' }).click();
    await expect(updates.getByTestId('update-state')).toContainText('Restarting to update');
  } finally {
    served.process.kill('SIGTERM');
    await new Promise((resolve) => served.process.once('exit', resolve));
    await feed.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
