import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { parseAmount } from '../../../shared/dues/money';
import { amountInputText, autoPeriod, checkPayment, type PaymentFormValues } from './paymentForm';
import { isRecordPaymentShortcut } from './shortcut';
import { groupLines, ignoredReason } from './statementLines';
import { checkType, typeFormValues } from './typeForm';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    lng: 'fr',
    resources: { en: { translation: en }, fr: { translation: fr } },
    showSupportNotice: false,
  });
});

const payment = (change: Partial<PaymentFormValues> = {}): PaymentFormValues => ({
  memberId: '7d0c2a54-3f53-4c1e-8a55-1f0e1e6f2b10',
  amount: '25',
  currency: 'EUR',
  method: 'cash',
  reference: '',
  paidOn: '2025-03-31',
  periods: '1',
  periodFrom: '',
  periodTo: '',
  ...change,
});

describe('the amount as typed', () => {
  it('is written in the secretary’s language, with the currency’s digits and no grouping', () => {
    expect(amountInputText(1250, 'EUR', 'fr')).toBe('12,50');
    expect(amountInputText(123456, 'EUR', 'en-GB')).toBe('1234.56');
    expect(amountInputText(5000, 'XOF', 'fr')).toBe('5000');
    expect(amountInputText(0, 'EUR', 'fr')).toBe('');
  });

  it('reads back in Arabic, whatever digits Arabic is written in here', () => {
    expect(parseAmount(amountInputText(1250, 'EGP', 'ar'), 'EGP')).toEqual({ ok: true, minor: 1250 });
    expect(parseAmount(amountInputText(150000, 'XOF', 'ar'), 'XOF')).toEqual({ ok: true, minor: 150000 });
  });
});

describe('checkPayment', () => {
  it('names each field to fix, in French', () => {
    const checked = checkPayment(
      payment({ memberId: null, amount: '0', periods: '0', periodFrom: '2025-04-01' }),
      i18n.t,
    );
    expect(checked).toEqual({
      errors: {
        memberId: 'Choisissez un membre dans la liste',
        amount: 'Le montant doit être supérieur à zéro',
        periods: 'Indiquez un nombre entier de périodes, de 1 à 100',
        periodTo: 'Indiquez le début et la fin de la période, ou ni l’un ni l’autre',
      },
    });
    expect(checkPayment(payment({ amount: '12,5051' }), i18n.t)).toEqual({
      errors: { amount: 'Trop de décimales pour cette devise' },
    });
    expect(checkPayment(payment({ periodFrom: '2025-04-01', periodTo: '2025-03-01' }), i18n.t)).toEqual({
      errors: { periodTo: 'La période se termine avant de commencer' },
    });
  });

  it('sends the period only when there is one, and no empty reference', () => {
    expect(checkPayment(payment({ currency: 'eur', reference: '  ' }), i18n.t)).toEqual({
      input: {
        memberId: '7d0c2a54-3f53-4c1e-8a55-1f0e1e6f2b10',
        amount: '25',
        currency: 'EUR',
        method: 'cash',
        paidOn: '2025-03-31',
        periods: 1,
      },
    });
  });
});

describe('autoPeriod', () => {
  const type = { feeMinor: 2400, currency: 'EUR', periodMonths: 12 };
  const renewal = { status: 'active' as const, periodFrom: '2025-04-01' };

  it('covers as many months as the amount pays at the type’s fee', () => {
    expect(autoPeriod(renewal, type, '24', 'EUR', 1)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(autoPeriod(renewal, type, '12', 'EUR', 1)).toEqual({ from: '2025-04-01', to: '2025-09-30' });
    expect(autoPeriod(renewal, type, '48', 'EUR', 2)).toEqual({ from: '2025-04-01', to: '2027-03-31' });
    expect(autoPeriod(renewal, type, '1', 'EUR', 1)).toBeNull();
  });

  it('falls back to whole periods without a fee to compare with, and has none for honorary members', () => {
    expect(autoPeriod(renewal, { ...type, feeMinor: 0 }, '5', 'EUR', 2)).toEqual({
      from: '2025-04-01',
      to: '2027-03-31',
    });
    expect(autoPeriod(renewal, type, '24', 'KES', 1)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(autoPeriod({ ...renewal, status: 'honorary' }, type, '24', 'EUR', 1)).toBeNull();
  });
});

describe('membership type form', () => {
  it('reads an existing type back as typed, and checks what was changed', () => {
    const values = typeFormValues(
      {
        id: 'x',
        name: 'Étudiant',
        kind: 'student',
        feeMinor: 1250,
        currency: 'EUR',
        periodMonths: 12,
        graceDays: null,
        retired: false,
      },
      'EUR',
      'fr',
    );
    expect(values).toMatchObject({ fee: '12,50', periodMonths: '12', graceDays: '' });
    expect(checkType(values, i18n.t)).toEqual({
      input: {
        name: 'Étudiant',
        kind: 'student',
        fee: '12,50',
        currency: 'EUR',
        periodMonths: 12,
        graceDays: null,
      },
    });
  });

  it('gives honorary and lifetime types no period and reports bad values', () => {
    const honorary = {
      ...typeFormValues(undefined, 'XOF', 'fr'),
      name: 'Honneur',
      kind: 'honorary' as const,
    };
    expect(checkType(honorary, i18n.t)).toEqual({
      input: {
        name: 'Honneur',
        kind: 'honorary',
        fee: '0',
        currency: 'XOF',
        periodMonths: null,
        graceDays: null,
      },
    });
    const wrong = { ...typeFormValues(undefined, 'ZZZ', 'fr'), periodMonths: '0', graceDays: '-3' };
    expect(checkType(wrong, i18n.t)).toEqual({
      errors: {
        name: 'Donnez un nom au type',
        currency: 'Utilisez un code devise à trois lettres, comme EUR ou KES',
        periodMonths: 'Indiquez un nombre entier de mois, au moins 1',
        graceDays: 'Indiquez un nombre entier de jours, ou laissez vide pour le délai de la section',
      },
    });
  });
});

describe('statement lines', () => {
  it('words why a line is never recorded', () => {
    expect(ignoredReason('status: Failed', i18n.t)).toBe('Échoué');
    expect(ignoredReason('status: Échec', i18n.t)).toBe('État « Échec »');
    expect(ignoredReason('outgoing', i18n.t)).toBe('Paiement sortant');
    expect(ignoredReason('amount: missing', i18n.t)).toBe('Sans montant');
    expect(ignoredReason('date: Not a date: 31/02/2024', i18n.t)).toBe('date: Not a date: 31/02/2024');
  });

  it('groups lines by what happens to them', () => {
    const line = { line: 2, state: 'ignored' as const } as Parameters<typeof groupLines>[0][number];
    expect(groupLines([line]).ignored).toEqual([line]);
    expect(groupLines([line]).match).toEqual([]);
  });
});

describe('the Record payment shortcut', () => {
  it('is Alt+P, on any keyboard layout, and nothing else', () => {
    const key = { altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, key: 'p', code: 'KeyP' };
    expect(isRecordPaymentShortcut(key)).toBe(true);
    expect(isRecordPaymentShortcut({ ...key, key: 'з' })).toBe(true);
    expect(isRecordPaymentShortcut({ ...key, ctrlKey: true })).toBe(false);
    expect(isRecordPaymentShortcut({ ...key, altKey: false })).toBe(false);
  });
});
