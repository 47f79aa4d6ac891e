import { getCountries } from 'libphonenumber-js/min';
import { foldText } from '../../../shared/text';

/** Names that the standard country names in English, French, Spanish and Portuguese miss. */
const EXTRA_NAMES: Record<string, string> = {
  usa: 'US',
  'u s a': 'US',
  'u s': 'US',
  'united states of america': 'US',
  america: 'US',
  eeuu: 'US',
  'ee uu': 'US',
  uk: 'GB',
  'u k': 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  angleterre: 'GB',
  holland: 'NL',
  'ivory coast': 'CI',
  drc: 'CD',
  rdc: 'CD',
  'dr congo': 'CD',
  'rd congo': 'CD',
  'democratic republic of congo': 'CD',
  'republique democratique du congo': 'CD',
  'congo brazzaville': 'CG',
  'republic of congo': 'CG',
  'south korea': 'KR',
  'north korea': 'KP',
  russia: 'RU',
  'czech republic': 'CZ',
  swaziland: 'SZ',
  burma: 'MM',
  'cape verde': 'CV',
  'cabo verde': 'CV',
  'east timor': 'TL',
  deutschland: 'DE',
  espana: 'ES',
  italia: 'IT',
  nederland: 'NL',
  schweiz: 'CH',
  suisse: 'CH',
  osterreich: 'AT',
  belgie: 'BE',
};

function countryKey(value: string): string {
  return (foldText(value).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w !== 'the').join(' ');
}

let index: Map<string, string> | null = null;

/** Built on first use from the ICU country names that Node ships, in the four languages chapters use. */
function countryIndex(): Map<string, string> {
  if (index) return index;
  index = new Map();
  const codes = getCountries();
  for (const locale of ['en', 'fr', 'es', 'pt']) {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    for (const code of codes) {
      const name = names.of(code);
      if (name && name !== code) index.set(countryKey(name), code);
    }
  }
  for (const code of codes) index.set(code.toLowerCase(), code);
  for (const [name, code] of Object.entries(EXTRA_NAMES)) index.set(name, code);
  return index;
}

/** A two-letter country code from a code or a common name ("France", "Royaume-Uni", "Brasil"), or null. */
export function toCountryCode(value: string): string | null {
  const key = countryKey(value);
  return key ? (countryIndex().get(key) ?? null) : null;
}
