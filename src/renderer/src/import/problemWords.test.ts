import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_PROBLEM_CODES, type ImportProblemGroup } from '../../../shared/imports';
import { importEn } from '../i18n/importEn';
import { importFr } from '../i18n/importFr';
import { groupSummary, problemText, rowText } from './problemWords';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    resources: { en: { translation: importEn }, fr: { translation: importFr } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
});

const number = (n: number) => String(n);
const group = (change: Partial<ImportProblemGroup>): ImportProblemGroup => ({
  severity: 'error',
  code: 'unknown_type',
  field: 'membershipType',
  column: 'Catégorie',
  params: { type: 'Étudiant' },
  count: 12,
  rows: [{ row: 3, value: 'Étudiant' }],
  message: '',
  ...change,
});

describe('wording an import’s problems', () => {
  it.each(['en', 'fr'])('words every problem code in %s, whatever its params', (language) => {
    const t = i18n.getFixedT(language);
    for (const code of IMPORT_PROBLEM_CODES) {
      const variants: ImportProblemGroup['params'][] = [
        {},
        { order: 'mdy', by: 'email', country: 'SN', max: 20, type: 'X', name: 'Y', label: 'Size' },
      ];
      for (const params of variants) {
        const text = problemText({ code, params }, t);
        expect(text, code).not.toMatch(/import\.|\{\{|undefined/);
        expect(text.length, code).toBeGreaterThan(5);
      }
    }
  });

  it('says a problem of many rows once, with their count, field and column', () => {
    expect(groupSummary(group({}), i18n.getFixedT('en'), number)).toBe(
      '12 rows, Membership type (column “Catégorie”): no membership type called “Étudiant”: create it or choose a type for it, else these members are imported without a type',
    );
    expect(groupSummary(group({}), i18n.getFixedT('fr'), number)).toBe(
      '12 lignes, Type d’adhésion (colonne « Catégorie ») : aucun type d’adhésion nommé « Étudiant » : créez-le ou choisissez-lui un type, sinon ces membres sont importés sans type',
    );
  });

  it('names the row and quotes the value of a problem of one row', () => {
    const one = group({
      code: 'invalid_email',
      field: 'email',
      column: null,
      params: {},
      count: 1,
      rows: [{ row: 6, value: 'paul@' }],
    });
    expect(groupSummary(one, i18n.getFixedT('en'), number)).toBe(
      'Row 6, Email: not a valid email address, so no email was imported (“paul@”)',
    );
    const rejected = group({
      severity: 'rejected',
      code: 'no_name_or_email',
      field: null,
      column: null,
      params: {},
      count: 1,
      rows: [{ row: 9, value: '' }],
    });
    expect(groupSummary(rejected, i18n.getFixedT('fr'), number)).toBe('Ligne 9 : ni nom ni courriel');
  });

  it('says which earlier row the only row of a merge replaced a value of', () => {
    const merged = group({
      severity: 'warning',
      code: 'merge_conflict',
      field: 'city',
      column: null,
      params: { by: 'email' },
      count: 1,
      rows: [{ row: 10, value: 'Lyon', earlierRow: 2, replaced: 'Paris' }],
    });
    expect(groupSummary(merged, i18n.getFixedT('en'), number)).toBe(
      'Row 10, City: the same member as an earlier row (same email): the later row’s value counts (“Lyon” replaces “Paris” from row 2)',
    );
  });

  it('lists a row with its value, and a merged row with the row it replaced a value of', () => {
    const t = i18n.getFixedT('en');
    expect(rowText({ row: 4, value: 'Organization' }, t)).toBe('Row 4: “Organization”');
    expect(rowText({ row: 4, value: '' }, t)).toBe('Row 4');
    expect(rowText({ row: 7, value: 'Lyon', earlierRow: 3, replaced: 'Paris' }, t)).toBe(
      'Row 7: “Lyon” replaces “Paris” from row 3',
    );
  });

  it('reads the date order and the duplicate’s key from the params', () => {
    const t = i18n.getFixedT('fr');
    expect(problemText({ code: 'wrong_order', params: { order: 'mdy' } }, t)).toContain('mois/jour/année');
    expect(problemText({ code: 'invalid_date', params: { order: 'dmy' } }, t)).toContain('31/03/2024');
    expect(problemText({ code: 'merge_conflict', params: { by: 'memberNumber' } }, t)).toContain(
      'même numéro de membre',
    );
  });
});
