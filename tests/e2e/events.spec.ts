import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

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

const nav = (page: Page, section: string) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section }).click();

/** Honorary members are in good standing whatever they paid, so they count towards the quorum. */
async function addHonoraryMember(page: Page, firstName: string, lastName: string): Promise<void> {
  await page.getByRole('button', { name: 'Add member' }).click();
  const form = page.getByRole('dialog', { name: 'Add member' });
  await form.getByLabel('First name').fill(firstName);
  await form.getByLabel('Last name').fill(lastName);
  await form
    .getByLabel('Email', { exact: true })
    .fill(`${lastName.toLowerCase().replace('é', 'e')}@example.org`);
  await form.getByLabel('Membership type').selectOption({ label: 'Honorary' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

async function registerMember(page: Page, search: string, name: string): Promise<void> {
  const member = page.getByRole('combobox', { name: 'Member' });
  await member.pressSequentially(search);
  await expect(page.getByTestId('member-option').first()).toContainText(name);
  await page.keyboard.press('Enter');
  await expect(member).toHaveValue(new RegExp(`^${name}`));
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page.getByTestId('attendee-row').filter({ hasText: name })).toBeVisible();
}

test('an AGM: register, check in at the door by keyboard, reach the quorum, convert a guest', async ({
  app,
  page,
}) => {
  // Four members, an event, a door queue: longer than the default minute on a slow laptop.
  test.setTimeout(180_000);
  await setUpChapter(page, app.url);
  for (const [first, last] of [
    ['Amina', 'Diallo'],
    ['Kamau', 'Otieno'],
    ['Hélène', 'Dupré'],
    ['Chidi', 'Okafor'],
  ] as const) {
    await addHonoraryMember(page, first, last);
  }

  await nav(page, 'Events');
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Upcoming' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'New event' }).click();
  const form = page.getByRole('dialog', { name: 'New event' });
  await expect(form.getByLabel('Title')).toBeFocused();
  await form.getByLabel('Title').fill('Annual general meeting 2026');
  await form.getByLabel('Kind of event').selectOption({ label: 'Annual general meeting' });
  await form.getByLabel('Quorum').fill('50%');
  await form.getByLabel('Venue').fill('Community hall, Kilimani');
  await form.getByRole('button', { name: 'Create event' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Annual general meeting 2026' })).toBeVisible();

  // Four members in good standing: half of them, two, make the quorum.
  await expect(page.getByTestId('quorum')).toContainText('Quorum not reached: 2 more members needed');
  await expect(page.getByTestId('quorum')).toContainText('Rule: 50% of 4 members in good standing');

  await registerMember(page, 'amina', 'Amina Diallo');
  await registerMember(page, 'kamau', 'Kamau Otieno');
  await page.getByRole('button', { name: 'A guest' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Zawadi Mwangi');
  await page.getByLabel('Email', { exact: true }).fill('zawadi@example.org');
  await page.getByRole('button', { name: 'Register the guest' }).click();
  const zawadi = page.getByTestId('attendee-row').filter({ hasText: 'Zawadi Mwangi' });
  await expect(zawadi).toContainText('Guest');
  await expect(page.getByTestId('attendee-row')).toHaveCount(3);
  await expect(page.getByTestId('figure-registered')).toContainText('3');

  // The door: everything from here on is typed.
  await page.getByRole('button', { name: 'Check-in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check-in' })).toBeVisible();
  const search = page.getByRole('combobox', { name: 'Find a person' });
  await expect(search).toBeFocused();
  await expect(page.getByTestId('door-registered')).toContainText('3');
  await expect(page.getByTestId('door-checked-in')).toContainText('0');
  const quorum = page.getByTestId('quorum');
  await expect(quorum).toHaveAttribute('aria-live', 'polite');
  await expect(quorum).toHaveAttribute('data-met', 'false');
  const notice = page.getByTestId('door-notice');

  await page.keyboard.type('amina');
  await page.keyboard.press('Enter');
  await expect(notice).toHaveText(/^Amina Diallo checked in at \d\d:\d\d$/);
  await expect(search).toHaveValue('');
  await expect(search).toBeFocused();
  await expect(page.getByTestId('door-checked-in')).toContainText('1');
  await expect(quorum).toContainText('1 more member needed');
  await expect(page.getByTestId('quorum-figures')).toHaveText('1 present / 2 required');

  await page.keyboard.type('otieno');
  await page.keyboard.press('Enter');
  await expect(notice).toHaveText(/^Kamau Otieno checked in at/);
  await expect(quorum).toHaveAttribute('data-met', 'true');
  await expect(quorum).toContainText(/Quorum reached at \d\d:\d\d/);
  await expect(page.getByTestId('quorum-figures')).toHaveText('2 present / 2 required');

  // The same person twice: a notice, not an error, and nothing counted twice.
  await page.keyboard.type('amina');
  await page.keyboard.press('Enter');
  await expect(notice).toHaveText(/^Amina Diallo is already checked in \(since \d\d:\d\d\)$/);
  await expect(notice).toHaveAttribute('data-state', 'already');
  await expect(page.locator('[data-state="error"]')).toHaveCount(0);
  await expect(page.getByTestId('door-checked-in')).toContainText('2');

  // Undo the last check-in (Kamau's) from the empty box: the quorum is lost again.
  await expect(page.getByRole('button', { name: 'Undo last check-in (Kamau Otieno)' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(notice).toHaveText('Check-in of Kamau Otieno undone');
  await expect(page.getByTestId('door-checked-in')).toContainText('1');
  await expect(quorum).toHaveAttribute('data-met', 'false');
  await expect(search).toBeFocused();

  // Arrow keys pick someone other than the first match.
  await page.keyboard.type('o');
  await expect(page.getByTestId('door-option').first()).toBeVisible();
  const options = page.getByTestId('door-option');
  const count = await options.count();
  expect(count).toBeGreaterThan(1);
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');

  await page.keyboard.type('kamau');
  await page.keyboard.press('Enter');
  await expect(notice).toHaveText(/^Kamau Otieno checked in at/);
  await expect(quorum).toHaveAttribute('data-met', 'true');

  await page.keyboard.type('zawadi');
  await page.keyboard.press('Enter');
  await expect(notice).toHaveText(/^Zawadi Mwangi checked in at/);

  // Nobody by that name: Enter offers a walk-in with the name already typed.
  await page.keyboard.type('Fatou Sow');
  await page.keyboard.press('Enter');
  const walkIn = page.getByRole('dialog', { name: 'Add a walk-in' });
  await expect(walkIn).toBeVisible();
  await expect(walkIn.getByLabel('Name')).toHaveValue('Fatou Sow');
  await expect(walkIn.getByLabel('Email')).toBeFocused();
  await page.keyboard.type('fatou@example.org');
  await page.keyboard.press('Enter');
  await expect(walkIn).toBeHidden();
  await expect(notice).toHaveText(/^Fatou Sow checked in at/);
  await expect(search).toBeFocused();
  await expect(page.getByTestId('door-walk-ins')).toContainText('1');
  await expect(page.getByTestId('door-checked-in')).toContainText('4');

  // "Add walk-in" is reachable from the search box with Tab; Escape closes it.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add walk-in' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(walkIn).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(walkIn).toBeHidden();
  await expect(search).toBeFocused();

  // Back on the event page, the guest becomes a member and keeps her attendance.
  await page.getByRole('button', { name: 'Back to the event' }).click();
  await expect(page.getByTestId('figure-checkedIn')).toContainText('4');
  await expect(page.getByTestId('figure-walkIns')).toContainText('1');
  await expect(zawadi.getByTestId('attendee-checked-in')).toHaveText(/\d\d:\d\d/);
  await zawadi.getByRole('button', { name: 'Make Zawadi Mwangi a member' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Zawadi Mwangi is now a member' })).toBeVisible();
  await expect(zawadi).not.toContainText('Guest');
  await expect(zawadi.getByTestId('status-badge')).toHaveText('Never paid');
  await zawadi.getByRole('button', { name: 'Zawadi Mwangi', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zawadi Mwangi' })).toBeVisible();
  await expect(page.getByTestId('attended-event')).toContainText('Annual general meeting 2026');

  // A capacity below the people already in is refused by the service, at the field.
  await page
    .getByTestId('attended-event')
    .getByRole('button', { name: 'Annual general meeting 2026' })
    .click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit event' });
  await edit.getByLabel('Places').fill('2');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByTestId('error-capacity')).toHaveText(
    '4 people are already checked in: there must be at least as many places',
  );
  await expect(edit.getByLabel('Places')).toBeFocused();
});

test('an event that ends before it starts is refused at the end field and nothing is created', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await setUpChapter(page, app.url);
  await nav(page, 'Events');
  await expect(page.getByText('No upcoming events.')).toBeVisible();
  await page.getByRole('button', { name: 'New event' }).click();
  const form = page.getByRole('dialog', { name: 'New event' });
  await form.getByLabel('Title').fill('Volunteers’ training');
  await form.getByLabel('Kind of event').selectOption({ label: 'Training' });
  await expect(form.getByLabel('Quorum')).toHaveCount(0);
  await form.getByLabel('Starts').fill('2031-05-10T18:00');
  await form.getByLabel('Ends').fill('2031-05-10T17:00');
  await form.getByRole('button', { name: 'Create event' }).click();
  const ends = form.getByLabel('Ends');
  await expect(form.getByTestId('error-endsAt')).toHaveText('The event ends before it starts');
  await expect(ends).toHaveAttribute('aria-invalid', 'true');
  await expect(ends).toHaveAccessibleDescription('The event ends before it starts');
  await expect(ends).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(page.getByText('No upcoming events.')).toBeVisible();
  await page.reload();
  await nav(page, 'Events');
  await expect(page.getByText('No upcoming events.')).toBeVisible();
  await expect(page.getByTestId('event-item')).toHaveCount(0);
});
