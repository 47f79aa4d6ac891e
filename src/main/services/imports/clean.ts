import { toCountryCode } from './countries';
import { DateOrderTally, defaultDateOrder, parseDate, type DateOrder, type DateProblem } from './dates';
import {
  DATE_FIELDS,
  FIELD_LABELS,
  type DateField,
  type ImportField,
  type MemberImportField,
} from './fields';
import type { ColumnMapping } from './mapping';
import { splitFullName, tidyName } from './names';
import type { ImportSource } from './source';
import { detached, MIN_VIEW_LENGTH, type RawRow } from './table';
import { memberFields } from '../../../shared/domain';
import type { ImportProblemCode } from '../../../shared/imports';
import { normalisePhone } from '../../../shared/phone';
import { foldText } from '../../../shared/text';

/** A member as read from one row: only the fields that have a value, all cleaned. */
export type ImportedMember = Partial<Record<MemberImportField, string>>;

/** What can be wrong with a value or a row (reading finds most; the import adds the types'). */
export type IssueCode = Exclude<ImportProblemCode, 'no_name_or_email' | 'no_name_invalid_email'>;

export interface ImportIssue {
  rowNumber: number;
  /** null when the issue concerns the row as a whole. */
  field: ImportField | null;
  /** The column's name in the file. */
  column: string | null;
  code: IssueCode;
  /** error: the value was not imported. warning: it was imported; worth a look. */
  severity: 'error' | 'warning';
  /** The value as it stands in the file. */
  value: string;
  /** What the wording names besides the value, the same for every row it groups with (see problems.ts). */
  params: Record<string, string | number>;
  /** merge_conflict: the earlier row this row was merged into, and the value it replaced there. */
  earlier?: { row: number; value: string };
  /** What is wrong, without the row and field: for a table cell or the rejects file. */
  problem: string;
  /** The whole sentence: "Row 14, Email (column “Courriel”): …". */
  message: string;
}

export interface RowRejection {
  code: 'no_name_or_email' | 'no_name_invalid_email';
  /** The email that was not valid, for no_name_invalid_email; else ''. */
  value: string;
  problem: string;
  message: string;
}

export interface CleanRow {
  rowNumber: number;
  values: ImportedMember;
  issues: ImportIssue[];
  /** Set when the row cannot be imported at all. */
  rejection: RowRejection | null;
  /** The row as it stands in the file, for the rejects file. */
  cells: string[];
}

export interface DateOrderChoice {
  order: DateOrder;
  /** inferred: from the column's own values; chosen: by the caller; default: the column gave no clue. */
  source: 'inferred' | 'chosen' | 'default';
}

export interface CleanOptions {
  /** The chapter's country: the default for phone numbers and for the date order. */
  defaultCountry?: string | null;
  /** For date columns whose values fit both orders (03/04/2024); defaults from the country. */
  dateOrder?: DateOrder;
  /** Forces the order of a date column, e.g. after the secretary corrected it in the wizard. */
  dateOrders?: Partial<Record<DateField, DateOrder>>;
}

/** Everything cleaning needs, as plain data so it can cross to a worker thread. */
export interface ImportPlan {
  mapping: ColumnMapping;
  defaultCountry: string | null;
  dateOrders: Partial<Record<DateField, DateOrderChoice>>;
  /** Data rows in the file (blank rows left out): the total for progress. */
  rowCount: number;
}

export interface CleanBatch {
  rows: CleanRow[];
  /** Data rows read so far, including skipped ones; compare with `total`. */
  processed: number;
  total: number;
}

const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  memberNumber: 40,
  firstName: 200,
  lastName: 200,
  phone: 60,
  addressLine1: 200,
  addressLine2: 200,
  postalCode: 20,
  city: 200,
  region: 200,
  organisation: 200,
  membershipType: 200,
};
const MAX_NOTES = 5000;
const MAX_EMAIL = 320;
/** What every row without issues holds: one frozen empty list rather than one per row. */
const NO_ISSUES = Object.freeze([]) as never[];
/** The params of most issues: none. */
const NO_PARAMS: ImportIssue['params'] = Object.freeze({});

