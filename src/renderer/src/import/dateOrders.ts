import {
  IMPORT_DATE_FIELDS,
  type ImportDateField,
  type ImportDateOrder,
  type ImportDraftView,
  type ImportField,
  type ImportResultView,
} from '../../../shared/imports';

/** The orders the secretary set; a date field left out is read the way the import works it out. */
export type DateOrders = Partial<Record<ImportDateField, ImportDateOrder>>;

export const NO_DATE_ORDERS: DateOrders = {};

/** The date fields the mapping feeds, each with the column the import reads it from. */
export function mappedDateColumns(
  fields: readonly (ImportField | null)[],
): { field: ImportDateField; column: number }[] {
  return IMPORT_DATE_FIELDS.flatMap((field) => {
    // Like the import, which reads a field from the first column set to it.
    const column = fields.indexOf(field);
    return column === -1 ? [] : [{ field, column }];
  });
}

export function withDateOrder(
  orders: DateOrders,
  field: ImportDateField,
  order: ImportDateOrder | null,
): DateOrders {
  const next = { ...orders };
  if (order) next[field] = order;
  else delete next[field];
  return next;
}

/**
 * After the mapping changed: an order set for a date field holds only while the field is read
 * from the same column, as it described how that column is written.
 */
export function keepDateOrders(
  orders: DateOrders,
  before: readonly (ImportField | null)[],
  after: readonly (ImportField | null)[],
): DateOrders {
  let next = orders;
  for (const field of IMPORT_DATE_FIELDS) {
    if (orders[field] && before.indexOf(field) !== after.indexOf(field)) {
      next = withDateOrder(next, field, null);
    }
  }
  return next;
}

export type DateReading = { value: string; iso: string } | { value: string; iso: null };

/** Day/month/year or month/day/year with slashes, dots or dashes; the time some exports add is left out. */
const ORDERED = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}.*)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * How a value from the file reads under an order, to show the secretary what her choice does;
 * null when the order does not matter for it (2024-03-04, 15 March 2024, an Excel serial number).
 * Two-digit years follow the import (and Excel): 00-29 are 2000-2029, 30-99 are 1930-1999.
 */
export function readNumericDate(raw: string, order: ImportDateOrder): DateReading | null {
  const value = raw.trim();
  const match = ORDERED.exec(value);
  if (!match) return null;
  const first = Number(match[1]);
  const second = Number(match[2]);
  const [day, month] = order === 'dmy' ? [first, second] : [second, first];
  const digits = match[3] ?? '';
  const short = Number(digits);
  const year = digits.length === 4 ? short : short < 30 ? 2000 + short : 1900 + short;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day < 1 || day > days) return { value, iso: null };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { value, iso: `${year}-${pad(month)}-${pad(day)}` };
}

/**
 * The value from the first rows that best shows what an order does: one it cannot read, as that
 * is what the secretary must hear about, else the first one it reads.
 */
export function dateExample(
  sample: ImportDraftView['sample'],
  column: number,
  order: ImportDateOrder,
): DateReading | null {
  let readable: DateReading | null = null;
  for (const row of sample) {
    const reading = readNumericDate(row.cells[column] ?? '', order);
    if (reading?.iso === null) return reading;
    readable ??= reading;
  }
  return readable;
}

/** The preview's rows whose date in one field could not be read with the order in force. */
export function dateErrorCount(problems: ImportResultView['problems'], field: ImportDateField): number {
  return problems
    .filter((problem) => problem.field === field && problem.severity === 'error')
    .reduce((rows, problem) => rows + problem.count, 0);
}
