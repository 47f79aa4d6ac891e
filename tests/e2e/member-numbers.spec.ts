import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { registerTextFunctions } from '../../src/main/db/search-index';
import { expect, test } from './fixtures';

async function setUpChapter(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Chapter name').fill('Lyon');
  await page.getByLabel('Country', { exact: true }).fill('FR');
  await page.getByLabel('Currency', { exact: true }).fill('EUR');
  await page.getByLabel('Your name').fill('Amina');
  await page.getByRole('button', { name: 'Create chapter' }).click();
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
}

async function addMember(page: Page, firstName: string, lastName: string, memberNumber = ''): Promise<void> {
  await page.getByRole('button', { name: 'Add member' }).click();
  const form = page.getByRole('dialog', { name: 'Add member' });
  await form.getByLabel('First name').fill(firstName);
  await form.getByLabel('Last name').fill(lastName);
  await form.getByLabel('Member number').fill(memberNumber);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

test('a number two members share is shown above the list until one gets a new number', async ({
  app,
  page,
}) => {
  await setUpChapter(page, app.url);
  await addMember(page, 'Hélène', 'Dupré');
  await addMember(page, 'Kamau', 'Otieno');
  await expect(page.getByTestId('number-clashes')).toHaveCount(0);

  // A number typed here that another member holds is refused next to the field.
  await page.getByRole('button', { name: 'Add member' }).click();
  const form = page.getByRole('dialog', { name: 'Add member' });
  await form.getByLabel('First name').fill('Awa');
  await form.getByLabel('Member number').fill('1');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByTestId('error-memberNumber')).toHaveText('Number 1 already belongs to Hélène Dupré');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // What sync brings when imports on two laptops gave one number to two people.
  const db = new Database(app.dbPath);
  // The search index's triggers call fold_text, which the app registers on each connection.
  registerTextFunctions(db);
  db.prepare(`UPDATE members SET member_number = '1' WHERE first_name = 'Kamau'`).run();
  db.close();
  await page.reload();

  const banner = page.getByTestId('number-clashes');
  await expect(banner).toContainText('1 member number is held by more than one member');
  await banner.getByRole('button', { name: 'Review' }).click();
  await expect(banner.getByTestId('number-clash')).toContainText('Hélène Dupré');
  await expect(banner.getByTestId('number-clash')).toContainText('Kamau Otieno');
  await banner.getByRole('button', { name: 'Give Kamau Otieno a new number' }).click();
  await expect(page.getByRole('status')).toContainText('Kamau Otieno now has number 3');
  await expect(banner).toBeHidden();
  await expect(page.getByTestId('member-row').filter({ hasText: 'Kamau Otieno' })).toContainText('3');
});
