import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fieldLabel, fieldValueText, shortId } from './fieldDisplay';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: en } }, showSupportNotice: false });
});

const context = () => ({
  t: i18n.t,
  formatDate: (isoDate: string) => `date ${isoDate}`,
  types: [
    {
      id: 't1',
      name: 'Regular',
      kind: 'individual' as const,
      feeMinor: 0,
      currency: 'EUR',
      periodMonths: 12,
      graceDays: null,
      retired: false,
    },
  ],
});

describe('field display', () => {
  it('labels known fields and leaves unknown ones as named', () => {
    expect(fieldLabel('city', i18n.t)).toBe('City');
    expect(fieldLabel('deleted', i18n.t)).toBe('Deleted');
    expect(fieldLabel('shoeSize', i18n.t)).toBe('shoeSize');
  });

  it('shows values as a person reads them', () => {
    expect(fieldValueText('city', 'Lyon', context())).toBe('Lyon');
    expect(fieldValueText('city', null, context())).toBe('cleared');
    expect(fieldValueText('consentSms', 1, context())).toBe('Yes');
    expect(fieldValueText('deleted', 0, context())).toBe('No');
    expect(fieldValueText('typeId', 't1', context())).toBe('Regular');
    expect(fieldValueText('typeId', 'gone', context())).toBe('gone');
    expect(fieldValueText('paidThrough', '2025-12-31', context())).toBe('date 2025-12-31');
  });

  it('shortens ids', () => {
    expect(shortId('0123456789abcdef')).toBe('01234567');
  });
});