/** What people type when they have nothing to type, lower-cased. */
// prettier-ignore
const PLACEHOLDERS = new Set([
  'n/a', 'n.a.', 'n.a', 'null', 'nil', 'none', 'nan', 'undefined', '-', '--', '---', '?', '??', '???',
  'aucun', 'aucune', 'néant', 'neant', 'ninguno', 'ninguna', 'nenhum', 'nenhuma', 's/o', '#n/a', '#value!',
  '#ref!', '#name?', '#div/0!', '#num!', '#null!',
]);
const SCIENTIFIC = /^[+-]?\d+([.,]\d+)?e[+-]?\d+$/i;
/** A leading apostrophe that the rejects file put before = + - @ so Excel would not run it as a formula. */
const FORMULA_GUARD = /^'(?=[=+\-@])/;

/**
 * Reads the date columns once to settle their day/month order (a column with 25/03/2024 is
 * day-first, one with 03/25/2024 month-first) and counts the rows for progress.
 */
export function planImport(
  source: ImportSource,
  mapping: ColumnMapping,
  options: CleanOptions = {},
): ImportPlan {
  const defaultCountry = toCountryCode(options.defaultCountry ?? '') ?? null;
  const columns = columnsByField(mapping);
  const tallies = DATE_FIELDS.flatMap((field) => {
    const index = columns.get(field)?.[0];
    return index === undefined ? [] : [{ field, index, tally: new DateOrderTally() }];
  });
  let rowCount = 0;
  for (const row of source.rows()) {
    rowCount++;
    for (const { index, tally } of tallies) tally.add(row.cells[index] ?? '');
  }
  const dateOrders: ImportPlan['dateOrders'] = {};
  for (const { field, tally } of tallies) {
    const chosen = options.dateOrders?.[field];
    const inferred = tally.result();
    dateOrders[field] = chosen
      ? { order: chosen, source: 'chosen' }
      : inferred
        ? { order: inferred, source: 'inferred' }
        : { order: options.dateOrder ?? defaultDateOrder(defaultCountry), source: 'default' };
  }
  return { mapping, defaultCountry, dateOrders, rowCount };
}

/** Clean rows one at a time, in file order; rows repeating the header or holding only placeholders are skipped. */
export function* cleanRows(source: ImportSource, plan: ImportPlan): Generator<CleanRow> {
  const cleaner = rowCleaner(plan);
  for (const raw of source.rows()) {
    const row = cleaner(raw);
    if (row) yield row;
  }
}

/** The same in batches, each saying how far along it is: what a worker posts back as progress. */
export function* cleanBatches(
  source: ImportSource,
  plan: ImportPlan,
  batchSize = 1000,
): Generator<CleanBatch> {
  const cleaner = rowCleaner(plan);
  let rows: CleanRow[] = [];
  let processed = 0;
  for (const raw of source.rows()) {
    processed++;
    const row = cleaner(raw);
    if (row) rows.push(row);
    if (processed % batchSize === 0) {
      yield { rows, processed, total: plan.rowCount };
      rows = [];
    }
  }
  if (rows.length > 0 || processed % batchSize !== 0 || processed === 0) {
    yield { rows, processed, total: plan.rowCount };
  }
}

/** Cleans one raw row; null for a row that only repeats the column names or holds only placeholders. */
export function cleanRow(raw: RawRow, plan: ImportPlan): CleanRow | null {
  return rowCleaner(plan)(raw);
}

function columnsByField(mapping: ColumnMapping): Map<ImportField, number[]> {
  const columns = new Map<ImportField, number[]>();
  for (const column of mapping.columns) {
    if (column.field) columns.set(column.field, [...(columns.get(column.field) ?? []), column.index]);
  }
  return columns;
}

