import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Issue #14, item 12: the chapter's own member fields, from Settings to the member's page. */

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

async function addField(page: Page, label: string, kind: string, choices?: string[]): Promise<void> {
  const section = page.getByRole('region', { name: 'Member fields of your own' });
  await section.getByRole('button', { name: 'Add a field' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a member field' });
  await dialog.getByLabel('Name').fill(label);
  await dialog.getByLabel('Kind').selectOption({ label: kind });
  if (choices) await dialog.getByLabel('Choices').fill(choices.join('\n'));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole('status')).toHaveText(`Saved the field “${label}”.`);
}

async function addMember(page: Page, firstName: string, lastName: string): Promise<void> {
  await page.getByRole('button', { name: 'Add member' }).click();
  const form = page.getByRole('dialog', { name: 'Add member' });
  await form.getByLabel('First name').fill(firstName);
  await form.getByLabel('Last name').fill(lastName);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name }).click();

test('a field made in Settings is filled in on the member form, checked, and shown on the member page', async ({
  app,
  page,
}) => {
  await setUpChapter(page, app.url);
  await addMember(page, 'Ama', 'Mensah');
  await nav(page, 'Settings');
  await addField(page, 'Role', 'Text');
  await addField(page, 'T-shirt size', 'A choice from a list', ['S', 'M', 'L']);
  await addField(page, 'Years in IT', 'Number');
  const section = page.getByRole('region', { name: 'Member fields of your own' });
  await expect(section.getByTestId('custom-field')).toHaveText([
    /Role/,
    /T-shirt size.*S, M, L/,
    /Years in IT/,
  ]);
  // A label already in use is refused in the dialog.
  await section.getByRole('button', { name: 'Add a field' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a member field' });
  await dialog.getByLabel('Name').fill('role');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByTestId('error-label')).toHaveText('There is already a field called “role”');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await nav(page, 'Members');
  await page.getByTestId('member-row').filter({ hasText: 'Ama Mensah' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('dialog', { name: 'Edit member' });
  await form.getByLabel('Role').fill('Treasurer');
  await form.getByLabel('T-shirt size').selectOption('M');
  await form.getByLabel('Years in IT').fill('twelve');
  await form.getByRole('button', { name: 'Save' }).click();
  // The field's kind is checked, in words, beside the field; nothing is saved.
  await expect(form.getByText('Write a number, such as 12 or 3.5')).toBeVisible();
  await form.getByLabel('Years in IT').fill('12,5');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();

  const values = page.getByRole('region', { name: 'Other details' });
  await expect(values.getByRole('definition')).toHaveText(['Treasurer', 'M', '12.5']);

  // Retired, a field leaves the page and the form; back, its value is there again.
  await nav(page, 'Settings');
  await section.getByRole('button', { name: 'Retire Role' }).click();
  await expect(section.getByTestId('retired-custom-field')).toHaveText(/Role/);
  await nav(page, 'Members');
  await page.getByTestId('member-row').filter({ hasText: 'Ama Mensah' }).click();
  await expect(values.getByRole('term')).toHaveText(['T-shirt size', 'Years in IT']);
  await nav(page, 'Settings');
  await section.getByRole('button', { name: 'Bring back Role' }).click();
  await expect(section.getByTestId('custom-field')).toHaveText([/T-shirt size/, /Years in IT/, /Role/]);
  await nav(page, 'Members');
  await page.getByTestId('member-row').filter({ hasText: 'Ama Mensah' }).click();
  await expect(values.getByRole('definition')).toHaveText(['M', '12.5', 'Treasurer']);
});

test('an import makes a column no field takes a field of the chapter’s own, and values are searchable', async ({
  app,
  page,
}) => {
  await setUpChapter(page, app.url);
  await nav(page, 'Import');
  await page.getByLabel('Spreadsheet file').setInputFiles({
    name: 'members.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'Name,Email,Phone,Role,National ID,T-shirt',
        'Ama Mensah,ama@example.org,0612345678,Treasurer,GH-123,M',
        'Kofi Boateng,kofi@example.org,,Webmaster,GH-456,L',
        '',
      ].join('\n'),
    ),
  });
  // Columns no field takes offer to become one, with a kind.
  const role = page.getByLabel('Import “Role” as');
  await expect(role).toHaveValue('');
  await role.selectOption({ label: 'Create a field «Role»' });
  await expect(page.getByLabel('Kind of the field «Role»')).toHaveValue('text');
  await page.getByLabel('Import “T-shirt” as').selectOption({ label: 'Create a field «T-shirt»' });
  await page.getByLabel('Kind of the field «T-shirt»').selectOption({ label: 'A choice from a list' });
  await page.getByRole('button', { name: 'Preview the import' }).click();
  const commit = page.getByRole('button', { name: 'Import 2 members' });
  await expect(commit).toBeEnabled();
  await commit.click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();

  await nav(page, 'Settings');
  const section = page.getByRole('region', { name: 'Member fields of your own' });
  await expect(section.getByTestId('custom-field')).toHaveText([/Role\s*Text/, /T-shirt.*M, L/]);

  // The value of a text field finds its member from the members list.
  await nav(page, 'Members');
  await page.getByLabel('Search').fill('webmas');
  await expect(page.getByTestId('member-row')).toHaveCount(1);
  await expect(page.getByTestId('member-row')).toContainText('Kofi Boateng');
  // Filtered by a field's value, the list shows who has it.
  await page.getByLabel('Search').fill('');
  await expect(page.getByTestId('member-row')).toHaveCount(2);
  await page.getByLabel('Other details', { exact: true }).selectOption({ label: 'T-shirt' });
  await page.getByLabel('T-shirt is').selectOption('L');
  await expect(page.getByTestId('member-row')).toHaveCount(1);
  await expect(page.getByTestId('member-row')).toContainText('Kofi Boateng');
  await page.getByTestId('member-row').click();
  await expect(page.getByRole('region', { name: 'Other details' }).getByRole('definition')).toHaveText([
    'Webmaster',
    'L',
  ]);
});

test('a column headed by a long question becomes a field named by its first 80 characters', async ({
  app,
  page,
}) => {
  await setUpChapter(page, app.url);
  await nav(page, 'Import');
  const question =
    'Which of the committees of the chapter would you like to volunteer for during the coming year?';
  await page.getByLabel('Spreadsheet file').setInputFiles({
    name: 'form.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['Name,Email,' + question, 'Ama Mensah,ama@example.org,Events', ''].join('\n')),
  });
  await page.getByLabel(`Import “${question}” as`).selectOption({ label: `Create a field «${question}»` });
  await page.getByRole('button', { name: 'Preview the import' }).click();
  const commit = page.getByRole('button', { name: 'Import 1 member' });
  await expect(commit).toBeEnabled();
  await commit.click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();

  await nav(page, 'Settings');
  const section = page.getByRole('region', { name: 'Member fields of your own' });
  await expect(section.getByTestId('custom-field')).toHaveText([
    new RegExp(`^\\s*${question.slice(0, 80).trim()}\\s*Text`),
  ]);
});
