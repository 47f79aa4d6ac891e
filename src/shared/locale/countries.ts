import { getCountries } from 'libphonenumber-js/min';

/**
 * The countries a chapter or a member can be in: the regions libphonenumber knows (ISO 3166
 * alpha-2, with Kosovo's XK and the dialling regions AC and TA), so every country offered also
 * reads phone numbers.
 */
export const COUNTRY_CODES: readonly string[] = getCountries();

const known = new Set(COUNTRY_CODES);

export function isKnownCountry(code: string): boolean {
  return known.has(code.toUpperCase());
}

/** A country's name in `language` from ICU (Intl.DisplayNames); the code itself when ICU has none. */
export function countryName(code: string, language: string): string {
  return (
    new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code.toUpperCase()) ?? code
  );
}

/** A currency's name in `language` from ICU; the code itself when ICU has none. */
export function currencyName(code: string, language: string): string {
  return (
    new Intl.DisplayNames([language], { type: 'currency', fallback: 'code' }).of(code.toUpperCase()) ?? code
  );
}
