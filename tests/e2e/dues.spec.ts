import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { periodEnd, todayIn } from '../../src/shared/dues/dates';
import { expect, test } from './fixtures';

/** Browser mode shows dates as en-GB medium dates, read in UTC (see useFormat). */
const shown = (isoDate: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );

/** How a date field of a Kenyan chapter writes a date (en-KE: day first). */
const typed = (isoDate: string) => isoDate.split('-').reverse().join('/');

/** The chapter has no time zone of its own, so the server and the browser both use this machine's. */
const today = () => todayIn(null, new Date());

async function setUpChapter(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Set up your chapter' })).toBeVisible();
  await page.getByLabel('Chapter name').fill('Nairobi');
  await page.getByLabel('Country', { exact: true }).fill('KE');
  await page.getByLabel('Currency', { exact: true }).fill('KES');
  await page.getByLabel('Your name').fill('Wanjiru');
  await page.getByRole('button', { name: 'Create chapter' }).click();
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
}

interface NewMember {
  firstName: string;
  lastName: string;
  email: string;
  memberNumber?: string;
  type?: string;
}

async function addMember(page: Page, member: NewMember): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Members' }).click();
  await page.getByRole('button', { name: 'Add member' }).click();
  const form = page.getByRole('dialog', { name: 'Add member' });
  await form.getByLabel('First name').fill(member.firstName);
  await form.getByLabel('Last name').fill(member.lastName);
  await form.getByLabel('Email', { exact: true }).fill(member.email);
  if (member.memberNumber) await form.getByLabel('Member number').fill(member.memberNumber);
  if (member.type) await form.getByLabel('Membership type').selectOption({ label: member.type });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

