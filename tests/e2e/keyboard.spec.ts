/// <reference lib="dom" />
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, startServe, test } from './fixtures';

/**
 * Keyboard only (#15), in English and in Arabic: add a member, search, delete and undo, record a
 * payment, import a file, check someone in at an event and print a roster, with nothing but Tab,
 * Shift+Tab, Enter, Space, arrows, Escape and typing. At each step the focused element shows its
 * focus ring, the focus lands where the next keystroke is wanted (never on <body> after a dialog
 * or a toast went away), and the results are announced by a live region.
 */
function cli(...args: string[]): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`chapterdesk ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

type Language = 'en' | 'ar';

/**
 * The catalogue's words the steps look for, in each language (copied: the end-to-end tests are
 * compiled apart from the renderer). 'import.commit.two' is import.commit.run with 2: Arabic has
 * a form of its own for two.
 */
const WORDS = {
  en: {
    'common.cancel': 'Cancel',
    'events.checkIn.open': 'Check-in',
    'events.checkIn.searchLabel': 'Find a person',
    'events.nav': 'Events',
    'fields.email': 'Email',
    'fields.firstName': 'First name',
    'fields.lastName': 'Last name',
    'import.commit.title': 'Import finished',
    'import.counts.created_two': 'New members',
    'import.commit.two': 'Import 2 members',
    'import.file.label': 'Spreadsheet file',
    'import.nav': 'Import',
    'import.preview.run': 'Preview the import',
    'member.delete': 'Delete',
    'members.add': 'Add member',
    'members.search': 'Search',
    'members.title': 'Members',
    'nav.members': 'Members',
    'payments.amount': 'Amount',
    'payments.member.label': 'Member',
    'payments.record': 'Record payment',
    'print.language': 'Language of the document',
    'print.menu': 'Print',
    'print.open.rosterLabel': 'Print the list of these members',
    'print.print': 'Print',
  },
  ar: {
    'common.cancel': 'إلغاء',
    'events.checkIn.open': 'تسجيل الحضور',
    'events.checkIn.searchLabel': 'البحث عن شخص',
    'events.nav': 'الفعاليات',
    'fields.email': 'البريد الإلكتروني',
    'fields.firstName': 'الاسم الأول',
    'fields.lastName': 'اسم العائلة',
    'import.commit.title': 'انتهى الاستيراد',
    'import.counts.created_two': 'عضوان جديدان',
    'import.commit.two': 'استيراد عضوين',
    'import.file.label': 'ملف جدول البيانات',
    'import.nav': 'استيراد',
    'import.preview.run': 'معاينة الاستيراد',
    'member.delete': 'حذف',
    'members.add': 'إضافة عضو',
    'members.search': 'بحث',
    'members.title': 'الأعضاء',
    'nav.members': 'الأعضاء',
    'payments.amount': 'المبلغ',
    'payments.member.label': 'العضو',
    'payments.record': 'تسجيل دفعة',
    'print.language': 'لغة المستند',
    'print.menu': 'طباعة',
    'print.open.rosterLabel': 'طباعة قائمة هؤلاء الأعضاء',
    'print.print': 'طباعة',
  },
} as const;

type Key = keyof (typeof WORDS)['en'];

const chapter = test.extend<{ chapter: { url: string; dir: string } }>({
  chapter: [
    // Four runs of the CLI, each starting TypeScript, before the app is served: slow on a busy laptop.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, testInfo) => {
      const language: Language = testInfo.title.endsWith('(ar)') ? 'ar' : 'en';
      const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-e2e-'));
      const db = join(dir, 'chapter.sqlite');
      cli(
        'init',
        '--db',
        db,
        '--name',
        'Nairobi',
        '--country',
        'KE',
        '--currency',
        'KES',
        '--locale',
        language,
      );
      for (const [first, last, email] of [
        ['Wanjiru', 'Kamau', 'wanjiru@example.org'],
        ['Amina', 'Haddad', 'amina@example.org'],
      ] as const) {
        cli('members', 'add', '--db', db, '--first-name', first, '--last-name', last, '--email', email);
      }
      cli(
        'events',
        'add',
        '--db',
        db,
        '--title',
        'AGM',
        '--kind',
        'agm',
        '--start',
        '2027-06-01T18:00',
        '--end',
        '2027-06-01T21:00',
      );
      const served = await startServe(db);
      await use({ url: served.url, dir });
      served.process.kill('SIGTERM');
      await new Promise((resolve) => served.process.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
    { timeout: 180_000 },
  ],
});

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/**
 * The focused element, and whether it shows where the focus is: `:focus-visible` matched and an
 * outline (or a ring drawn as a box shadow) actually painted.
 */
async function focusRing(page: Page): Promise<{ tag: string; visible: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { tag: 'body', visible: false };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      tag: `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? ''}`,
      visible: element.matches(':focus-visible') && (outline || style.boxShadow !== 'none'),
    };
  });
}

async function expectFocusRing(page: Page): Promise<void> {
  const ring = await focusRing(page);
  expect(ring.visible, `no visible focus on ${ring.tag}`).toBe(true);
}

/** Tab (or Shift+Tab) until `target` has the focus, as a person would, checking the ring on the way. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  await target.waitFor({ state: 'attached' });
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) {
      await expectFocusRing(page);
      return;
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} did not reach ${target.toString()}`);
}

