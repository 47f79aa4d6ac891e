import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Issue #14, items 3, 4, 7 and 9: a secretary's first hour with the chapter's own settings. */

test.describe('in English on a laptop set up for Senegal', () => {
  test.use({ locale: 'en-SN' });

  test('setup picks the country by name, proposes its currency, and only proposes the laptop’s region', async ({
    app,
    page,
  }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Set up your chapter' })).toBeVisible();
    const country = page.getByRole('combobox', { name: 'Country', exact: true });
    const currency = page.getByRole('combobox', { name: 'Currency', exact: true });
    // The laptop's region is a proposal beside an empty field, not a value filled in unseen.
    await expect(country).toHaveValue('');
    await expect(page.getByTestId('country-proposal')).toContainText('This computer is set up for Senegal.');

    await page.getByLabel('Chapter name').fill('Dakar');
    await page.getByLabel('Your name').fill('Awa');
    // A name that is no country is refused with a word on choosing, not on ISO codes.
    await country.fill('Atlantis');
    await expect(page.getByText('Nothing matches “Atlantis”.')).toBeVisible();
    await page.getByRole('button', { name: 'Create chapter' }).click();
    await expect(page.getByTestId('error-country')).toHaveText('Choose a country from the list');
    await expect(page.getByTestId('error-currency')).toHaveText('Choose a currency from the list');

    // Typed by name, picked from the list with the keyboard.
    await country.fill('Seneg');
    await expect(page.getByRole('option', { name: /Senegal/ })).toBeVisible();
    await country.press('ArrowDown');
    await country.press('Enter');
    await expect(country).toHaveValue('Senegal');
    await expect(currency).toHaveValue('West African CFA Franc');
    await expect(page.getByText(/West African CFA Franc, the currency of Senegal/)).toBeVisible();

    await page.getByRole('button', { name: 'Create chapter' }).click();
    await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('region', { name: 'Chapter' });
    await expect(settings.getByRole('combobox', { name: 'Country', exact: true })).toHaveValue('Senegal');
    await expect(settings.getByRole('combobox', { name: 'Currency', exact: true })).toHaveValue(
      'West African CFA Franc',
    );
  });
});

async function setUpFrenchChapter(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Configurer votre section' })).toBeVisible();
  await page.getByLabel('Nom de la section').fill('Dakar');
  await page.getByTestId('country-proposal').getByRole('button', { name: 'Choisir Sénégal' }).click();
  await expect(page.getByRole('combobox', { name: 'Pays', exact: true })).toHaveValue('Sénégal');
  await expect(page.getByRole('combobox', { name: 'Monnaie', exact: true })).toHaveValue('franc CFA (BCEAO)');
  await page.getByLabel('Votre nom').fill('Awa');
  await page.getByRole('button', { name: 'Créer la section' }).click();
  await expect(page.getByRole('heading', { name: 'Membres' })).toBeVisible();
}

