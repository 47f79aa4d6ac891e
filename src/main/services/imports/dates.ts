import { monthFirstCountry } from '../../../shared/locale/dates';
import { foldText } from '../../../shared/text';

/** Which number comes first in an all-numeric date such as 03/04/2024. */
export type DateOrder = 'dmy' | 'mdy';

export type DateProblem = 'invalid_date' | 'year_only' | 'out_of_range' | 'wrong_order';

export type ParsedDate = { ok: true; iso: string } | { ok: false; problem: DateProblem };

export function defaultDateOrder(country: string | null | undefined): DateOrder {
  return monthFirstCountry(country) ? 'mdy' : 'dmy';
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Excel serial numbers with five digits: 1927-05-18 to 2173-10-14, where membership dates live. */
const SERIAL = /^(\d{5})(\.\d+)?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const TIME_SUFFIX = /[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*([ap]\.?m\.?)?\s*(z|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$/;

const MONTHS: ReadonlyMap<string, number> = (() => {
  const names: string[][] = [
    ['jan', 'january', 'janv', 'janvier', 'ene', 'enero', 'janeiro'],
    ['feb', 'february', 'fev', 'fevr', 'fevrier', 'febrero', 'fevereiro'],
    ['mar', 'march', 'mars', 'marzo', 'marco'],
    ['apr', 'april', 'avr', 'avril', 'abr', 'abril'],
    ['may', 'mai', 'mayo', 'maio'],
    ['jun', 'june', 'juin', 'junio', 'junho'],
    ['jul', 'july', 'juil', 'juillet', 'julio', 'julho'],
    ['aug', 'august', 'aou', 'aout', 'ago', 'agosto'],
    ['sep', 'sept', 'september', 'septembre', 'septiembre', 'setiembre', 'set', 'setembro'],
    ['oct', 'october', 'octobre', 'octubre', 'out', 'outubro'],
    ['nov', 'november', 'novembre', 'noviembre', 'novembro'],
    ['dec', 'december', 'decembre', 'dic', 'diciembre', 'dez', 'dezembro'],
  ];
  return new Map(names.flatMap((words, i) => words.map((w): [string, number] => [w, i + 1])));
})();

/** Words that may surround a written date and carry nothing: weekdays, "de", "of", "le", "the". */
// prettier-ignore
const FILLER = new Set([
  'de', 'del', 'of', 'the', 'le', 'el', 'o', 'mon', 'monday', 'tue', 'tuesday', 'wed', 'wednesday', 'thu',
  'thursday', 'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday', 'lundi', 'mardi', 'mercredi', 'jeudi',
  'vendredi', 'samedi', 'dimanche', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo',
  'segunda', 'terca', 'quarta', 'quinta', 'sexta', 'feira',
]);

/**
 * The order one value argues for: a first number above 12 can only be a day, a second number
 * above 12 only a day too. Values such as 03/04/2024 argue for nothing.
 */
export function dateOrderVote(value: string): DateOrder | null {
  const match = NUMERIC.exec(stripTime(value.trim()));
  if (!match || (match[1] ?? '').length > 2) return null;
  const first = Number(match[1]);
  const second = Number(match[2]);
  if (first > 12 && second <= 12) return 'dmy';
  if (second > 12 && first <= 12) return 'mdy';
  return null;
}

/** Collects votes for one column; the majority wins, no votes means the caller's default applies. */
export class DateOrderTally {
  private dmy = 0;
  private mdy = 0;

  add(value: string): void {
    const vote = dateOrderVote(value);
    if (vote === 'dmy') this.dmy++;
    else if (vote === 'mdy') this.mdy++;
  }

  result(): DateOrder | null {
    if (this.dmy === this.mdy) return null;
    return this.dmy > this.mdy ? 'dmy' : 'mdy';
  }
}

/**
 * A date as written in a spreadsheet, to YYYY-MM-DD: ISO dates, day/month/year or month/day/year
 * with slashes, dots or dashes and 2- or 4-digit years, 8-digit 20240315, Excel serial numbers
 * (45292 is 2024-01-01, as a CSV export of an unformatted date cell shows it), and month names
 * in English, French, Spanish and Portuguese.
 */
export function parseDate(raw: string, order: DateOrder): ParsedDate {
  const value = stripTime(raw.trim());
  if (/^\d{4}$/.test(value)) return { ok: false, problem: 'year_only' };

  const serial = SERIAL.exec(value);
  if (serial) {
    const date = new Date(EXCEL_EPOCH_MS + Number(serial[1]) * DAY_MS);
    return build(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (compact) return build(Number(compact[1]), Number(compact[2]), Number(compact[3]));

  const numeric = NUMERIC.exec(value);
  if (numeric) {
    const [a = '', b = '', c = ''] = numeric.slice(1);
    if (a.length === 4) return build(Number(a), Number(b), Number(c));
    if (a.length > 2 || (c.length !== 2 && c.length !== 4)) return { ok: false, problem: 'invalid_date' };
    const [day, month] = order === 'dmy' ? [Number(a), Number(b)] : [Number(b), Number(a)];
    if (month > 12 && day <= 12) return { ok: false, problem: 'wrong_order' };
    return build(fullYear(c), month, day);
  }
  return parseWrittenDate(value);
}

function parseWrittenDate(value: string): ParsedDate {
  const words = (foldText(value).match(/[a-z]+|\d+/g) ?? []).filter((w) => !FILLER.has(w));
  let month: number | undefined;
  const numbers: string[] = [];
  for (const word of words) {
    if (/^\d+$/.test(word)) {
      numbers.push(word);
      continue;
    }
    // Ordinal endings: 1st, 2nd, 1er, 1º (folded to "o" and dropped above).
    if (['st', 'nd', 'rd', 'th', 'er', 'eme'].includes(word) && numbers.length > 0) continue;
    const named = MONTHS.get(word);
    if (named === undefined || month !== undefined) return { ok: false, problem: 'invalid_date' };
    month = named;
  }
  if (month === undefined || numbers.length !== 2) return { ok: false, problem: 'invalid_date' };
  const [first = '', second = ''] = numbers;
  // "15 March 2024", "March 15, 2024": the 4-digit number is the year. "15-Mar-24": the day comes first.
  const [day, year] =
    first.length === 4 ? [second, first] : second.length === 4 ? [first, second] : [first, second];
  if (day.length > 2 || (year.length !== 2 && year.length !== 4))
    return { ok: false, problem: 'invalid_date' };
  return build(fullYear(year), month, Number(day));
}

/** Two-digit years the way Excel reads them: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function build(year: number, month: number, day: number): ParsedDate {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > days) return { ok: false, problem: 'invalid_date' };
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, problem: 'out_of_range' };
  return { ok: true, iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

function stripTime(value: string): string {
  return value.replace(TIME_SUFFIX, '');
}