function rowCleaner(plan: ImportPlan): (raw: RawRow) => CleanRow | null {
  const columns = columnsByField(plan.mapping);
  const labels = plan.mapping.columns.map((c) => c.label);
  const headerFolded = plan.mapping.columns.map((c) => foldText(c.header));
  const mappedIndexes = [...columns.values()].flat();
  const firstMapped = mappedIndexes[0];
  const firstHeader =
    firstMapped === undefined ? '' : (plan.mapping.columns[firstMapped]?.header ?? '').toLowerCase();
  // Files glued together from several exports repeat the header row; such a row is not a member.
  const repeatsHeader = (cells: readonly string[]): boolean =>
    firstMapped !== undefined &&
    firstHeader !== '' &&
    (cells[firstMapped] ?? '').trim().toLowerCase() === firstHeader &&
    mappedIndexes.every((i) => foldText(cells[i] ?? '') === headerFolded[i]);

  const keep = valueStore();

  return (raw) => {
    if (repeatsHeader(raw.cells)) return null;
    const row = new RowBuilder(raw, labels, plan, keep);
    const read = (field: ImportField): { value: string; index: number } | null => {
      const index = columns.get(field)?.[0];
      if (index === undefined) return null;
      const value = cellValue(raw.cells[index]);
      return value ? { value, index } : null;
    };

    const memberNumber = read('memberNumber');
    if (memberNumber) row.memberNumber(memberNumber.value, memberNumber.index);
    // prettier-ignore
    for (const field of [
      'firstName', 'lastName', 'addressLine1', 'addressLine2', 'postalCode', 'city', 'region', 'organisation',
      'membershipType',
    ] as const) {
      const cell = read(field);
      if (cell) row.text(field, tidyName(cell.value), cell.value, cell.index);
    }
    const fullName = read('fullName');
    if (fullName) row.fullName(fullName.value, fullName.index);
    const email = read('email');
    if (email) row.email(email.value, email.index);
    const country = read('country');
    if (country) row.country(country.value, country.index);
    const phone = read('phone');
    if (phone) row.phone(phone.value, phone.index);
    for (const field of DATE_FIELDS) {
      const cell = read(field);
      if (cell) row.date(field, cell.value, cell.index);
    }
    row.notes(columns.get('notes') ?? []);
    const cleaned = row.finish();
    // A row of nothing but "N/A" and "-" is as blank as an empty one.
    return cleaned.rejection && raw.cells.every((c) => cellValue(c) === '') ? null : cleaned;
  };
}

/** Distinct values remembered per field: enough for the cities, organisations or notes a file repeats. */
const MAX_REMEMBERED = 1000;

/**
 * Where a row's values are kept: detached from the file's text, and a long value that a field
 * repeats (an organisation, a standard note) kept once for all the rows that have it.
 */
function valueStore(): (field: MemberImportField, value: string) => string {
  const fields = new Map<MemberImportField, Map<string, string>>();
  return (field, value) => {
    if (value.length < MIN_VIEW_LENGTH) return value;
    let seen = fields.get(field);
    if (!seen) fields.set(field, (seen = new Map()));
    let kept = seen.get(value);
    if (kept === undefined) {
      kept = detached(value);
      if (seen.size < MAX_REMEMBERED) seen.set(kept, kept);
    }
    return kept;
  };
}

/** A cell as a value: trimmed, composed (NFC), and empty when it only says "nothing here". */
function cellValue(cell: string | undefined): string {
  if (!cell) return '';
  let value = cell.trim();
  if (value === '') return '';
  // Decomposed accents (as some Mac tools write them) would defeat comparisons and look odd.
  if (!isAscii(value)) value = value.normalize('NFC');
  value = value.replace(FORMULA_GUARD, '');
  if (value.length <= 10 && PLACEHOLDERS.has(value.toLowerCase())) return '';
  return value;
}

const emailSchema = memberFields.shape.email;

function isEmail(value: string): boolean {
  return value.length <= MAX_EMAIL && emailSchema.safeParse(value).success;
}

class RowBuilder {
  private readonly values: ImportedMember = {};
  private readonly issues: ImportIssue[] = [];
  private invalidEmail: string | null = null;