/** A section of the main navigation, reached from wherever the focus is by tabbing backwards. */
async function openSection(page: Page, name: string): Promise<void> {
  const button = page.getByRole('navigation').first().getByRole('button', { name, exact: true });
  await tabTo(page, button, { back: true });
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-current', 'page');
}

for (const language of ['en', 'ar'] as const) {
  chapter(`every flow works with the keyboard alone (${language})`, async ({ chapter, page }) => {
    test.setTimeout(240_000);
    const w = (key: Key) => WORDS[language][key];
    await page.addInitScript((lang) => localStorage.setItem('chapterdesk.language', lang), language);
    await page.goto(chapter.url);
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    const members = page.getByTestId('member-count');
    await expect(members).toHaveAttribute('aria-live', 'polite');
    await expect(page.getByTestId('member-row')).toHaveCount(2);

    // The sync state is spoken when it changes.
    await expect(page.locator('.sync-status__headline[aria-live="polite"]')).toHaveCount(1);

    // Add a member: the dialog takes the focus at its first field, Enter saves, the focus goes
    // back to the button that opened it and the list's count and a toast say what happened.
    const add = page.getByRole('button', { name: w('members.add'), exact: true });
    await tabTo(page, add);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect
      .poll(() => dialog.evaluate((d) => d.contains(document.activeElement) && d !== document.activeElement))
      .toBe(true);
    await expectFocusRing(page);
    await tabTo(page, dialog.getByLabel(w('fields.firstName'), { exact: true }));
    await page.keyboard.type('Fatuma');
    await tabTo(page, dialog.getByLabel(w('fields.lastName'), { exact: true }));
    await page.keyboard.type('Odhiambo');
    await tabTo(page, dialog.getByLabel(w('fields.email'), { exact: true }));
    await page.keyboard.type('fatuma@example.org');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(add).toBeFocused();
    await expectFocusRing(page);
    await expect(page.getByRole('status').filter({ hasText: 'Fatuma Odhiambo' })).toBeVisible();
    await expect(page.getByTestId('member-row')).toHaveCount(3);

    // Search: the count is announced as it narrows.
    const search = page.getByRole('searchbox', { name: w('members.search') });
    await tabTo(page, search);
    await page.keyboard.type('fatuma');
    await expect(page.getByTestId('member-row')).toHaveCount(1);
    const oneMember = await members.textContent();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect(page.getByTestId('member-row')).toHaveCount(3);
    expect(oneMember).not.toEqual(await members.textContent());

    // Open a member's page from its row, delete the member, undo from the toast.
    // The list is one Tab stop; the arrows move between its rows.
    await tabTo(page, page.getByTestId('member-row').first());
    const row = page.getByTestId('member-row').filter({ hasText: 'Fatuma' });
    for (let i = 0; i < 3 && !(await isFocused(row)); i++) await page.keyboard.press('ArrowDown');
    await expect(row).toBeFocused();
    await expectFocusRing(page);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name: 'Fatuma Odhiambo' });
    await expect(heading).toBeFocused();
    const remove = page.getByRole('button', { name: w('member.delete'), exact: true });
    await tabTo(page, remove);
    await page.keyboard.press('Enter');
    const confirm = page.getByTestId('delete-member-dialog');
    await expect(confirm).toBeVisible();
    // The safe choice has the focus; the dangerous one is a Tab away.
    await expect(confirm.getByRole('button', { name: w('common.cancel') })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(remove).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeVisible();
    await page.keyboard.press('Tab');
    await expectFocusRing(page);
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    // Back on the list, the keyboard carries on from its heading.
    await expect(page.getByRole('heading', { level: 1, name: w('members.title') })).toBeFocused();
    await expect(page.getByTestId('member-row')).toHaveCount(2);
    const undo = page.getByTestId('undo');
    await tabTo(page, undo);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('member-row')).toHaveCount(3);
    await expect(page.getByRole('status').filter({ hasText: 'Fatuma Odhiambo' })).toBeVisible();
    // The toast and its button are gone: the focus is not left on <body>.
    await expect.poll(() => focusRing(page).then((ring) => ring.tag)).not.toBe('body');
    await expectFocusRing(page);

    // Record a payment from the header's button: type a name, choose with the arrows, Enter saves.
    const record = page.getByRole('button', { name: new RegExp(w('payments.record')) }).first();
    await tabTo(page, record, { back: true });
    await page.keyboard.press('Enter');
    const payment = page.getByRole('dialog');
    await expect(payment).toBeVisible();
    const combobox = payment.getByRole('combobox', { name: w('payments.member.label') });
    await expect(combobox).toBeFocused();
    await expectFocusRing(page);
    await page.keyboard.type('Amina');
    await expect(payment.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(payment.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(combobox).toHaveValue(/Amina Haddad/);
    await expect(payment.getByTestId('payment-standing')).toBeVisible();
    const amount = payment.getByLabel(w('payments.amount'), { exact: true });
    await tabTo(page, amount);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1500');
    await page.keyboard.press('Enter');
    await expect(payment).toBeHidden();
    await expect(record).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Amina Haddad' })).toBeVisible();

    // Import a file: the file chooser opens from the keyboard, the wizard runs by Tab and Enter, and
    // the progress and result are announced.
    await openSection(page, w('import.nav'));
    const csv = join(chapter.dir, 'members.csv');
    writeFileSync(
      csv,
      'First name,Last name,Email\nBaraka,Otieno,baraka@example.org\nNeema,Mwangi,neema@example.org\n',
    );
    const picker = page.getByLabel(w('import.file.label'));
    await tabTo(page, picker);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles(csv);
    const previewButton = page.getByRole('button', { name: w('import.preview.run'), exact: true });
    await expect(previewButton).toBeEnabled();
    await tabTo(page, previewButton);
    await page.keyboard.press('Enter');
    const commitButton = page.getByRole('button', { name: w('import.commit.two'), exact: true });
    await tabTo(page, commitButton);
    await page.keyboard.press('Enter');
    const done = page.getByRole('heading', { level: 2, name: w('import.commit.title') });
    await expect(done).toBeFocused();
    await expect(page.getByTestId('import-announcement')).toHaveText(
      language === 'en'
        ? 'Import finished: 2 New members'
        : // Arabic's own plural for two; the digit is the browser's Arabic (Latin or Arabic-Indic).
          new RegExp(`^${w('import.commit.title')}: [2٢] ${w('import.counts.created_two')}$`),
    );

    // Check in at the door: everything typed.
    await openSection(page, w('events.nav'));
    const agm = page.getByRole('main').getByRole('button', { name: 'AGM', exact: true });
    await tabTo(page, agm);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'AGM' })).toBeFocused();
    const door = page.getByRole('button', { name: w('events.checkIn.open'), exact: true });
    await tabTo(page, door);
    await page.keyboard.press('Enter');
    const find = page.getByRole('combobox', { name: w('events.checkIn.searchLabel') });
    await expect(find).toBeFocused();
    await expectFocusRing(page);
    await page.keyboard.type('Wanjiru');
    await expect(page.getByTestId('door-option').first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Wanjiru Kamau' }).first()).toBeVisible();
    await expect(find).toBeFocused();
    await expect(page.getByTestId('door-checked-in')).toContainText(/[1١]/);

    // Print the roster: the menu opens on Enter, arrows choose, the dialog prints, Escape returns.
    await openSection(page, w('nav.members'));
    const printButton = page.getByRole('button', { name: w('print.menu'), exact: true });
    await tabTo(page, printButton);
    await page.keyboard.press('Enter');
    const roster = page.getByRole('button', { name: w('print.open.rosterLabel') });
    await expect(roster).toBeVisible();
    await tabTo(page, roster, { max: 6 });
    await page.keyboard.press('Enter');
    const printDialog = page.getByRole('dialog');
    await expect(printDialog).toBeVisible();
    await expect(printDialog.getByLabel(w('print.language'))).toBeFocused();
    await expectFocusRing(page);
    await expect(page.locator('[data-testid="print-frame"][data-ready="true"]')).toHaveCount(1);
    await page.getByTestId('print-frame').evaluate((frame: HTMLIFrameElement) => {
      frame.contentWindow!.print = () => {
        document.body.dataset['printed'] = 'yes';
      };
    });
    const print = printDialog.getByRole('button', { name: w('print.print'), exact: true });
    await tabTo(page, print);
    await page.keyboard.press('Enter');
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
    await page.keyboard.press('Escape');
    await expect(printDialog).toBeHidden();
    await expect(printButton).toBeFocused();
    await expectFocusRing(page);
  });
}
