/** Which number comes first in a date written in digits. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** Countries whose people write month/day/year. Everyone else writes day/month/year (or year first). */
const MONTH_FIRST_COUNTRIES = new Set([
  'US',
  'PH',
  'PR',
  'GU',
  'AS',
  'VI',
  'MP',
  'UM',
  'FM',
  'MH',
  'PW',
  'BZ',
]);

export function monthFirstCountry(country: string | null | undefined): boolean {
  return Boolean(country && MONTH_FIRST_COUNTRIES.has(country.toUpperCase()));
}

/** How a chapter writes a date: the order of its parts and what separates them. */
export interface DateFormat {
  order: DateOrder;
  separator: string;
}

/**
 * The date format of the chapter's language in its country (fr-SN writes 31/01/2020, en-US
 * 01/31/2020, fr-CA 2020-01-31), from ICU. Where ICU has no such locale (en-SN falls back to plain
 * "en", which is American), the country decides between day and month first.
 */
export function dateFormatFor(language: string, country: string | null | undefined): DateFormat {
  const tag = country ? `${language}-${country.toUpperCase()}` : language;
  const format = new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = format.formatToParts(new Date(Date.UTC(2020, 0, 31, 12)));
  const separator = parts.find((p) => p.type === 'literal')?.value.trim() || '/';
  const region = new Intl.Locale(format.resolvedOptions().locale).region;
  if (country && region !== country.toUpperCase()) {
    return { order: monthFirstCountry(country) ? 'mdy' : 'dmy', separator: '/' };
  }
  const order = parts
    .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
    .map((p) => p.type[0])
    .join('');
  return { order: order === 'mdy' || order === 'ymd' ? order : 'dmy', separator };
}

/** An ISO date as the chapter writes it: 2020-01-31 is 31/01/2020 in a French chapter. */
export function formatDateInput(iso: string, format: DateFormat): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const parts = { d: day, m: month, y: year };
  return [...format.order].map((p) => parts[p as 'd' | 'm' | 'y']).join(format.separator);
}

export type DateInput =
  | { ok: true; iso: string }
  /** Not three numbers in the chapter's order, or a year not written with four digits. */
  | { ok: false; problem: 'unreadable' }
  | { ok: false; problem: 'no_such_month'; month: number }
  /** A day the month does not have: 31 February, 31 April. */
  | { ok: false; problem: 'no_such_day'; day: number; month: number };

/**
 * Reads a date typed in the chapter's order, with any of / . - or spaces between the numbers; an
 * ISO date (2020-01-31) is read as one whatever the order. Nothing is guessed: a day the calendar
 * does not have is refused, never carried into the next month or a five-digit year.
 */
export function parseDateInput(text: string, format: DateFormat): DateInput {
  const numbers = text.trim().split(/\s*[/.\-\s]\s*/);
  if (numbers.length !== 3 || numbers.some((n) => !/^\d{1,4}$/.test(n)))
    return { ok: false, problem: 'unreadable' };
  const order = numbers[0]!.length === 4 ? 'ymd' : format.order;
  const value = (part: 'd' | 'm' | 'y') => numbers[order.indexOf(part)]!;
  if (value('y').length !== 4 || value('d').length > 2 || value('m').length > 2) {
    return { ok: false, problem: 'unreadable' };
  }
  const year = Number(value('y'));
  const month = Number(value('m'));
  const day = Number(value('d'));
  if (year < 1000) return { ok: false, problem: 'unreadable' };
  if (month < 1 || month > 12) return { ok: false, problem: 'no_such_month', month };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return { ok: false, problem: 'no_such_day', day, month };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ok: true, iso: `${year}-${pad(month)}-${pad(day)}` };
}
