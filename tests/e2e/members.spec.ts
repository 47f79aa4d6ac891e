import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

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

interface NewMember {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
}

async function addMember(page: Page, member: NewMember): Promise<void> {
  await page.getByRole('button', { name: 'Add member' }).click();
  const form = page.getByRole('dialog', { name: 'Add member' });
  await form.getByLabel('First name').fill(member.firstName);
  await form.getByLabel('Last name').fill(member.lastName);
  await form.getByLabel('Email', { exact: true }).fill(member.email);
  if (member.phone) await form.getByLabel('Phone', { exact: true }).fill(member.phone);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

const rowOf = (page: Page, name: string) => page.getByTestId('member-row').filter({ hasText: name });

async function openMember(page: Page, name: string): Promise<void> {
  await rowOf(page, name).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('first-run setup creates the chapter and keeps the session across a reload', async ({ app, page }) => {
  await setUpChapter(page, app.url);
  // The token is taken out of the address bar once read.
  expect(page.url()).not.toContain('token=');
  await expect(page.getByTestId('member-count')).toHaveText('0 members');
  await expect(page.getByText('No members yet. Add the first one.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Lyon');
});

test('adds a member with a French phone number and finds her without accents', async ({ app, page }) => {
  await setUpChapter(page, app.url);
  await addMember(page, {
    firstName: 'Hélène',
    lastName: 'Dupré',
    email: 'helene.dupre@example.org',
    phone: '06 12 34 56 78',
  });
  await addMember(page, { firstName: 'Kamau', lastName: 'Otieno', email: 'kamau@example.org' });
  await expect(page.getByTestId('member-count')).toHaveText('2 members');
  // Stored as +33612345678; a French chapter sees a French number in its national format.
  await expect(rowOf(page, 'Hélène Dupré')).toContainText('06 12 34 56 78');

  await page.getByLabel('Search').fill('helene');
  await expect(page.getByTestId('member-row')).toHaveCount(1);
  await expect(page.getByTestId('member-row')).toContainText('Hélène Dupré');
  await expect(page.getByTestId('member-count')).toHaveText('1 member');

  await openMember(page, 'Hélène Dupré');
  await expect(page.getByTestId('member-phone')).toHaveText('06 12 34 56 78');
});

test('rejects an invalid email next to the field and saves nothing', async ({ app, page }) => {
  await setUpChapter(page, app.url);
  await addMember(page, { firstName: 'Hélène', lastName: 'Dupré', email: 'helene.dupre@example.org' });
  await openMember(page, 'Hélène Dupré');

  await page.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('dialog', { name: 'Edit member' });
  const email = form.getByLabel('Email', { exact: true });
  await email.fill('helene.dupre@');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByTestId('error-email')).toHaveText('Not a valid email address');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Not a valid email address');

  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
  await page.reload();
  await page.getByTestId('member-row').first().click();
  await expect(page.getByRole('main')).toContainText('helene.dupre@example.org');
  await expect(page.getByTestId('history').getByTestId('history-edit')).toHaveCount(1);
});

test('shows a server-side rejection next to the field', async ({ app, page }) => {
  await setUpChapter(page, app.url);
  await addMember(page, { firstName: 'Hélène', lastName: 'Dupré', email: 'helene.dupre@example.org' });

  await page.getByRole('button', { name: 'Add member' }).click();
  const form = page.getByRole('dialog', { name: 'Add member' });
  await form.getByLabel('First name').fill('Kamau');
  await form.getByLabel('Email', { exact: true }).fill('helene.dupre@example.org');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByTestId('error-email')).toContainText('already uses this email');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('member-count')).toHaveText('1 member');
});

test('an edit shows up in the member history', async ({ app, page }) => {
  await setUpChapter(page, app.url);
  await addMember(page, { firstName: 'Hélène', lastName: 'Dupré', email: 'helene.dupre@example.org' });
  await openMember(page, 'Hélène Dupré');

  await page.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('dialog', { name: 'Edit member' });
  await form.getByLabel('City').fill('Villeurbanne');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();

  const edits = page.getByTestId('history').getByTestId('history-edit');
  await expect(edits).toHaveCount(2);
  const latest = edits.first();
  await expect(latest).toContainText('City');
  await expect(latest).toContainText('Villeurbanne');
  await expect(latest).toContainText('Amina on this laptop');
  await expect(latest).not.toContainText('First name');

  await page.getByRole('button', { name: 'Back to members' }).click();
  await expect(rowOf(page, 'Hélène Dupré')).toContainText('Villeurbanne');
});

test('deleting a member can be undone', async ({ app, page }) => {
  await setUpChapter(page, app.url);
  await addMember(page, { firstName: 'Hélène', lastName: 'Dupré', email: 'helene.dupre@example.org' });
  await addMember(page, { firstName: 'Kamau', lastName: 'Otieno', email: 'kamau@example.org' });
  await openMember(page, 'Hélène Dupré');

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete Hélène Dupré' }).click();
  await expect(page.getByRole('status')).toContainText('Hélène Dupré deleted');
  await expect(page.getByTestId('member-count')).toHaveText('1 member');
  await expect(rowOf(page, 'Hélène Dupré')).toHaveCount(0);

  await page.getByTestId('undo').click();
  await expect(page.getByTestId('member-count')).toHaveText('2 members');
  await expect(rowOf(page, 'Hélène Dupré')).toBeVisible();
});