test.describe('in French on a laptop set up for Senegal', () => {
  test.use({ locale: 'fr-SN' });

  test('chapter settings are edited, kept, and listed with the officer who changed them', async ({
    app,
    page,
  }) => {
    await setUpFrenchChapter(page, app.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Paramètres' }).click();
    const settings = page.getByRole('region', { name: 'Section' });

    await settings.getByLabel('Délai de grâce (jours)').fill('beaucoup');
    await settings.getByRole('button', { name: 'Enregistrer les réglages de la section' }).click();
    await expect(settings.getByTestId('error-graceDays')).toHaveText(
      'Donnez un nombre entier de jours, de 0 à 3650',
    );

    await settings.getByLabel('Nom de la section').fill('Dakar Plateau');
    await settings.getByLabel('Délai de grâce (jours)').fill('45');
    await settings.getByLabel('Responsables').fill('Awa\nMoussa');
    await settings.getByLabel('Responsable qui utilise cet ordinateur').selectOption('Moussa');
    await settings.getByLabel('Séparateur CSV').selectOption({ label: 'Tabulation' });
    await settings.getByRole('button', { name: 'Enregistrer les réglages de la section' }).click();
    await expect(settings.getByText('Enregistré.')).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Dakar Plateau');

    const latest = settings.getByTestId('chapter-history-edit').first();
    await expect(latest).toContainText('Moussa sur cet ordinateur');
    await expect(latest).toContainText('Dakar Plateau');
    await expect(latest).toContainText('Awa, Moussa');
    await expect(settings.getByTestId('chapter-history-edit').last()).toContainText('Awa sur cet ordinateur');

    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: 'Paramètres' }).click();
    await expect(settings.getByLabel('Délai de grâce (jours)')).toHaveValue('45');
    await expect(settings.getByLabel('Séparateur CSV')).toHaveValue('\t');
    await expect(settings.getByLabel('Responsable qui utilise cet ordinateur')).toHaveValue('Moussa');
  });

  test('a date is typed day first, a day the calendar lacks is refused, and the date is kept', async ({
    app,
    page,
  }) => {
    await setUpFrenchChapter(page, app.url);
    await page.getByRole('button', { name: 'Ajouter un membre' }).click();
    const form = page.getByRole('dialog', { name: 'Ajouter un membre' });
    await form.getByLabel('Prénom').fill('Fatou');
    await form.getByLabel('Nom', { exact: true }).fill('Diop');
    const joined = form.getByLabel('Date d’adhésion');
    await expect(joined).toHaveAttribute('placeholder', 'JJ/MM/AAAA');
    await joined.fill('31/02/2020');
    await joined.blur();
    await expect(form.getByTestId('error-joinedOn')).toHaveText('Il n’y a pas de 31 février.');
    // A country is chosen by its name too; one that is no country is refused.
    const country = form.getByRole('combobox', { name: 'Pays', exact: true });
    await country.fill('Atlantide');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(form).toBeVisible();
    await expect(form.getByTestId('error-country')).toHaveText('Choisissez un pays dans la liste');
    await expect(form.getByTestId('error-joinedOn')).toHaveText('Il n’y a pas de 31 février.');
    await expect(country).toBeFocused();

    await country.fill('Mali');
    await joined.fill('29/02/2020');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(form).toBeHidden();
    await page.getByTestId('member-row').filter({ hasText: 'Fatou Diop' }).click();
    await page.getByRole('button', { name: 'Modifier' }).click();
    await expect(page.getByRole('dialog').getByLabel('Date d’adhésion')).toHaveValue('29/02/2020');
    await expect(page.getByRole('dialog').getByRole('combobox', { name: 'Pays', exact: true })).toHaveValue(
      'Mali',
    );
  });

  test('the attendance report reads its period day first', async ({ app, page }) => {
    await setUpFrenchChapter(page, app.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Événements' }).click();
    const report = page.getByRole('region', { name: 'Bilan de participation' });
    const from = report.getByLabel('Du', { exact: true });
    await expect(from).toHaveValue(/^01\/01\/\d{4}$/);
    await from.fill('31/04/2025');
    await expect(report.getByTestId('error-from')).toHaveText('Il n’y a pas de 31 avril.');
    await from.fill('30/04/2025');
    await expect(report.getByTestId('error-from')).toBeHidden();
    await expect(report.getByTestId('attendance-report')).toBeVisible();
  });

  test('the CSV export proposes semicolons and writes headers and values in French', async ({
    app,
    page,
  }) => {
    await setUpFrenchChapter(page, app.url);
    await page.getByRole('button', { name: 'Ajouter un membre' }).click();
    const form = page.getByRole('dialog', { name: 'Ajouter un membre' });
    await form.getByLabel('Prénom').fill('Fatou');
    await form.getByLabel('Nom', { exact: true }).fill('Diop');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(form).toBeHidden();

    await page.getByRole('button', { name: 'Exporter' }).click();
    await expect(page.getByLabel('Colonnes séparées par')).toHaveValue(';');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(
      'Numéro de membre;Prénom;Nom de famille;Courriel;Téléphone;Téléphone (E.164);Pays;Adresse ligne 1;Adresse ligne 2;Code postal;Ville;Région;Organisation;Type d’adhésion;Statut;Date d’adhésion;Payé jusqu’au;Accord courriel;Accord SMS;Notes',
    );
    expect(row).toContain(';Fatou;Diop;');
    expect(row).toContain(';Jamais payé;');
    expect(row).toMatch(/;non;non;$/);
  });
});
