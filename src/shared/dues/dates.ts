import { fieldError } from '../errors';
import { problem } from '../problems';

/**
 * Calendar days as ISO strings (YYYY-MM-DD), which order correctly as plain strings. Dues periods
 * and statuses are about days in the chapter's time zone, never instants, so all arithmetic here
 * is on calendar dates (computed in UTC, where every day has 24 hours).
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/**
 * The last day a period of `months` starting on `from` covers: the day before the same date
 * `months` later, or, when that date does not exist (31 January + 1 month, 29 February + 12
 * months), the last day of that month. So 2024-01-31 + 1 month ends on 2024-02-29, 2024-02-29 +
 * 12 months ends on 2025-02-28, and the renewal after either starts on the 1st of the next month.
 */
/** The last year an ISO date (and SQLite's date functions) can hold. */
const LAST_YEAR = 9999;

export function periodEnd(from: string, months: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  // An amount far above the fee (a typo with extra zeros) must not become a date no one can write.
  if (year > LAST_YEAR) {
    const message = `This would pay until after the year ${LAST_YEAR}: check the amount and the number of periods.`;
    throw fieldError('VALIDATION', 'amount', message, problem('PAID_BEYOND_LAST_YEAR', { year: LAST_YEAR }));
  }
  const month0 = total % 12;
  const last = daysInMonth(year, month0);
  if (d > last) return `${year}-${String(month0 + 1).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
  return addDays(`${year}-${String(month0 + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`, -1);
}

/** Today's date in a time zone (an IANA name such as Africa/Dakar); the system's if none is set. */
export function todayIn(timeZone: string | null | undefined, now: Date): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
  if (timeZone && isTimeZone(timeZone)) options.timeZone = timeZone;
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', options).format(now);
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    // RangeError is how Intl says it does not know the zone.
    return false;
  }
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A month (YYYY-MM) moved by `months`, forwards or back. */
export function shiftMonth(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}
