import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue #14, item 11: errors cross the contract as codes with their values and the app words them
 * in the secretary's language, with a heading that says what happened. Nothing the main process
 * writes in English reaches a French screen.
 */

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

/** A French chapter with one member, set up through the API so the test starts on the Members page. */
async function frenchChapter(page: Page, url: string): Promise<{ awa: { id: string } }> {
  await call(page, url, 'chapter.setup', {
    name: 'Dakar',
    country: 'SN',
    currency: 'XOF',
    officerName: 'Moussa',
    locale: 'fr',
  });
  const awa = await call<{ id: string }>(page, url, 'members.create', {
    firstName: 'Awa',
    lastName: 'Diallo',
    email: 'awa@example.org',
  });
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Membres' })).toBeVisible();
  return { awa };
}

/** English words the main process writes, and the heading kept for the unexpected. */
const ENGLISH = /Another member|already|No such|Something went wrong|Another program|This member/;

test.use({ locale: 'fr-SN' });

test('refusals of what was typed are worded in French at the field, from their codes', async ({
  app,
  page,
}) => {
  await frenchChapter(page, app.url);

  // A bad email, then an email another member has: the second is the service's refusal.
  await page.getByRole('button', { name: 'Ajouter un membre' }).click();
  const form = page.getByRole('dialog', { name: 'Ajouter un membre' });
  await form.getByLabel('Prénom').fill('Binta');
  await form.getByRole('textbox', { name: 'E-mail' }).fill('pas-une-adresse');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByTestId('error-email')).toHaveText('Adresse e-mail non valide');
  await form.getByRole('textbox', { name: 'E-mail' }).fill('AWA@example.org');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByTestId('error-email')).toHaveText(
    'Un autre membre (Awa Diallo) utilise déjà cette adresse e-mail',
  );
  await expect(form).not.toContainText(ENGLISH);
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  // Registering a guest twice (same email) is refused by the service, said beside the name.
  const event = await call<{ id: string }>(page, app.url, 'events.create', {
    title: 'Assemblée générale',
    kind: 'agm',
    startsAt: '2031-05-10T18:00',
    endsAt: '2031-05-10T20:00',
  });
  await call(page, app.url, 'events.register', {
    eventId: event.id,
    guestName: 'Zawadi Mwangi',
    guestEmail: 'zawadi@example.org',
  });
  await page.getByRole('navigation').getByRole('button', { name: 'Événements' }).click();
  await page.getByRole('button', { name: 'Assemblée générale' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assemblée générale' })).toBeVisible();
  await page.getByRole('button', { name: 'Un invité' }).click();
  const register = page.getByRole('form', { name: 'Inscrire quelqu’un' });
  await register.getByLabel('Nom', { exact: true }).fill('Zawadi M.');
  await register.getByLabel('E-mail', { exact: true }).fill('zawadi@example.org');
  await register.getByRole('button', { name: 'Inscrire l’invité' }).click();
  await expect(register.getByTestId('error-guestName')).toHaveText('Déjà inscrit à cet événement');
  await expect(register).not.toContainText(ENGLISH);
});

test('a file in use and a member erased elsewhere get French headings that say what happened', async ({
  app,
  page,
}) => {
  const { awa } = await frenchChapter(page, app.url);

  // The chapter file kept busy by another program, as the data thread answers when it gives up.
  await page.route('**/api/members.create', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: {
          code: 'BUSY',
          message: 'Another program is writing to the chapter file (a command-line run or an import).',
        },
      }),
    }),
  );
  await page.getByRole('button', { name: 'Ajouter un membre' }).click();
  const form = page.getByRole('dialog', { name: 'Ajouter un membre' });
  await form.getByLabel('Prénom').fill('Binta');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  const busy = form.getByRole('alert');
  await expect(busy).toContainText('Le fichier de la section est occupé');
  await expect(busy).toContainText('Un autre programme écrit dans le fichier de la section');
  await expect(busy).not.toContainText(ENGLISH);
  await expect(busy).not.toContainText('Un problème est survenu');
  await page.keyboard.press('Escape');
  await page.unroute('**/api/members.create');

  // Awa's page is open when another laptop's erasure arrives: saving an edit finds her gone.
  await page.getByTestId('member-row').filter({ hasText: 'Awa Diallo' }).click();
  await page.getByRole('button', { name: 'Modifier' }).click();
  const edit = page.getByRole('dialog');
  await edit.getByLabel('Ville').fill('Thiès');
  await call(page, app.url, 'members.erase', { id: awa.id });
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  const gone = edit.getByRole('alert');
  // At the top of a long form, brought into view from the Save button that caused it.
  await expect(gone).toBeInViewport();
  await expect(gone).toContainText('Introuvable');
  await expect(gone).toContainText(
    'Ce membre n’est plus là : il a peut-être été effacé sur un autre ordinateur.',
  );
  await expect(gone).not.toContainText(ENGLISH);
  await expect(gone).not.toContainText('Un problème est survenu');
});

test('an import’s counts take their plural from the count: 1 refusé, not 1 refusés', async ({
  app,
  page,
}) => {
  await frenchChapter(page, app.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importer des membres' })).toBeVisible();
  // Two people, and a row with neither a name nor an email: refused.
  const csv = [
    'Prénom;Nom;E-mail;Ville',
    'Fatou;Diop;fatou@example.org;Dakar',
    'Ibou;Ndiaye;;Thiès',
    ';;;Rufisque',
  ];
  await page
    .getByLabel('Fichier tableur')
    .setInputFiles({ name: 'membres.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv.join('\n')}\n`) });
  await page.getByRole('button', { name: 'Prévisualiser l’import' }).click();
  const commit = page.getByRole('button', { name: 'Importer 2 membres' });
  await expect(commit).toBeEnabled();
  await expect(page.getByTestId('count-rejected')).toHaveText('1');
  await expect(page.locator('.import-count--rejected')).toContainText('Ligne refusée');
  await expect(page.locator('.import-count--created')).toContainText('Nouveaux membres');

  await commit.click();
  await expect(page.getByRole('heading', { name: 'Import terminé' })).toBeVisible();
  const batch = page.getByTestId('import-batch');
  await expect(batch).toContainText('2 nouveaux, 0 mis à jour, 0 inchangé, 1 refusé, 0 à examiner');
  await expect(batch).not.toContainText('refusés');
});
