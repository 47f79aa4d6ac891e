import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const FIXTURES = 'tests/fixtures/import';

async function setUpChapter(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Set up your chapter' })).toBeVisible();
  await page.getByLabel('Chapter name').fill('Lyon');
  await page.getByLabel('Country', { exact: true }).fill('FR');
  await page.getByLabel('Currency', { exact: true }).fill('EUR');
  await page.getByLabel('Your name').fill('Amina');
  await page.getByRole('button', { name: 'Create chapter' }).click();
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
}

const nav = (page: Page, section: string) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section, exact: true });

async function openImport(page: Page): Promise<void> {
  await nav(page, 'Import').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import members' })).toBeVisible();
}

async function chooseFile(page: Page, name: string): Promise<void> {
  await page.getByLabel('Spreadsheet file').setInputFiles(`${FIXTURES}/${name}`);
}

/** A CSV made by the test itself, for cases that are clearer spelled out next to the assertions. */
async function chooseCsv(page: Page, name: string, lines: string[]): Promise<void> {
  await page
    .getByLabel('Spreadsheet file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
}

/** The commit button is enabled only once a preview has finished. */
const commitButton = (page: Page) => page.getByRole('button', { name: /^Import [\d,]+ members?$/ });

async function preview(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(commitButton(page)).toBeEnabled();
}

async function confirmUndo(page: Page, scope: ReturnType<Page['locator']>, label: string): Promise<void> {
  await scope.getByRole('button', { name: label, exact: true }).click();
  await scope.getByRole('button', { name: 'Yes, undo it' }).click();
}

test('imports a windows-1252 spreadsheet with its accents, exports it, and undoes it', async ({
  app,
  page,
}) => {
  await setUpChapter(page, app.url);
  await openImport(page);
  await chooseFile(page, 'windows-1252-semicolon.csv');

  await expect(page.getByTestId('detected-encoding')).toHaveText('windows-1252');
  await expect(page.getByTestId('detected-delimiter')).toHaveText('Semicolon (;)');
  await expect(page.getByLabel('Import “Nom” as')).toHaveValue('lastName');
  await expect(page.getByLabel('Import “Prénom” as')).toHaveValue('firstName');
  await expect(page.getByLabel('Import “E-mail” as')).toHaveValue('email');
  await expect(page.getByTestId('mapping-warning')).toHaveCount(0);

  await preview(page);
  await expect(page.getByTestId('count-created')).toHaveText('3');
  await expect(page.getByTestId('count-rejected')).toHaveText('0');
  await expect(page.getByTestId('count-possible-duplicates')).toHaveText('0');

  await commitButton(page).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(page.getByTestId('count-created')).toHaveText('3');
  const batch = page.getByTestId('import-batch');
  await expect(batch).toHaveCount(1);
  await expect(batch).toContainText('windows-1252-semicolon.csv');
  await expect(batch).toContainText('Amina');

  await page.getByRole('button', { name: 'Go to the members list' }).click();
  await expect(page.getByTestId('member-count')).toHaveText('3 members');
  await page.getByLabel('Search').fill('helene');
  await expect(page.getByTestId('member-row')).toHaveCount(1);
  await expect(page.getByTestId('member-row')).toContainText('Hélène Dupré');

  // The export follows the search on screen, and carries a BOM so that Excel reads the accents.
  await page.getByRole('button', { name: 'Export' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const exported = readFileSync(await download.path());
  expect([...exported.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(exported.toString('utf8')).toContain('Hélène');
  expect(exported.toString('utf8')).not.toContain('Jürgen');

  await openImport(page);
  await confirmUndo(page, page.getByTestId('import-batch'), 'Undo');
  await expect(page.getByTestId('import-batch')).toContainText('Undone on');
  await nav(page, 'Members').click();
  await page.getByLabel('Search').fill('');
  await expect(page.getByTestId('member-count')).toHaveText('0 members');
});

test('a file with bad rows names them, and held-back duplicates can be kept', async ({ app, page }) => {
  await setUpChapter(page, app.url);
  await openImport(page);
  await chooseFile(page, 'bad-rows.csv');
  await expect(page.getByTestId('detected-encoding')).toHaveText('utf-8');
  await preview(page);

  const rejected = Number(await page.getByTestId('count-rejected').textContent());
  expect(rejected).toBeGreaterThan(0);
  await expect(page.getByTestId('import-problems-error')).toContainText(
    'Row 4, Email: not a valid email address, so no email was imported (“paul@”)',
  );
  // The rows said not to be imported are the rows counted as rejected.
  await expect(page.getByTestId('import-problems-rejected').getByRole('heading')).toHaveText(
    `Not imported: ${rejected} rows`,
  );
  // Row 6 lost both its country and its date, row 7 its phone and its date: each counts once.
  await expect(page.getByTestId('import-problems-error').getByRole('heading')).toHaveText(
    'Imported without these values: 6 rows',
  );
  await expect(page.getByTestId('count-created')).toHaveText('7');
  await expect(page.getByTestId('count-possible-duplicates')).toHaveText('2');
  await expect(page.getByText('2 rows held back.')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download rejected rows' }).click();
  expect((await downloading).suggestedFilename()).toBe('bad-rows-rejected.csv');

  // Keeping a held-back row re-runs the preview, which then counts it as new.
  await page.getByLabel('What to do with row 12').selectOption('keep');
  await expect(page.getByText('1 row held back.')).toBeVisible();
  await expect(page.getByTestId('count-created')).toHaveText('8');
  await expect(commitButton(page)).toHaveText('Import 8 members');

  await commitButton(page).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(page.getByTestId('count-created')).toHaveText('8');
  await confirmUndo(page, page.locator('main'), 'Undo this import');
  await expect(page.getByTestId('import-undone')).toBeVisible();
  await expect(page.getByTestId('import-batch')).toContainText('Undone on');
  await nav(page, 'Members').click();
  await expect(page.getByTestId('member-count')).toHaveText('0 members');
});

test('a damaged workbook is refused with a clear message', async ({ app, page }) => {
  await setUpChapter(page, app.url);
  await openImport(page);
  await chooseFile(page, 'corrupt.xlsx');
  await expect(page.getByRole('alert')).toContainText('damaged');
  await expect(page.getByRole('heading', { name: 'Match the columns' })).toHaveCount(0);

  // The same screen takes a good file straight after.
  await chooseFile(page, 'windows-1252-semicolon.csv');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('detected-encoding')).toHaveText('windows-1252');
});

test('dates written month first are read as the secretary says, and a date that does not fit is named', async ({
  app,
  page,
}) => {
  await setUpChapter(page, app.url);
  await openImport(page);
  // Every joined date fits both orders, so a French chapter would read them day first; the paid
  // dates give themselves away (31 is no month) and are read month first without help.
  await chooseCsv(page, 'us-export.csv', [
    'First name,Last name,Email,Joined,Paid through',
    'Ana,Lima,ana@example.org,03/04/2024,12/31/2024',
    'Marc,Petit,marc@example.org,11/10/2023,06/30/2025',
  ]);
  const joined = page.getByLabel('How “Joined” (Joined on) writes its dates');
  const paid = page.getByLabel('How “Paid through” (Paid through) writes its dates');
  await expect(joined).toHaveValue('');
  await expect(paid).toHaveValue('');
  await preview(page);
  await expect(page.getByTestId('import-problems-error')).toHaveCount(0);
  // Before anyone chooses, each column says which order the import found and why.
  await expect(
    page.getByText(
      'Worked out from the column’s dates: month/day/year. “12/31/2024” is read as 31 December 2024.',
    ),
  ).toBeVisible();
  await expect(
    page.getByText(/fits either order, so the usual order of the chapter’s country is used/),
  ).toBeVisible();

  // The unhappy path: a wrong order leaves dates unread, and says which row and which field.
  await paid.selectOption('dmy');
  const errors = page.getByTestId('import-problems-error');
  const unread = errors.getByTestId('import-problem');
  await expect(unread).toHaveCount(1);
  await expect(unread).toContainText(
    '2 rows, Paid through: does not fit this column, where dates are written day/month/year',
  );
  await unread.locator('summary').click();
  await expect(unread.getByTestId('import-problem-rows').getByRole('listitem')).toHaveText([
    'Row 2: “12/31/2024”',
    'Row 3: “06/30/2025”',
  ]);
  await expect(page.getByText('“12/31/2024” is not a date when read day/month/year.')).toBeVisible();
  await expect(page.getByTestId('error-dateOrder-paidThrough')).toHaveText(
    '2 dates in this column could not be read: see the errors below.',
  );

  await joined.selectOption('mdy');
  await expect(page.getByText('“03/04/2024” is read as 4 March 2024.')).toBeVisible();
  await paid.selectOption('');
  await expect(errors).toHaveCount(0);
  await expect(page.getByTestId('error-dateOrder-paidThrough')).toHaveCount(0);
  await expect(commitButton(page)).toHaveText('Import 2 members');

  await commitButton(page).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await page.getByRole('button', { name: 'Go to the members list' }).click();
  await page.getByTestId('member-row').filter({ hasText: 'Ana Lima' }).click();
  const detail = (label: string) => page.locator('.details__row').filter({ hasText: label });
  await expect(detail('Joined on')).toContainText('4 Mar 2024');
  // The paid-through date brought from the spreadsheet shows in the member's standing.
  await expect(page.getByTestId('member-standing')).toContainText('paid through 31 Dec 2024');
});

test('possible duplicates can all be kept or skipped at once, and changed one by one after', async ({
  app,
  page,
}) => {
  await setUpChapter(page, app.url);
  await openImport(page);
  await chooseFile(page, 'bad-rows.csv');
  await preview(page);
  await expect(page.getByTestId('count-created')).toHaveText('7');
  await expect(page.getByText('2 rows held back.')).toBeVisible();

  await page.getByRole('button', { name: 'Keep all as new members' }).click();
  await expect(page.getByTestId('count-created')).toHaveText('9');
  await expect(page.getByText(/rows? held back/)).toHaveCount(0);
  await expect(page.getByLabel('What to do with row 12')).toHaveValue('keep');

  await page.getByRole('button', { name: 'Skip all', exact: true }).click();
  await expect(page.getByTestId('count-created')).toHaveText('7');
  await expect(page.getByLabel('What to do with row 12')).toHaveValue('skip');

  await page.getByLabel('What to do with row 12').selectOption('keep');
  await expect(page.getByTestId('count-created')).toHaveText('8');
  await expect(commitButton(page)).toHaveText('Import 8 members');
});

test('keeping all possible duplicates covers the ones the preview does not list', async ({ app, page }) => {
  await setUpChapter(page, app.url);
  await openImport(page);
  // 502 pairs: each second row is the first one in capitals without an email, a possible duplicate,
  // two more than the preview lists.
  const letters = (n: number) =>
    [n % 26, Math.floor(n / 26) % 26, Math.floor(n / 676)].map((k) => String.fromCharCode(97 + k)).join('');
  const lines = ['First name,Last name,Email'];
  for (let i = 0; i < 502; i++) {
    const name = `Dupont${letters(i)}`;
    lines.push(`Jean,${name},jean.${letters(i)}@example.org`, `JEAN,${name.toUpperCase()},`);
  }
  await chooseCsv(page, 'twice.csv', lines);
  await preview(page);
  await expect(page.getByTestId('count-possible-duplicates')).toHaveText('502');
  await expect(page.getByTestId('count-created')).toHaveText('502');
  await expect(page.getByTestId('duplicate-row')).toHaveCount(500);
  await expect(
    page.getByText('Only the first 500 of 502 possible duplicates are listed. “Keep all” applies to all 502'),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Keep all 502 as new members' }).click();
  await expect(page.getByTestId('count-created')).toHaveText('1,004');
  await expect(
    page.getByText('All 502 possible duplicates will be imported, apart from the rows you change below.'),
  ).toBeVisible();

  // Still one row at a time: a listed row can be skipped, and the unlisted ones stay kept.
  await page.getByLabel('What to do with row 3', { exact: true }).selectOption('skip');
  await expect(page.getByTestId('count-created')).toHaveText('1,003');
  await expect(commitButton(page)).toHaveText('Import 1,003 members');

  await commitButton(page).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(page.getByTestId('count-created')).toHaveText('1,003');
  await page.getByRole('button', { name: 'Go to the members list' }).click();
  await expect(page.getByTestId('member-count')).toHaveText('1,003 members');
});
