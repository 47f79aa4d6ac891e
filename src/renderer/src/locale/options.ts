import { COUNTRY_CODES, countryName, currencyName } from '../../../shared/locale/countries';
import { CURRENT_CURRENCIES } from '../../../shared/locale/currencies';
import type { ComboOption } from './OptionCombobox';

const byLabel = (language: string) => (a: ComboOption, b: ComboOption) =>
  a.label.localeCompare(b.label, language);

/** Every country, named in `language`, in that language's alphabetical order. */
export function countryOptions(language: string): ComboOption[] {
  return COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, language) })).sort(
    byLabel(language),
  );
}

/**
 * The currencies in use today, named in `language`; a chapter's own currency is offered even when
 * it is not one of them (setup takes any three letters).
 */
export function currencyOptions(language: string, current = ''): ComboOption[] {
  const codes =
    current && !CURRENT_CURRENCIES.includes(current) ? [...CURRENT_CURRENCIES, current] : CURRENT_CURRENCIES;
  return codes.map((code) => ({ value: code, label: currencyName(code, language) })).sort(byLabel(language));
}
