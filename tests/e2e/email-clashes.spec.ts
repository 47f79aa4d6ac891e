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

async function addMember(page: Page, fields: Record<string, string>): Promise<void> {
  await page.getByRole('button', { name: 'Add member' }).click();
  const form = page.getByRole('dialog', { name: 'Add member' });
  for (const [label, value] of Object.entries(fields))
    await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

test('two members who share an email are listed and merged after what differs is shown', async ({
  app,
  page,
}) => {
  await setUpChapter(page, app.url);
  await addMember(page, { 'First name': 'Hélène', 'Last name': 'Dupré', Email: 'helene@example.org' });
  await addMember(page, { 'First name': 'Helene', City: 'Lyon', Email: 'h.dupre@example.org' });
  await expect(page.getByTestId('email-clashes')).toHaveCount(0);

  // What sync brings when one laptop changed an email that another laptop gave a new member.
  const db = new Database(app.dbPath);
  // The search index's triggers call fold_text, which the app registers on each connection.
  registerTextFunctions(db);
  db.prepare(`UPDATE members SET email = 'helene@example.org' WHERE first_name = 'Helene'`).run();
  db.close();
  await page.reload();

  const banner = page.getByTestId('email-clashes');
  await expect(banner).toContainText('1 email is held by more than one member');
  await banner.getByRole('button', { name: 'Review' }).click();
  await expect(banner.getByTestId('email-clash')).toContainText('helene@example.org');
  await banner.getByRole('button', { name: 'Keep Hélène Dupré and merge the other into them' }).click();
  const preview = banner.getByTestId('merge-preview');
  await expect(preview).toContainText('Merge Helene into Hélène Dupré');
  await expect(preview.getByRole('row', { name: /City/ })).toContainText('Lyon');
  await expect(preview.getByRole('row', { name: /First name/ })).toContainText('Hélène');
  await expect(preview.getByRole('row', { name: /First name/ })).toContainText('Helene');
  await preview.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status')).toContainText('Hélène Dupré merged');
  await expect(banner).toBeHidden();
  await expect(page.getByTestId('member-row')).toHaveCount(1);
  await expect(page.getByTestId('member-row')).toContainText('Lyon');
});
