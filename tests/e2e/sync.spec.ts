import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { startSyncServer, type TestSyncServer } from '../helpers/sync-server';
import { expect, startServe, test as base, type BrowserModeApp } from './fixtures';

/** A second laptop: its own chapter file, its own `chapterdesk serve`, its own browser context. */
const test = base.extend<{ syncServer: TestSyncServer; appB: BrowserModeApp; pageB: Page }>({
  // Playwright reads a fixture's dependencies from the destructuring pattern; these have none.
  // eslint-disable-next-line no-empty-pattern
  syncServer: async ({}, use) => {
    const server = await startSyncServer();
    await use(server);
    await server.close();
  },
  // eslint-disable-next-line no-empty-pattern
  appB: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-e2e-b-'));
    const dbPath = join(dir, 'chapter.sqlite');
    const served = await startServe(dbPath);
    await use({ url: served.url, dbPath });
    served.process.kill('SIGTERM');
    await new Promise((resolve) => served.process.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  },
  pageB: async ({ browser }, use) => {
    const context = await browser.newContext({ locale: 'en-GB' });
    await use(await context.newPage());
    await context.close();
  },
});

const indicator = (page: Page) => page.getByTestId('sync-status');
const conflictBadge = (page: Page) => page.getByTestId('conflict-count');
const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${name}`) });
const details = (page: Page) => page.getByRole('region', { name: 'Details' });

async function createChapter(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Chapter name').fill('Lyon');
  await page.getByLabel('Country', { exact: true }).fill('FR');
  await page.getByLabel('Currency', { exact: true }).fill('EUR');
  await page.getByLabel('Your name').fill('Amina');
  await page.getByRole('button', { name: 'Create chapter' }).click();
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
}

async function addMember(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add member' }).click();
  const form = page.getByRole('dialog', { name: 'Add member' });
  await form.getByLabel('First name').fill('Hélène');
  await form.getByLabel('Last name').fill('Dupré');
  await form.getByLabel('Email', { exact: true }).fill('helene.dupre@example.org');
  await form.getByLabel('City').fill('Lyon');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

async function openHelene(page: Page): Promise<void> {
  await nav(page, 'Members').click();
  await page.getByTestId('member-row').filter({ hasText: 'Hélène Dupré' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hélène Dupré' })).toBeVisible();
}

async function editCity(page: Page, city: string): Promise<void> {
  await page.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('dialog', { name: 'Edit member' });
  await form.getByLabel('City').fill(city);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

/**
 * Presses "Sync now" and waits for that sync to finish with nothing left to send. A finished sync
 * always moves lastSyncAt, which the indicator carries, so an earlier "idle" is not mistaken for it.
 */
async function syncNow(page: Page): Promise<void> {
  const status = indicator(page);
  const before = (await status.getAttribute('data-last-sync')) ?? '';
  await status.getByRole('button', { name: 'Sync now' }).click();
  await expect(status).not.toHaveAttribute('data-last-sync', before);
  await expect(status).toHaveAttribute('data-state', 'idle');
  await expect(status).toHaveAttribute('data-pending', '0');
}

async function expectUpToDate(status: Locator): Promise<void> {
  await expect(status).toHaveAttribute('data-state', 'idle');
  await expect(status).toContainText('Up to date');
  await expect(status).toHaveAttribute('data-pending', '0');
  await expect(status).not.toContainText('waiting to be sent');
}

test('two laptops share a chapter, and the value that lost a conflict can be put back', async ({
  app,
  page,
  appB,
  pageB,
  syncServer,
}) => {
  test.setTimeout(120_000);
  const { id: chapterId } = await syncServer.admin.addChapter('Lyon');
  const { code: codeA } = await syncServer.admin.issueEnrolmentCode(chapterId);
  const { code: codeB } = await syncServer.admin.issueEnrolmentCode(chapterId);

  await test.step('laptop A creates its chapter offline and connects from Settings', async () => {
    await createChapter(page, app.url);
    await addMember(page);
    await expect(indicator(page)).toHaveAttribute('data-state', 'not-enrolled');
    await expect(indicator(page)).toContainText('Not connected to a server');

    await indicator(page).getByRole('button', { name: 'Set up sync' }).click();
    await expect(page.getByRole('heading', { name: 'Connect to a sync server' })).toBeVisible();
    await page.getByLabel('Server address').fill(syncServer.url);
    await page.getByLabel('Enrolment code').fill(codeA);
    // The server form's Connect: the Nearby laptop card has a Connect button of its own.
    await page
      .locator('form', { has: page.getByLabel('Server address') })
      .getByRole('button', { name: 'Connect', exact: true })
      .click();

    await expect(page.getByTestId('sync-server')).toHaveText(syncServer.url);
    await expectUpToDate(indicator(page));
    await expect(indicator(page)).toContainText('synced just now');
  });

  await test.step('laptop B joins the chapter from the first-run screen and receives the member', async () => {
    await pageB.goto(appB.url);
    await expect(pageB.getByRole('heading', { name: 'Set up your chapter' })).toBeVisible();
    await pageB.getByLabel('Join a chapter from a sync server').check();
    await pageB.getByLabel('Server address').fill(syncServer.url);
    await pageB.getByLabel('Enrolment code').fill(codeB);
    await pageB.getByLabel('Your name').fill('Ben');
    await pageB.getByRole('button', { name: 'Join the chapter' }).click();

    await expect(pageB.getByRole('heading', { name: 'Members' })).toBeVisible({ timeout: 20_000 });
    await expect(pageB.getByRole('banner')).toContainText('Lyon');
    await expect(pageB.getByTestId('member-row').filter({ hasText: 'Hélène Dupré' })).toBeVisible();
    await expectUpToDate(indicator(pageB));
  });

  await test.step('both laptops change the same field before either hears of the other', async () => {
    await openHelene(page);
    await openHelene(pageB);
    await editCity(page, 'Villeurbanne');
    await editCity(pageB, 'Vénissieux');
    await expect(indicator(pageB)).toContainText(/1 change waiting to be sent|Syncing/);

    await syncNow(page);
    await syncNow(pageB);
    await syncNow(page);
    // The later edit wins everywhere.
    await expect(details(page)).toContainText('Vénissieux');
    await expect(details(pageB)).toContainText('Vénissieux');
  });

  const laptops = [page, pageB];
  let holder = page;
  let other = pageB;
  await test.step('the laptop that met the other edit shows the conflict', async () => {
    // Whichever laptop pulled the other's edit while its own was unsynced holds the conflict.
    await expect
      .poll(async () => (await conflictBadge(page).count()) + (await conflictBadge(pageB).count()))
      .toBe(1);
    [holder, other] = (await conflictBadge(page).count()) === 1 ? [page, pageB] : [pageB, page];
    await expect(conflictBadge(holder)).toHaveText(/^1/);

    await nav(holder, 'Conflicts').click();
    const conflict = holder.getByTestId('conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict.getByRole('heading')).toContainText('Hélène Dupré');
    await expect(conflict.getByRole('heading')).toContainText('City');
    await expect(conflict.getByTestId('conflict-kept')).toHaveText('Vénissieux');
    await expect(conflict.getByTestId('conflict-lost')).toHaveText('Villeurbanne');
    // Each value names the officer and the laptop it came from, never a node id.
    const [mine, theirs] = holder === page ? ['Amina', 'Ben'] : ['Ben', 'Amina'];
    await expect(conflict).toContainText(`${mine} on this laptop`);
    await expect(conflict).toContainText(`${theirs} on the laptop “${theirs}”`);
    await expect(conflict).not.toContainText(/[0-9a-f]{8}/);
  });

  await test.step('restoring the value that lost makes it win on both laptops', async () => {
    await holder.getByTestId('conflict').getByRole('button', { name: 'Restore this value' }).click();
    await expect(holder.getByText('No conflicts to review.')).toBeVisible();
    await expect(conflictBadge(holder)).toHaveCount(0);

    await syncNow(holder);
    await syncNow(other);
    for (const laptop of laptops) {
      await openHelene(laptop);
      await expect(details(laptop)).toContainText('Villeurbanne');
      await expect(conflictBadge(laptop)).toHaveCount(0);
    }
  });
});

test('a wrong enrolment code is refused with an explanation, and missing fields are named', async ({
  app,
  page,
  syncServer,
}) => {
  await page.goto(app.url);
  await page.getByLabel('Join a chapter from a sync server').check();
  await page.getByRole('button', { name: 'Join the chapter' }).click();
  await expect(page.getByTestId('error-serverUrl')).toHaveText(
    'Use an address like https://sync.example.org',
  );
  await expect(page.getByTestId('error-code')).toHaveText('Give the enrolment code');
  await expect(page.getByTestId('error-officerName')).toHaveText('Say who is using this laptop');
  await expect(page.getByLabel('Server address')).toBeFocused();

  await page.getByLabel('Server address').fill(syncServer.url);
  await page.getByLabel('Enrolment code').fill('AAAA-BBBB-CCCC-DDDD');
  await page.getByLabel('Your name').fill('Ben');
  await page.getByRole('button', { name: 'Join the chapter' }).click();

  // The server's reason is shown next to the code, the field the secretary can fix.
  await expect(page.getByTestId('error-code')).toContainText('This enrolment code is not valid');
  await expect(page.getByTestId('error-code')).toContainText('ask the server administrator for a new one');
  await expect(page.getByRole('button', { name: 'Join the chapter' })).toBeEnabled();
  await expect(indicator(page)).toHaveAttribute('data-state', 'not-enrolled');
});