  constructor(
    private readonly raw: RawRow,
    private readonly labels: readonly string[],
    private readonly plan: ImportPlan,
    private readonly keep: (field: MemberImportField, value: string) => string,
  ) {
    if (raw.problem) {
      this.issues.push({
        rowNumber: raw.rowNumber,
        field: null,
        column: null,
        code: raw.problemCode ?? 'row_format',
        severity: 'warning',
        value: '',
        params: NO_PARAMS,
        problem: raw.problem,
        message: `Row ${raw.rowNumber}: ${raw.problem}`,
      });
    }
  }

  memberNumber(value: string, index: number): void {
    if (SCIENTIFIC.test(value)) {
      this.error('memberNumber', index, value, 'number_rounded', roundedProblem(value, 'member number'));
      return;
    }
    this.text('memberNumber', value.replace(/\s+/g, ' '), value, index);
  }

  text(field: MemberImportField, value: string, original: string, index: number): void {
    const max = MAX_LENGTH[field];
    if (max !== undefined && value.length > max) {
      this.error(
        field,
        index,
        original,
        'too_long',
        `is ${value.length} characters long; at most ${max} fit.`,
        { max },
      );
      return;
    }
    this.values[field] = this.keep(field, value);
  }

  fullName(value: string, index: number): void {
    const { firstName, lastName } = splitFullName(value);
    if (firstName && !this.values.firstName) this.text('firstName', firstName, value, index);
    if (lastName && !this.values.lastName) this.text('lastName', lastName, value, index);
  }

  email(original: string, index: number): void {
    let value = original.toLowerCase().replace(/^mailto:/, '');
    const bracketed = /<([^<>]+)>/.exec(value);
    if (bracketed?.[1]) value = bracketed[1].trim();
    if (isEmail(value)) {
      this.values.email = this.keep('email', value);
      return;
    }
    const addresses = value.split(/[\s,;/]+/).filter((part) => part.includes('@'));
    const first = addresses.length > 1 ? addresses.find(isEmail) : undefined;
    if (first) {
      this.values.email = this.keep('email', first);
      this.warn(
        'email',
        index,
        original,
        'several_emails',
        `holds ${addresses.length} addresses; ${first} was kept.`,
      );
      return;
    }
    this.invalidEmail = original;
    this.error(
      'email',
      index,
      original,
      'invalid_email',
      'is not a valid email address, so no email was imported.',
    );
  }

  country(value: string, index: number): void {
    const code = toCountryCode(value);
    if (code) this.values.country = code;
    else
      this.error(
        'country',
        index,
        value,
        'unknown_country',
        'is not a country name or a two-letter code such as FR.',
      );
  }

  phone(value: string, index: number): void {
    if (SCIENTIFIC.test(value)) {
      this.error('phone', index, value, 'phone_rounded', roundedProblem(value, 'phone number'));
      return;
    }
    const country = this.values.country ?? this.plan.defaultCountry;
    let e164 = normalisePhone(value, country).e164;
    if (!e164) {
      // Spreadsheets turn "+33 6 12…" into the number 33612…, dropping the plus.
      const digits = value.replace(/[\s.\-()/]/g, '');
      if (/^\d{11,15}$/.test(digits)) e164 = normalisePhone(`+${digits}`, null).e164;
    }
    if (e164) {
      this.values.phone = e164;
      return;
    }
    this.text('phone', value, value, index);
    if (this.values.phone !== undefined) {
      const where = country ? ` for ${country}` : '';
      this.warn(
        'phone',
        index,
        value,
        'phone_not_recognised',
        `does not look like a phone number${where}; it was kept as written.`,
        { country: country ?? '' },
      );
    }
  }

  date(field: DateField, value: string, index: number): void {
    const order = this.plan.dateOrders[field]?.order ?? 'dmy';
    const parsed = parseDate(value, order);
    if (parsed.ok) {
      this.values[field] = parsed.iso;
      return;
    }
    this.error(field, index, value, parsed.problem, dateProblem(parsed.problem, order), { order });
  }

