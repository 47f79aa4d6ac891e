import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** A chapter set up in English: its types are Individual, Student, Honorary and Lifetime. */
async function setUpChapter(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Set up your chapter' })).toBeVisible();
  await page.getByLabel('Chapter name').fill('Dakar');
  await page.getByLabel('Country', { exact: true }).fill('SN');
  await page.getByLabel('Currency', { exact: true }).fill('XOF');
  await page.getByLabel('Your name').fill('Amina');
  await page.getByRole('button', { name: 'Create chapter' }).click();
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
}

const nav = (page: Page, section: string) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section, exact: true });

async function chooseCsv(page: Page, name: string, lines: string[]): Promise<void> {
  await nav(page, 'Import').click();
  await page
    .getByLabel('Spreadsheet file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
}

const commitButton = (page: Page) => page.getByRole('button', { name: /^Import [\d,]+ members?$/ });

async function preview(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(commitButton(page)).toBeEnabled();
}

/** The type a category of the file is given, as its select shows it. */
const typeFor = (page: Page, value: string): Locator =>
  page.getByLabel(`Membership type for “${value}”`).locator('option:checked');

/** A French secretary's spreadsheet: "Individuel", "Étudiant", "Honoraire", and one category the chapter lacks. */
const FRENCH_FILE = [
  'Prénom,Nom,Courriel,Catégorie',
  'Awa,Diallo,awa@example.org,Individuel',
  'Moussa,Ndiaye,moussa@example.org,Étudiant',
  'Fatou,Sow,fatou@example.org,Organization',
  'Omar,Kane,omar@example.org,Organization',
  'Aïssa,Ba,aissa@example.org,Honoraire',
  'Ibrahima,Fall,ibrahima@example.org,étudiant',
];

test('a file’s French categories find the chapter’s types, and the missing one is created on the spot', async ({
  app,
  page,
}) => {
  await setUpChapter(page, app.url);
  await chooseCsv(page, 'membres.csv', FRENCH_FILE);
  await expect(page.getByLabel('Import “Catégorie” as')).toHaveValue('membershipType');
  await preview(page);

  const types = page.getByTestId('import-types');
  await expect(types).toContainText('Each value of the column “Catégorie”');
  await expect(typeFor(page, 'Étudiant')).toHaveText('Student');
  await expect(typeFor(page, 'Individuel')).toHaveText('Individual');
  await expect(typeFor(page, 'Honoraire')).toHaveText('Honorary');
  await expect(typeFor(page, 'Organization')).toHaveText('No type');
  await expect(types.getByTestId('import-type-value').filter({ hasText: 'Étudiant' })).toContainText(
    'Found by its name.',
  );

  // The rows of the missing category are one message naming their rows.
  const missing = page.getByTestId('import-problems-error').getByTestId('import-problem');
  await expect(missing).toHaveCount(1);
  await expect(missing).toContainText(
    '2 rows, Membership type (column “Catégorie”): no membership type called “Organization”',
  );
  await missing.locator('summary').click();
  await expect(missing.getByTestId('import-problem-rows').getByRole('listitem')).toHaveText([
    'Row 4: “Organization”',
    'Row 5: “Organization”',
  ]);

  // "Create it": the type's dialog opens named as the file names it, of the kind the name says.
  await missing.getByRole('button', { name: 'Create “Organization”…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a membership type' });
  await expect(dialog.getByLabel('Name')).toHaveValue('Organization');
  await expect(dialog.getByLabel('Kind')).toHaveValue('organisation');
  await dialog.getByLabel('Fee').fill('20000');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(typeFor(page, 'Organization')).toHaveText('Organization');
  await expect(page.getByTestId('import-problems-error')).toHaveCount(0);

  await commitButton(page).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await page.getByRole('button', { name: 'Go to the members list' }).click();
  await page.getByLabel('Membership type', { exact: true }).selectOption({ label: 'Organization' });
  await expect(page.getByTestId('member-row')).toHaveCount(2);
  await page.getByLabel('Membership type', { exact: true }).selectOption({ label: 'Student' });
  await expect(page.getByTestId('member-row')).toHaveCount(2);
  await expect(page.getByTestId('member-row').first()).toContainText(/Moussa Ndiaye|Ibrahima Fall/);

  // The next file with the same categories needs no choosing.
  await chooseCsv(page, 'encore.csv', [
    'Nom complet,Courriel,Catégorie',
    'Amadou Sy,amadou@example.org,ORGANIZATION',
  ]);
  await preview(page);
  await expect(typeFor(page, 'ORGANIZATION')).toHaveText('Organization');
  await expect(page.getByTestId('import-problems-error')).toHaveCount(0);
});

test('a retired type is kept by its members, offered to no one new, and can be brought back', async ({
  app,
  page,
}) => {
  await setUpChapter(page, app.url);
  await page.getByRole('button', { name: 'Add member' }).click();
  const form = page.getByRole('dialog', { name: 'Add member' });
  await form.getByLabel('First name').fill('Moussa');
  await form.getByLabel('Membership type').selectOption({ label: 'Student' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);

  await nav(page, 'Settings').click();
  await page.getByRole('button', { name: 'Retire Student' }).click();
  await expect(page.getByText('Membership type “Student” retired')).toBeVisible();
  const student = page.getByTestId('membership-type').filter({ hasText: 'Student' });
  await expect(student.getByTestId('type-retired')).toHaveText('Retired');

  // Moussa keeps it; a new member is not offered it.
  await nav(page, 'Members').click();
  await expect(page.getByTestId('member-row').filter({ hasText: 'Moussa' })).toContainText('Student');
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(form.getByLabel('Membership type').locator('option')).toHaveText([
    'No membership type',
    'Individual',
    'Honorary',
    'Lifetime',
  ]);
  await form.getByRole('button', { name: 'Cancel' }).click();

  // An import does not give it: the category says it is retired, and no select offers it.
  await chooseCsv(page, 'membres.csv', FRENCH_FILE);
  await preview(page);
  await expect(typeFor(page, 'Étudiant')).toHaveText('No type');
  await expect(page.getByTestId('import-type-value').filter({ hasText: 'Étudiant' })).toContainText(
    '“Student” is retired: choose another type, or bring it back in Settings.',
  );
  await expect(
    page.getByLabel('Membership type for “Étudiant”').locator('option', { hasText: 'Student' }),
  ).toHaveCount(0);
  await expect(page.getByTestId('import-problems-error')).toContainText(
    '2 rows, Membership type (column “Catégorie”): “Étudiant” is the retired membership type “Student”',
  );

  await nav(page, 'Settings').click();
  await page.getByRole('button', { name: 'Bring back Student' }).click();
  await expect(student.getByTestId('type-retired')).toHaveCount(0);
});

test('a file with column names and no rows says so, and offers nothing to import', async ({ app, page }) => {
  await setUpChapter(page, app.url);
  await chooseCsv(page, 'vide.csv', ['Prénom,Nom,Courriel,Catégorie']);
  await expect(page.getByTestId('import-no-rows')).toHaveText('The file has column names but no rows.');
  await expect(page.getByRole('heading', { name: 'Match the columns' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Preview the import' })).toHaveCount(0);
});
