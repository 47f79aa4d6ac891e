import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryName, currencyName } from './countries';
import { CURRENT_CURRENCIES, currencyOfCountry } from './currencies';
import { proposedCsvDelimiter } from './csv';
import { dateFormatFor, formatDateInput, parseDateInput } from './dates';

describe('countries and currencies', () => {
  it('names them in the language asked', () => {
    expect(countryName('SN', 'fr')).toBe('Sénégal');
    expect(countryName('SN', 'en')).toBe('Senegal');
    expect(currencyName('XOF', 'en')).toBe('West African CFA Franc');
  });

  it('proposes the currency a country uses, and none where the table does not say', () => {
    expect(currencyOfCountry('SN')).toBe('XOF');
    expect(currencyOfCountry('fr')).toBe('EUR');
    expect(currencyOfCountry('KE')).toBe('KES');
    expect(currencyOfCountry('CM')).toBe('XAF');
    expect(currencyOfCountry('ZZ')).toBeNull();
  });

  it('knows only countries and currencies ICU and libphonenumber know', () => {
    const icu = new Set(Intl.supportedValuesOf('currency'));
    expect(CURRENT_CURRENCIES.filter((c) => !icu.has(c))).toEqual([]);
    const proposals = COUNTRY_CODES.map((c) => [c, currencyOfCountry(c)] as const);
    expect(proposals.filter(([, currency]) => currency === null).map(([c]) => c)).toEqual([]);
  });
});

describe('dates in the chapter locale', () => {
  const french = dateFormatFor('fr', 'SN');
  const american = dateFormatFor('en', 'US');

  it('writes and reads the locale order, and stores ISO', () => {
    expect(french).toEqual({ order: 'dmy', separator: '/' });
    expect(american.order).toBe('mdy');
    // ICU has no English for Senegal: the country still puts the day first.
    expect(dateFormatFor('en', 'SN').order).toBe('dmy');
    expect(dateFormatFor('fr', 'CA').order).toBe('ymd');
    expect(formatDateInput('2020-02-03', french)).toBe('03/02/2020');
    expect(formatDateInput('2020-02-03', american)).toBe('02/03/2020');
    expect(parseDateInput('3/2/2020', french)).toEqual({ ok: true, iso: '2020-02-03' });
    expect(parseDateInput('03.02.2020', french)).toEqual({ ok: true, iso: '2020-02-03' });
    expect(parseDateInput('02/03/2020', american)).toEqual({ ok: true, iso: '2020-02-03' });
    expect(parseDateInput('2020-02-03', american)).toEqual({ ok: true, iso: '2020-02-03' });
    expect(parseDateInput('29/02/2024', french)).toEqual({ ok: true, iso: '2024-02-29' });
  });

  it('refuses a day the calendar does not have, never carrying it elsewhere', () => {
    expect(parseDateInput('31/02/2020', french)).toEqual({
      ok: false,
      problem: 'no_such_day',
      day: 31,
      month: 2,
    });
    expect(parseDateInput('29/02/2023', french)).toMatchObject({ ok: false, problem: 'no_such_day' });
    expect(parseDateInput('31/13/2020', french)).toEqual({ ok: false, problem: 'no_such_month', month: 13 });
    expect(parseDateInput('31/02/20', french)).toEqual({ ok: false, problem: 'unreadable' });
    expect(parseDateInput('310220200', french)).toEqual({ ok: false, problem: 'unreadable' });
    expect(parseDateInput('22020-02-31', french)).toEqual({ ok: false, problem: 'unreadable' });
  });
});

describe('the CSV delimiter', () => {
  it('proposes a semicolon where a comma is the decimal separator', () => {
    expect(proposedCsvDelimiter('fr')).toBe(';');
    expect(proposedCsvDelimiter('de')).toBe(';');
    expect(proposedCsvDelimiter('en')).toBe(',');
  });
});
