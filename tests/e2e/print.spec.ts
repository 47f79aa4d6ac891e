/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Calls one operation of browser mode's API, as the app does, with the launch's token. */
async function call<T>(page: Page, url: string, operation: string, input: unknown): Promise<T> {
  const token = /#token=([^&]+)/.exec(url)![1]!;
  const response = await page.request.post(new URL(`/api/${operation}`, url).href, {
    headers: { authorization: `Bearer ${decodeURIComponent(token)}` },
    data: input,
  });
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${operation}: ${body.error?.message}`);
  return body.value;
}

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

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Three members; the two who paid (entered out of alphabetical order) are active. */
async function seed(page: Page, url: string): Promise<{ paymentId: string; receipt: string }> {
  const member = (firstName: string, lastName: string) =>
    call<{ id: string }>(page, url, 'members.create', {
      firstName,
      lastName,
      email: `${firstName.toLowerCase()}@example.org`,
    });
  const zola = await member('Zola', 'Mwangi');
  const amina = await member('Amina', 'Achieng');
  await member('Brian', 'Kiprop');
  const from = new Date();
  const to = new Date(from.getTime() + 300 * 24 * 3600 * 1000);
  const pay = (memberId: string, amount: string) =>
    call<{ id: string; receiptNumber: string }>(page, url, 'payments.record', {
      memberId,
      amount,
      method: 'cash',
      periodFrom: isoDay(from),
      periodTo: isoDay(to),
    });
  const paid = await pay(zola.id, '1500');
  await pay(amina.id, '1000');
  return { paymentId: paid.id, receipt: paid.receiptNumber };
}

/** Opens the Members screen's Print menu and chooses one of its documents. */
async function printFromMembers(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await page.getByRole('button', { name }).click();
}

const printDialog = (page: Page) => page.getByRole('dialog', { name: /^Print/ });
const preview = (page: Page) => page.frameLocator('[data-testid="print-frame"][data-ready="true"]');

test('prints the roster of the filtered members, sorted by last name, in any language', async ({
  app,
  page,
}) => {
  await setUpChapter(page, app.url);
  await seed(page, app.url);
  await page.reload();
  await page.getByLabel('Status').selectOption({ label: 'Active' });
  await expect(page.getByTestId('member-count')).toHaveText('2 members');

  const opener = page.getByRole('button', { name: 'Print', exact: true });
  await printFromMembers(page, 'Print the list of these members');
  const dialog = printDialog(page);
  await expect(dialog).toHaveAccessibleName('Print the member list');
  // The focus moves into the dialog, to its first choice.
  await expect(dialog.getByLabel('Language of the document')).toBeFocused();
  await expect(dialog.getByLabel('Language of the document')).toHaveValue('en');

  const doc = preview(page);
  await expect(doc.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(doc.locator('thead th')).toContainText(['No.', 'Name', 'Email', 'Status', 'Paid through']);
  await expect(doc.locator('tbody tr')).toHaveCount(2);
  // By last name: Achieng before Mwangi, although Mwangi was entered first; Kiprop never paid.
  await expect(doc.locator('tbody tr')).toContainText(['Achieng, Amina', 'Mwangi, Zola']);
  await expect(doc.locator('.meta')).toContainText('Filter: Status: Active');
  await expect(doc.locator('body')).not.toContainText('Kiprop');

  // A column the secretary leaves out is gone from the preview at once.
  await dialog.getByRole('checkbox', { name: 'Email' }).uncheck();
  await expect(doc.locator('thead th', { hasText: 'Email' })).toHaveCount(0);

  // The sheet follows the paper and the orientation.
  const sheet = dialog.getByTestId('print-sheet');
  const landscapeWidth = (await sheet.boundingBox())!.width;
  await dialog.getByRole('radio', { name: 'Portrait' }).check();
  await expect.poll(async () => (await sheet.boundingBox())!.width).toBeLessThan(landscapeWidth);

  await dialog.getByLabel('Language of the document').selectOption({ label: 'العربية' });
  await expect(doc.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(doc.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(doc.locator('h1')).toHaveText('قائمة الأعضاء');
  await expect(doc.locator('tbody tr')).toHaveCount(2);

  // The page rules reach the frame through the CSS object model, @page and its margin boxes included.
  const pageRule = await page
    .getByTestId('print-frame')
    .evaluate((frame: HTMLIFrameElement) =>
      frame.contentDocument!.adoptedStyleSheets.flatMap((sheet) =>
        Array.from(sheet.cssRules, (r) => r.cssText),
      ),
    );
  expect(pageRule.join('\n')).toMatch(/@page \{[^]*size: (a4|letter)[^]*@top-left[^]*@bottom-center/);

  // Print hands the frame to the system's print window.
  await page.getByTestId('print-frame').evaluate((frame: HTMLIFrameElement) => {
    (frame.contentWindow as Window & { printed?: number }).print = () => {
      document.body.dataset['printed'] = 'yes';
    };
  });
  await dialog.getByRole('button', { name: 'Print', exact: true }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  // Saving as PDF is the browser's print window's job here; only the desktop app has the button.
  await expect(dialog.getByRole('button', { name: 'Save as PDF' })).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('prints a receipt from a member’s payment, with the amount in words', async ({ app, page }) => {
  await setUpChapter(page, app.url);
  const { receipt } = await seed(page, app.url);
  await page.reload();
  await page.getByTestId('member-row').filter({ hasText: 'Zola Mwangi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zola Mwangi' })).toBeVisible();

  await page.getByRole('button', { name: `Print receipt ${receipt}` }).click();
  const dialog = printDialog(page);
  await expect(dialog).toHaveAccessibleName(`Print receipt ${receipt}`);
  // A receipt may go on A5.
  await expect(dialog.getByLabel('Paper size').locator('option')).toHaveText([
    'A4',
    'Letter',
    'A5 (half of A4)',
  ]);
  await dialog.getByLabel('Paper size').selectOption('a5');

  const doc = preview(page);
  await expect(doc.locator('h1')).toContainText(receipt);
  await expect(doc.locator('table.receipt')).toContainText('Zola Mwangi');
  await expect(doc.locator('tr', { hasText: 'In words' })).toContainText('one thousand five hundred');
  await expect(doc.locator('.amount')).toContainText('1,500');

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: `Print receipt ${receipt}` })).toBeFocused();
});

test('says why when the document cannot be prepared, instead of a blank preview', async ({ app, page }) => {
  await setUpChapter(page, app.url);
  const { receipt } = await seed(page, app.url);
  await page.reload();
  await page.getByTestId('member-row').filter({ hasText: 'Zola Mwangi' }).click();

  // As if the payment were gone by the time the dialog asks for it.
  await page.route('**/api/print.receipt', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: { code: 'NOT_FOUND', message: 'payment: no payment “gone”.' },
      }),
    }),
  );
  await page.getByRole('button', { name: `Print receipt ${receipt}` }).click();
  const dialog = printDialog(page);
  // Worded from its code; the main process's English message is never shown.
  await expect(dialog.getByRole('alert')).toContainText('Not found');
  await expect(dialog.getByRole('alert')).toContainText('What you asked for is not here any more');
  await expect(dialog.getByRole('alert')).not.toContainText('no payment');
  await expect(dialog.getByTestId('print-frame')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Print', exact: true })).toBeDisabled();

  // Once the operation answers again, Try again brings the preview.
  await page.unroute('**/api/print.receipt');
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(preview(page).locator('h1')).toContainText(receipt);
  await expect(dialog.getByRole('button', { name: 'Print', exact: true })).toBeEnabled();
});

test('in the desktop app, prints and saves as PDF through the main process', async ({ app, page }) => {
  // Stands in for the preload's window.chapterdeskPrint: keeps what the dialog sends, saves the PDF
  // and fails to print, as the main process would answer.
  await page.addInitScript(() => {
    const sent: unknown[] = [];
    Object.assign(window, {
      sentToPrint: sent,
      chapterdeskPrint: {
        print: async (request: { action: string }) => {
          sent.push(request);
          return request.action === 'pdf'
            ? { ok: true, value: 'saved' }
            : {
                ok: false,
                error: {
                  code: 'UNREACHABLE',
                  message: 'The document was not printed: Print job failed.',
                  details: { problem: { code: 'PRINT_FAILED', params: {} } },
                },
              };
        },
      },
    });
  });
  await setUpChapter(page, app.url);
  const { receipt } = await seed(page, app.url);
  await page.reload();
  await page.getByTestId('member-row').filter({ hasText: 'Zola Mwangi' }).click();
  await page.getByRole('button', { name: `Print receipt ${receipt}` }).click();
  const dialog = printDialog(page);
  await dialog.getByLabel('Paper size').selectOption('a5');
  await expect(preview(page).locator('h1')).toContainText(receipt);
  await expect(dialog).toContainText('Save as PDF asks where to save the file.');

  await dialog.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(dialog).toContainText('The PDF is saved.');
  const [saved] = await page.evaluate(() => (window as unknown as { sentToPrint: unknown[] }).sentToPrint);
  // The document as the preview shows it, and the choices made in the dialog.
  expect(saved).toMatchObject({
    action: 'pdf',
    paper: 'a5',
    landscape: false,
    document: { lang: 'en', dir: 'ltr', title: `Receipt ${receipt}` },
  });
  const sentDocument = (saved as { document: Record<string, string> }).document;
  expect(Object.keys(sentDocument).sort()).toEqual(['body', 'css', 'dir', 'lang', 'title']);
  expect(sentDocument['body']).toContain('Zola Mwangi');
  expect(sentDocument['css']).toMatch(/@page \{\s*size: A5 portrait/);

  // Print goes to the main process too, never to the frame; a failure says why.
  await page.getByTestId('print-frame').evaluate((frame: HTMLIFrameElement) => {
    frame.contentWindow!.print = () => {
      document.body.dataset['printed'] = 'frame';
    };
  });
  await dialog.getByRole('button', { name: 'Print', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'The document was not printed: the printer or the system refused it.',
  );
  await expect(dialog.getByRole('alert')).not.toContainText('Something went wrong');
  expect(
    await page.evaluate(() => (window as unknown as { sentToPrint: unknown[] }).sentToPrint.length),
  ).toBe(2);
  await expect(page.locator('body')).not.toHaveAttribute('data-printed', 'frame');
});

test('prints address labels from a chosen position, with the offset saved for the printer', async ({
  app,
  page,
}) => {
  await setUpChapter(page, app.url);
  const member = (fields: Record<string, string>) => call(page, app.url, 'members.create', fields);
  await member({
    firstName: 'Zola',
    lastName: 'Mwangi',
    addressLine1: 'P.O. Box 123',
    postalCode: '00100',
    city: 'Nairobi',
  });
  await member({
    firstName: 'Max',
    lastName: 'Achterberg',
    addressLine1: 'Musterstr. 1',
    postalCode: '10115',
    city: 'Berlin',
    country: 'DE',
  });
  await member({ firstName: 'Brian', lastName: 'Kiprop' });
  await page.reload();

  const opener = page.getByRole('button', { name: 'Print', exact: true });
  await printFromMembers(page, 'Print address labels for these members');
  const dialog = printDialog(page);
  await expect(dialog).toHaveAccessibleName('Print address labels');
  // Kenya prints on A4: the A4 sheet is chosen; no orientation to choose on a sheet.
  await expect(dialog.getByLabel('Label sheet')).toHaveValue('a4');
  await expect(dialog.getByLabel('Label sheet').locator('option')).toHaveText([
    'Avery L7160 (A4, 21 labels)',
    'Avery 5160 (Letter, 30 labels)',
  ]);
  await expect(dialog.getByRole('radio', { name: 'Portrait' })).toHaveCount(0);
  await expect(dialog.getByTestId('print-skipped')).toHaveText(
    '1 member has no postal address and is left out.',
  );

  const doc = preview(page);
  await expect(doc.locator('.cell')).toHaveCount(21);
  // By last name, each address as its country writes it, the foreign one with its country.
  await expect(doc.locator('.cell.p1')).toHaveText(/^Max Achterberg.*Musterstr\. 1.*10115 Berlin.*GERMANY$/);
  await expect(doc.locator('.cell.p2')).toContainText('Zola Mwangi');
  await expect(doc.locator('body')).not.toContainText('Kiprop');

  // A part-used sheet: the first three positions stay blank.
  await dialog.getByRole('radio', { name: 'Position 4' }).check();
  await expect(doc.locator('.cell.skipped')).toHaveCount(3);
  await expect(doc.locator('.cell.p4')).toContainText('Max Achterberg');
  await expect(dialog.getByText('3 positions are left blank, for a part-used sheet.')).toBeVisible();

  // An offset out of range is refused before anything prints.
  await dialog.getByLabel('Move right (mm)').fill('12');
  await expect(
    dialog.getByText('Type a number of millimetres from −10 to 10, such as 1.5 or −2.'),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Print', exact: true })).toBeDisabled();

  await dialog.getByLabel('Printer', { exact: true }).fill('Office HP');
  await dialog.getByLabel('Move right (mm)').fill('2');
  await dialog.getByLabel('Move down (mm)').fill('-1,5');
  await dialog.getByRole('button', { name: 'Save offset for this printer' }).click();
  await expect(dialog.getByText('Offset saved for Office HP.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Print', exact: true })).toBeEnabled();

  // Position 4 of L7160 is 7.21 mm across and 15.15 + 38.1 mm down, moved by the offset.
  const rules = () =>
    page
      .getByTestId('print-frame')
      .evaluate((frame: HTMLIFrameElement) =>
        frame
          .contentDocument!.adoptedStyleSheets.flatMap((s) => Array.from(s.cssRules, (r) => r.cssText))
          .join('\n'),
      );
  await expect.poll(rules).toContain('.p4 { left: 9.21mm; top: 51.75mm; }');
  await expect.poll(rules).toMatch(/@page \{ size: a4( portrait)?; margin: 0px; \}/);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // Next time the printer comes back with its offset, and Letter has the 5160's thirty positions.
  await expect(opener).toBeFocused();
  await printFromMembers(page, 'Print address labels for these members');
  await expect(dialog.getByLabel('Printer', { exact: true })).toHaveValue('Office HP');
  await expect(dialog.getByLabel('Move down (mm)')).toHaveValue('-1.5');
  await dialog.getByLabel('Label sheet').selectOption('letter');
  await expect(dialog.getByRole('radio', { name: /^Position/ })).toHaveCount(30);
  await expect(doc.locator('.cell')).toHaveCount(30);

  // A test sheet instead: every position outlined, to measure the printer on plain paper.
  await dialog.getByRole('checkbox', { name: 'Print a test sheet instead, on plain paper' }).check();
  await expect(doc.locator('.cell.target')).toHaveCount(30);
  await expect(doc.locator('body')).not.toContainText('Max Achterberg');
});

test('warns when a name is in a script this computer has no font for, and only then', async ({
  app,
  page,
}) => {
  await setUpChapter(page, app.url);
  await call(page, app.url, 'members.create', { firstName: 'محمد', lastName: 'علي' });
  await call(page, app.url, 'members.create', { firstName: '伟', lastName: '王' });
  await page.reload();
  await printFromMembers(page, 'Print the list of these members');
  const dialog = printDialog(page);
  await expect(preview(page).locator('tbody tr')).toHaveCount(2);
  // Arabic and Chinese have their fonts here (CI installs Noto): no warning.
  await expect(dialog.getByTestId('print-missing-fonts')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Nag Mundari (Unicode 15) has no font in Debian's Noto packages.
  await call(page, app.url, 'members.create', { firstName: '𞓐𞓕𞓚', lastName: 'Munda' });
  await page.reload();
  await printFromMembers(page, 'Print the list of these members');
  await expect(preview(page).locator('tbody tr')).toHaveCount(3);
  await expect(dialog.getByTestId('print-missing-fonts')).toContainText('no font for Nag Mundari');
});
