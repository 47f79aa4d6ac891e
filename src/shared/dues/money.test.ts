import { describe, expect, it } from 'vitest';
import { formatMoney, isCurrencyCode, minorDigits, minorToDecimal, parseAmount } from './money';

describe('amounts as people write them', () => {
  it.each([
    ['5000', 'XOF', 5000],
    ['5 000', 'XOF', 5000],
    ['5.000', 'XOF', 5000],
    ['5,000', 'XOF', 5000],
    ['5000.00', 'XOF', 5000],
    ['12.50', 'EUR', 1250],
    ['12,50', 'EUR', 1250],
    ['12.5', 'EUR', 1250],
    ['1 234,56', 'EUR', 123456],
    ['1,234.56', 'EUR', 123456],
    ['1.234,56', 'EUR', 123456],
    ['1,500', 'KES', 150000],
    ['KES 1,500.00', 'KES', 150000],
    ['1500', 'JPY', 1500],
    ['1.250', 'KWD', 1250],
    ['+20', 'EUR', 2000],
    ['١٢٫٥٠', 'EGP', 1250],
    ['١٬٥٠٠', 'XOF', 1500],
    ['۱۲۵۰', 'XOF', 1250],
    ['\u200f١٢٫٥٠', 'SAR', 1250],
  ])('%s %s is %i minor units', (text, currency, minor) => {
    expect(parseAmount(text, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    ['0', 'EUR', 'AMOUNT_NOT_POSITIVE'],
    ['0.00', 'EUR', 'AMOUNT_NOT_POSITIVE'],
    ['-5', 'EUR', 'AMOUNT_NOT_POSITIVE'],
    ['abc', 'EUR', 'AMOUNT_INVALID'],
    ['', 'EUR', 'AMOUNT_INVALID'],
    ['12.5', 'XOF', 'AMOUNT_TOO_PRECISE'],
    ['1.0051', 'EUR', 'AMOUNT_TOO_PRECISE'],
    ['12.345.6', 'EUR', 'AMOUNT_INVALID'],
    ['1e9', 'EUR', 'AMOUNT_INVALID'],
    ['١٢٫٥٠٫٣', 'EGP', 'AMOUNT_INVALID'],
    ['99999999999999999', 'EUR', 'AMOUNT_TOO_LARGE'],
  ])('%s %s is refused (%s)', (text, currency, problem) => {
    expect(parseAmount(text, currency)).toEqual({ ok: false, problem });
  });

  it('knows minor units and codes from ICU, and writes amounts back', () => {
    expect([minorDigits('XOF'), minorDigits('JPY'), minorDigits('EUR'), minorDigits('KWD')]).toEqual([
      0, 0, 2, 3,
    ]);
    expect(isCurrencyCode('KES')).toBe(true);
    expect(isCurrencyCode('ABC')).toBe(false);
    expect(minorToDecimal(1250, 'EUR')).toBe('12.50');
    expect(minorToDecimal(5, 'EUR')).toBe('0.05');
    expect(minorToDecimal(5000, 'XOF')).toBe('5000');
    expect(formatMoney(1250, 'EUR', 'fr')).toMatch(/12,50\s€/);
    expect(formatMoney(5000, 'XOF', 'fr')).toMatch(/5\s000\sF\s?CFA/);
  });
});
