/**
 * Money is an integer count of a currency's minor unit (cents, centimes; XOF and JPY have none,
 * KWD has three) with its ISO 4217 code. How many digits a currency has comes from the ICU data
 * that ships with Node and Chromium, so the app, the CLI and the server agree without a table of
 * our own.
 */

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(code: string): boolean {
  return KNOWN_CURRENCIES.has(code);
}

export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** Why an amount as written cannot be read; the renderer and the CLI word it. */
export type AmountProblem =
  'AMOUNT_INVALID' | 'AMOUNT_TOO_PRECISE' | 'AMOUNT_NOT_POSITIVE' | 'AMOUNT_TOO_LARGE';

export type AmountResult = { ok: true; minor: number } | { ok: false; problem: AmountProblem };

/** Larger than any dues payment, and far inside the integers a double holds exactly. */
export const MAX_AMOUNT_MINOR = 1e13;

// Spaces (plain, no-break, narrow no-break), apostrophes, underscores and the Arabic thousands
// sign people put between thousands ("5 000", "5’000", "1,234.50", "١٬٥٠٠"), and the direction
// marks an Arabic number carries when copied from a formatted page.
const GROUPING = /[\s\u00a0\u202f'’_\u066c\u200e\u200f\u061c]/g;

/**
 * Arabic-Indic and Eastern Arabic-Indic digits (what Intl writes for Arabic, and an Arabic or
 * Persian keyboard types) as ASCII ones, and the Arabic decimal sign as a point: "١٢٫٥٠" is 12.50.
 */
function asciiDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.');
}

/**
 * An amount as people write it ("5000", "12.50", "12,50", "1 234,50", "1,234.50", "KES 1,500.00")
 * in minor units of `currency` (see `splitDecimal` for which separator is the decimal one).
 * Zero and negative amounts are refused: a payment is money received.
 */
export function parseAmount(text: string, currency: string): AmountResult {
  let value = asciiDigits(text.trim()).replace(GROUPING, '');
  const code = value.match(/^[A-Za-z]{3}|[A-Za-z]{3}$/)?.[0];
  if (code && code.toUpperCase() === currency) value = value.replace(code, '');
  if (value.startsWith('-') || value.startsWith('−')) return { ok: false, problem: 'AMOUNT_NOT_POSITIVE' };
  if (value.startsWith('+')) value = value.slice(1);
  if (!/^\d[\d.,]*$/.test(value) && !/^[.,]\d+$/.test(value)) return { ok: false, problem: 'AMOUNT_INVALID' };
  const digits = minorDigits(currency);
  const { whole, fraction: written } = splitDecimal(value, digits);
  let fraction = written;
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole + fraction === '') {
    return { ok: false, problem: 'AMOUNT_INVALID' };
  }
  if (fraction.length > digits) {
    if (/^0*$/.test(fraction.slice(digits))) fraction = fraction.slice(0, digits);
    else return { ok: false, problem: 'AMOUNT_TOO_PRECISE' };
  }
  const minor = Number(whole || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > MAX_AMOUNT_MINOR)
    return { ok: false, problem: 'AMOUNT_TOO_LARGE' };
  if (minor <= 0) return { ok: false, problem: 'AMOUNT_NOT_POSITIVE' };
  return { ok: true, minor };
}

/** Minor units as a plain decimal string ("12.50", "5000"), for CSV and JSON output. */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** Minor units for people, in their locale: "12,50 €", "FCFA 5,000", "¥5,000". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
}

/**
 * Which separator is the decimal one. With both a point and a comma, the last one is; a separator
 * written more than once groups thousands; one written once with exactly three digits after it
 * groups thousands too ("1,500", "5.000"), unless the currency has three minor digits.
 */
function splitDecimal(value: string, digits: number): { whole: string; fraction: string } {
  const points = value.split('.').length - 1;
  const commas = value.split(',').length - 1;
  if (points === 0 && commas === 0) return { whole: value, fraction: '' };
  let decimal: string | null;
  if (points > 0 && commas > 0) decimal = value.lastIndexOf('.') > value.lastIndexOf(',') ? '.' : ',';
  else {
    const sep = points > 0 ? '.' : ',';
    const count = points + commas;
    const tail = value.slice(value.lastIndexOf(sep) + 1);
    decimal = count > 1 || (tail.length === 3 && digits !== 3) ? null : sep;
  }
  const at = decimal === null ? value.length : value.lastIndexOf(decimal);
  const whole = value.slice(0, at);
  // Thousands come in threes: "12.345.6" or "1,23,4" is a typing slip, not an amount.
  if (!/^\d*$/.test(whole) && !/^\d{1,3}([.,]\d{3})+$/.test(whole)) return { whole: 'x', fraction: '' };
  return { whole: whole.replace(/[.,]/g, ''), fraction: decimal === null ? '' : value.slice(at + 1) };
}