async function openMember(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Members' }).click();
  await page.getByTestId('member-row').filter({ hasText: name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function setFee(page: Page, typeName: string, fee: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: `Edit ${typeName}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit membership type' });
  await dialog.getByLabel('Fee').fill(fee);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('membership-type').filter({ hasText: typeName })).toContainText('1,000.00');
}

const standing = (page: Page): Locator => page.getByTestId('member-standing');

test('a cash payment makes a new member active; voiding it with a reason puts them back', async ({
  app,
  page,
}) => {
  await setUpChapter(page, app.url);
  await setFee(page, 'Individual', '1000');
  await addMember(page, {
    firstName: 'Kamau',
    lastName: 'Otieno',
    email: 'kamau@example.org',
    type: 'Individual',
  });
  await openMember(page, 'Kamau Otieno');
  await expect(standing(page).getByTestId('status-badge')).toHaveText('Never paid');

  await page.getByRole('main').getByRole('button', { name: 'Record payment' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Record payment' });
  await expect(dialog.getByLabel('Member')).toHaveValue(/^Kamau Otieno/);
  // The type's fee is proposed, and the period a year from today.
  await expect(dialog.getByLabel('Amount')).toHaveValue('1000.00');
  const paidThrough = periodEnd(today(), 12);
  await expect(dialog.getByLabel('Period to')).toHaveValue(typed(paidThrough));
  await expect(dialog.getByLabel('Period from')).toHaveValue(typed(today()));
  await expect(dialog.getByLabel('Method')).toHaveValue('cash');
  await dialog.getByLabel('Reference').fill('R-001');
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('status').filter({ hasText: 'Receipt' })).toContainText(
    `Status: Active, paid through ${shown(paidThrough)}`,
  );
  await expect(standing(page).getByTestId('status-badge')).toHaveText('Active');
  await expect(standing(page)).toContainText(shown(paidThrough));
  const payments = page.getByTestId('payment-row');
  await expect(payments).toHaveCount(1);
  await expect(payments.first()).toContainText('KES');
  await expect(payments.first()).toContainText('Cash');
  await expect(payments.first()).toContainText('R-001');
  await expect(payments.first()).toContainText('Wanjiru');

  // Void: a reason is required.
  await payments
    .first()
    .getByRole('button', { name: /^Void receipt/ })
    .click();
  const voiding = page.getByRole('dialog', { name: /^Void receipt/ });
  await expect(voiding.getByLabel('Reason')).toBeFocused();
  await voiding.getByRole('button', { name: 'Void payment' }).click();
  await expect(voiding.getByTestId('error-reason')).toHaveText('Say why the payment is void');
  await voiding.getByLabel('Reason').fill('Recorded for the wrong member');
  await voiding.getByRole('button', { name: 'Void payment' }).click();
  await expect(voiding).toBeHidden();

  await expect(payments.first()).toHaveAttribute('data-void', 'true');
  await expect(page.getByTestId('void-note')).toContainText('Void: Recorded for the wrong member (Wanjiru');
  await expect(payments.first()).toHaveAccessibleDescription(/Recorded for the wrong member/);
  await expect(standing(page).getByTestId('status-badge')).toHaveText('Never paid');
  await expect(page.getByRole('status').filter({ hasText: 'voided' })).toContainText('Status: Never paid');

  // The members list shows the status too.
  await page.getByRole('button', { name: 'Back to members' }).click();
  await expect(page.getByTestId('member-row').filter({ hasText: 'Kamau Otieno' })).toContainText(
    'Never paid',
  );
});

test('Record payment (Alt+P) refuses an amount of 0 at the amount field and records nothing', async ({
  app,
  page,
}) => {
  await setUpChapter(page, app.url);
  await addMember(page, { firstName: 'Hélène', lastName: 'Dupré', email: 'helene@example.org' });
  await addMember(page, { firstName: 'Kamau', lastName: 'Otieno', email: 'kamau@example.org' });

  const trigger = page.getByRole('banner').getByRole('button', { name: /Record payment/ });
  await expect(trigger).toHaveAttribute('aria-keyshortcuts', 'Alt+P');
  const search = page.getByLabel('Search');
  await search.focus();
  await page.keyboard.press('Alt+p');
  const dialog = page.getByRole('dialog', { name: 'Record payment' });
  await expect(dialog).toBeVisible();
  const member = dialog.getByRole('combobox', { name: 'Member' });
  await expect(member).toBeFocused();

  // Search as you type, then pick with the keyboard.
  await member.pressSequentially('helene');
  await expect(dialog.getByRole('listbox').getByRole('option')).toHaveCount(1);
  await expect(member).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(member).toHaveValue(/^Hélène Dupré/);
  await expect(member).toHaveAttribute('aria-expanded', 'false');
  await expect(dialog.getByTestId('payment-standing')).toContainText('Never paid');

  const amount = dialog.getByLabel('Amount');
  await amount.fill('0');
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog.getByTestId('error-amount')).toHaveText('The amount must be more than zero');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(amount).toBeFocused();

  // Escape closes the dialog, and the focus goes back where it was.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(search).toBeFocused();

  await openMember(page, 'Hélène Dupré');
  await expect(page.getByText('No payments recorded yet.')).toBeVisible();
  await expect(standing(page).getByTestId('status-badge')).toHaveText('Never paid');
});

test('a statement: completed lines matched and recorded, failed ones never, unmatched listed; undo', async ({
  app,
  page,
}, testInfo) => {
  await setUpChapter(page, app.url);
  await addMember(page, {
    firstName: 'Kamau',
    lastName: 'Otieno',
    email: 'kamau@example.org',
    memberNumber: '1042',
    type: 'Individual',
  });

  const day = today();
  const csv = [
    'Receipt No.,Completion Time,Details,Transaction Status,Paid In,Withdrawn,Balance,Other Party Info,A/C No.',
    `SKA1B2C3D4,${day} 10:15:00,Pay Bill Online from 254712345678 - KAMAU OTIENO Acc. 1042,Completed,"1,000.00",,"1,000.00",254712345678 - KAMAU OTIENO,1042`,
    `SKA1B2C3D5,${day} 11:00:00,Pay Bill Online,Failed,"500.00",,"1,000.00",254700000001 - ALI HASSAN,1042`,
    `SKA1B2C3D6,${day} 12:30:00,Pay Bill Online from 254799999999 - PETER NJOROGE Acc. 7777,Completed,"750.00",,"1,750.00",254799999999 - PETER NJOROGE,7777`,
  ].join('\r\n');
  const file = join(testInfo.outputDir, 'mpesa-statement.csv');
  mkdirSync(testInfo.outputDir, { recursive: true });
  writeFileSync(file, csv);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Dues' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dues' })).toBeVisible();
  await expect(page.getByTestId('figure-never-paid')).toContainText('1');
  await page.getByLabel('Statement file').setInputFiles(file);

  const draft = page.getByTestId('statement-draft');
  await expect(draft).toContainText('read as an M-Pesa statement');
  const matched = page.getByTestId('group-match');
  await expect(matched.getByTestId('statement-line')).toHaveCount(1);
  await expect(matched).toContainText('Kamau Otieno');
  await expect(matched.getByTestId('match-why')).toHaveText('by account reference');
  const ignored = page.getByTestId('group-ignored');
  await expect(ignored.getByTestId('statement-line')).toHaveCount(1);
  await expect(ignored).toContainText('Failed');
  const unmatched = page.getByTestId('group-unmatched');
  await expect(unmatched.getByTestId('statement-line')).toHaveCount(1);
  await expect(unmatched).toContainText('PETER NJOROGE');

  await page.getByRole('button', { name: 'Record 1 payment' }).click();
  const result = page.getByTestId('statement-result');
  await expect(result).toContainText('1 payment recorded from mpesa-statement.csv');
  await expect(result).toContainText('1 line left unmatched');
  await expect(page.getByTestId('figure-active')).toContainText('1');
  await expect(page.getByTestId('statement-batch')).toHaveCount(1);

  // The figure opens the members behind it.
  await page.getByTestId('figure-active').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('active');
  const row = page.getByTestId('member-row').filter({ hasText: 'Kamau Otieno' });
  await expect(row).toContainText('Active');
  await expect(row).toContainText(shown(periodEnd(day, 12)));

  // Undo from the list of past statements.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Dues' }).click();
  const batch = page.getByTestId('statement-batch');
  await batch.getByRole('button', { name: 'Undo' }).click();
  await batch.getByRole('button', { name: 'Undo' }).click();
  await expect(batch).toContainText('Undone');
  await expect(page.getByTestId('figure-active')).toContainText('0');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Members' }).click();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await openMember(page, 'Kamau Otieno');
  await expect(standing(page).getByTestId('status-badge')).toHaveText('Never paid');
});
