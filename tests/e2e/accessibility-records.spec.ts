import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { violationCollector } from './axe';
import { expect, startServe, test } from './fixtures';
import { twoLaptops } from './two-laptops';

/**
 * axe-core (#15) on what accessibility.spec.ts and accessibility-states.spec.ts do not reach, in
 * English and in Arabic: the conflicts screen holding a real conflict (two laptops edited one
 * member's city apart and met through sync files), voiding a payment, erasing a member, importing
 * an event's registrations up to its preview, and the confirmation before a backup is restored.
 * No serious or critical WCAG 2 A/AA violation on any of them.
 */
async function cli(...args: string[]): Promise<void> {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args]);
}

/** The words the steps look for (copied from the catalogues, which the e2e build does not compile). */
const WORDS = {
  en: {
    conflicts: 'Conflicts',
    members: 'Members',
    events: 'Events',
    settings: 'Settings',
    voidReceipt: /^Void receipt /,
    erase: 'Erase…',
    importRegistrations: 'Import registrations…',
    restoreFrom: 'Restore from backup…',
    restoreFile: 'Or restore a file saved elsewhere',
  },
  ar: {
    conflicts: 'التعارضات',
    members: 'الأعضاء',
    events: 'الفعاليات',
    settings: 'الإعدادات',
    voidReceipt: /^إلغاء الإيصال /,
    erase: 'محو…',
    importRegistrations: 'استيراد التسجيلات…',
    restoreFrom: 'الاستعادة من نسخة احتياطية…',
    restoreFile: 'أو استعادة ملف محفوظ في مكان آخر',
  },
} as const;

const chapter = test.extend<{ laptop: { url: string; backup: string } }>({
  laptop: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-e2e-'));
      const { a, b } = await twoLaptops(dir);
      const first = join(dir, 'first.chapterdesk');
      const second = join(dir, 'second.chapterdesk');
      const email = 'helene@example.org';
      await cli(
        'members',
        'add',
        '--db',
        a,
        '--first-name',
        'Hélène',
        '--last-name',
        'Dupré',
        '--email',
        email,
      );
      await cli('sync', 'export', '--db', a, '--out', first);
      await cli('sync', 'import', first, '--db', b);
      // Edited apart, the later edit (on laptop A) wins on B, which keeps its own value as a conflict.
      await cli('members', 'update', email, '--db', b, '--city', 'Villeurbanne');
      await cli('members', 'update', email, '--db', a, '--city', 'Vénissieux');
      await cli('sync', 'export', '--db', a, '--out', second);
      await cli('sync', 'import', second, '--db', b);
      await cli('pay', '--db', b, '--member', email, '--amount', '20', '--method', 'cash');
      await cli(
        'events',
        'add',
        '--db',
        b,
        '--title',
        'AGM',
        '--kind',
        'agm',
        '--start',
        '2027-06-01T18:00',
        '--end',
        '2027-06-01T21:00',
      );
      const backup = join(dir, 'backup.sqlite');
      await cli('backup', '--db', b, '--out', backup);
      const served = await startServe(b);
      await use({ url: served.url, backup });
      served.process.kill('SIGTERM');
      await new Promise((resolve) => served.process.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
    // A sync server, two laptops and a dozen runs of the CLI, each starting TypeScript.
    { timeout: 600_000 },
  ],
});

for (const language of ['en', 'ar'] as const) {
  chapter(
    `conflicts, void, erase, registration import and restore have no serious accessibility violation (${language})`,
    async ({ laptop, page }) => {
      test.setTimeout(480_000);
      const w = WORDS[language];
      await page.addInitScript((lang) => localStorage.setItem('chapterdesk.language', lang), language);
      await page.goto(laptop.url);
      const nav = page.getByRole('navigation').first();
      const main = page.getByRole('main');
      const dialog = page.getByRole('dialog');
      await expect(page.getByTestId('member-row')).toHaveCount(1);
      const { found, check } = violationCollector(page);

      // The conflicts screen with the city the two laptops disagreed on.
      await nav.getByRole('button', { name: w.conflicts }).click();
      const conflict = page.getByTestId('conflict');
      await expect(conflict).toHaveCount(1);
      await expect(conflict.getByTestId('conflict-kept')).toHaveText('Vénissieux');
      await expect(conflict.getByTestId('conflict-lost')).toHaveText('Villeurbanne');
      await check('conflicts screen with a conflict');

      // The member's page: void her payment, then erase her (both dialogs left with Escape).
      await nav.getByRole('button', { name: w.members, exact: true }).click();
      await page.getByTestId('member-row').first().click();
      await main.getByRole('button', { name: w.voidReceipt }).click();
      await expect(dialog).toBeVisible();
      await check('void payment dialog');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await main.getByRole('button', { name: w.erase, exact: true }).click();
      await expect(dialog).toBeVisible();
      await check('erase dialog');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // An event's registrations imported from a file, up to the preview.
      await nav.getByRole('button', { name: w.events, exact: true }).click();
      await main.getByRole('button', { name: 'AGM', exact: true }).click();
      await main.getByRole('button', { name: w.importRegistrations, exact: true }).click();
      await expect(dialog).toBeVisible();
      await check('registration import dialog');
      await dialog.locator('input[type="file"]').setInputFiles({
        name: 'registrations.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Name,Email\nHélène Dupré,helene@example.org\nNadia Benali,nadia@example.org\n'),
      });
      await expect(page.getByTestId('registrations-preview')).toBeVisible({ timeout: 60_000 });
      await check('registration import preview');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // Settings: the confirmation before a backup file replaces the chapter.
      await nav.getByRole('button', { name: w.settings, exact: true }).click();
      const backups = page.getByTestId('backups');
      await backups.getByRole('button', { name: w.restoreFrom, exact: true }).click();
      await backups.getByLabel(w.restoreFile).setInputFiles({
        name: 'backup.sqlite',
        mimeType: 'application/vnd.sqlite3',
        buffer: readFileSync(laptop.backup),
      });
      await expect(backups.getByRole('alertdialog')).toBeVisible();
      await check('restore confirmation');

      expect(found).toEqual([]);
    },
  );
}