  notes(indexes: readonly number[]): void {
    const parts = indexes.flatMap((index) => {
      const value = cellValue(this.raw.cells[index]);
      return value ? [{ index, value }] : [];
    });
    if (parts.length === 0) return;
    // Several note columns keep their names, so "Allergies: none" stays readable.
    let notes =
      indexes.length === 1
        ? (parts[0]?.value ?? '')
        : parts.map((p) => `${this.labels[p.index] ?? ''}: ${p.value}`).join('\n');
    const first = parts[0];
    if (notes.length > MAX_NOTES && first) {
      // Cut between characters, never inside one: half an emoji or a rare CJK character is not
      // text, and the server would refuse it.
      notes = notes.slice(0, /[\uD800-\uDBFF]/.test(notes[MAX_NOTES - 1] ?? '') ? MAX_NOTES - 1 : MAX_NOTES);
      const problem = `The notes were longer than ${MAX_NOTES} characters and were shortened.`;
      this.warn('notes', first.index, '', 'notes_shortened', problem, { max: MAX_NOTES });
    }
    this.values.notes = this.keep('notes', notes);
  }

  finish(): CleanRow {
    const { values, raw } = this;
    let rejection: RowRejection | null = null;
    if (!values.firstName && !values.lastName && !values.email) {
      const problem = this.invalidEmail
        ? `No name, and the email “${this.invalidEmail}” is not valid, so this row cannot be imported.`
        : 'No name and no email, so this row cannot be imported.';
      rejection = {
        code: this.invalidEmail ? 'no_name_invalid_email' : 'no_name_or_email',
        value: this.invalidEmail ? detached(this.invalidEmail) : '',
        problem: detached(problem),
        message: detached(`Row ${raw.rowNumber}: ${problem}`),
      };
    }
    // A rejected row keeps its cells for the rejects file, so they must not hold on to the file's text.
    const cells = rejection ? raw.cells.map(detached) : raw.cells;
    const issues = this.issues.length > 0 ? this.issues : NO_ISSUES;
    return { rowNumber: raw.rowNumber, values, issues, rejection, cells };
  }

  private error(
    field: ImportField,
    index: number,
    value: string,
    code: IssueCode,
    problem: string,
    params: ImportIssue['params'] = NO_PARAMS,
  ): void {
    this.issues.push(
      issue(this.raw.rowNumber, field, this.labels[index] ?? null, code, 'error', value, problem, params),
    );
  }

  private warn(
    field: ImportField,
    index: number,
    value: string,
    code: IssueCode,
    problem: string,
    params: ImportIssue['params'] = NO_PARAMS,
  ): void {
    this.issues.push(
      issue(this.raw.rowNumber, field, this.labels[index] ?? null, code, 'warning', value, problem, params),
    );
  }
}

/**
 * Builds an issue whose message names the row, the field and, when it is called differently, the
 * file's column. `problem` continues the quoted value ("is not a valid email address"), or is a
 * whole sentence when there is no value to quote.
 */
export function issue(
  rowNumber: number,
  field: ImportField,
  column: string | null,
  code: IssueCode,
  severity: ImportIssue['severity'],
  value: string,
  problem: string,
  params: ImportIssue['params'] = NO_PARAMS,
): ImportIssue {
  const label = FIELD_LABELS[field];
  const where = column && foldText(column) !== foldText(label) ? ` (column “${column}”)` : '';
  const text = value ? `“${value}” ${problem}` : problem;
  return {
    rowNumber,
    field,
    column,
    code,
    severity,
    value: detached(value),
    params,
    problem: detached(text),
    message: detached(`Row ${rowNumber}, ${label}${where}: ${text}`),
  };
}

function roundedProblem(value: string, what: string): string {
  return `was saved by the spreadsheet as a rounded number, so the ${what}'s last digits are lost (${value}). Type it again in full.`;
}

function dateProblem(problem: DateProblem, order: DateOrder): string {
  const example = order === 'dmy' ? '31/03/2024' : '03/31/2024';
  switch (problem) {
    case 'year_only':
      return 'is only a year; give a full date such as 2024-01-01.';
    case 'out_of_range':
      return 'has a year before 1900 or after 2100; check it.';
    case 'wrong_order':
      return `does not fit this column, where dates are written ${order === 'dmy' ? 'day/month/year' : 'month/day/year'}.`;
    case 'invalid_date':
      return `is not a date that can be read; write it like ${example} or 2024-03-31.`;
  }
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}
