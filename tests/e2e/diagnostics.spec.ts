import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServe } from './fixtures';

function cli(...args: string[]): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
}

test('Settings exports diagnostics as a download with counts and the log, and no member’s name, email or phone', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-e2e-'));
  const dbPath = join(dir, 'chapter.sqlite');
  cli('init', '--db', dbPath, '--name', 'Lyon', '--country', 'FR', '--currency', 'EUR', '--officer', 'Amina');
  cli(
    ...['members', 'add', '--db', dbPath, '--first-name', 'Ngozi', '--last-name', 'Okonkwo'],
    ...['--email', 'ngozi.okonkwo@example.org', '--phone', '+33 6 98 76 54 32'],
  );
  const served = await startServe(dbPath);
  try {
    await page.goto(served.url);
    await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const section = page.getByTestId('diagnostics');
    await expect(section.getByRole('heading', { name: 'Help from support' })).toBeVisible();

    const downloading = page.waitForEvent('download');
    await section.getByRole('button', { name: 'Export diagnostics' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^chapterdesk-diagnostics-.*Z\.json$/);
    await expect(section.getByRole('status')).toContainText(
      `Diagnostics saved as ${download.suggestedFilename()}`,
    );
    const saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const text = readFileSync(saved, 'utf8');
    const report = JSON.parse(text) as { tables: Record<string, number>; log: { event: string }[] };
    expect(report.tables['members']).toBe(1);
    expect(report.log.map((line) => line.event)).toContain('start');
    for (const personal of ['Ngozi', 'Okonkwo', 'ngozi.okonkwo', '+33698765432', '98 76 54 32', '698765432'])
      expect(text).not.toContain(personal);
  } finally {
    served.process.kill('SIGTERM');
    await new Promise((resolve) => served.process.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});
