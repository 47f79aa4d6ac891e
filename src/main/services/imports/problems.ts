import {
  IMPORT_PROBLEM_ROWS,
  type ImportProblemCode,
  type ImportProblemGroup,
  type ImportProblemRow,
  type ImportProblemSeverity,
} from '../../../shared/imports';
import { foldText } from '../../../shared/text';
import type { CleanRow, ImportIssue } from './clean';
import { FIELD_LABELS, type ImportField } from './fields';

const SEVERITY_ORDER: Record<ImportProblemSeverity, number> = { rejected: 0, error: 1, warning: 2 };

/** Row numbers a message names before "and N more": enough to find them, short enough to read. */
const ROWS_IN_MESSAGE = 20;

interface Collecting {
  severity: ImportProblemSeverity;
  code: ImportProblemCode;
  field: ImportField | null;
  column: string | null;
  params: ImportProblemGroup['params'];
  rows: ImportProblemRow[];
  /** The sentence of the group's only row, when it has one: it quotes the value. */
  single: string;
}

/**
 * The problems of an import said once per kind: rows rejected for the same reason, or whose value
 * of the same column had the same problem, are one group listing their rows in order; groups come
 * rejected rows first, then values left out, then warnings, each in the order of its first row.
 */
export function groupProblems(
  rejected: Iterable<Pick<CleanRow, 'rowNumber' | 'rejection'>>,
  issues: Iterable<ImportIssue>,
): ImportProblemGroup[] {
  const groups = new Map<string, Collecting>();
  const add = (key: Omit<Collecting, 'rows' | 'single'>, row: ImportProblemRow, message: string): void => {
    const id = [key.severity, key.code, key.field ?? '', key.column ?? '', JSON.stringify(key.params)].join(
      '\u0000',
    );
    const group = groups.get(id);
    if (group) group.rows.push(row);
    else groups.set(id, { ...key, rows: [row], single: message });
  };

  for (const row of rejected) {
    if (!row.rejection) continue;
    const { code, value, message } = row.rejection;
    add(
      { severity: 'rejected', code, field: null, column: null, params: {} },
      { row: row.rowNumber, value },
      message,
    );
  }
  for (const issue of issues) {
    const label = issue.field ? FIELD_LABELS[issue.field] : null;
    const column = issue.column && label && foldText(issue.column) !== foldText(label) ? issue.column : null;
    add(
      { severity: issue.severity, code: issue.code, field: issue.field, column, params: issue.params },
      issue.earlier
        ? {
            row: issue.rowNumber,
            value: issue.value,
            earlierRow: issue.earlier.row,
            replaced: issue.earlier.value,
          }
        : { row: issue.rowNumber, value: issue.value },
      issue.message,
    );
  }

  return [...groups.values()]
    .map((group): ImportProblemGroup => {
      // Merged rows bring their issues to the row they merge into, so rows can arrive out of order.
      const rows = group.rows.sort((a, b) => a.row - b.row);
      const grouped: ImportProblemGroup = {
        severity: group.severity,
        code: group.code,
        field: group.field,
        column: group.column,
        params: group.params,
        count: rows.length,
        rows: rows.slice(0, IMPORT_PROBLEM_ROWS),
        message: rows.length === 1 ? group.single : groupMessage(group, rows),
      };
      ALL_ROWS.set(
        grouped,
        rows.map((r) => r.row),
      );
      return grouped;
    })
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (a.rows[0]?.row ?? 0) - (b.rows[0]?.row ?? 0) ||
        a.code.localeCompare(b.code),
    );
}

/**
 * Every row number of each group made here, beyond the ones it lists: the rows a kind of problem
 * touches are counted from them. Kept beside the groups rather than in them, as the groups travel
 * to the renderer and the rows they list are bounded.
 */
const ALL_ROWS = new WeakMap<ImportProblemGroup, readonly number[]>();

/**
 * How many rows each kind of problem touches, for the headings above the groups: a row missing
 * both its email and its type is one row imported without values, not two, so the sum of the
 * groups' counts would say more rows than there are.
 */
export function problemRowCounts(
  groups: readonly ImportProblemGroup[],
): Record<ImportProblemSeverity, number> {
  const rows: Record<ImportProblemSeverity, Set<number>> = {
    rejected: new Set(),
    error: new Set(),
    warning: new Set(),
  };
  for (const group of groups) {
    for (const row of ALL_ROWS.get(group) ?? group.rows.map((r) => r.row)) rows[group.severity].add(row);
  }
  return { rejected: rows.rejected.size, error: rows.error.size, warning: rows.warning.size };
}

/** "3 rows, Email (column “Courriel”): not a valid email address, so no email was imported. Rows 5, 9 and 12." */
function groupMessage(group: Collecting, rows: readonly ImportProblemRow[]): string {
  const where = group.field
    ? `, ${FIELD_LABELS[group.field]}${group.column ? ` (column “${group.column}”)` : ''}`
    : '';
  const numbers = rows.slice(0, ROWS_IN_MESSAGE).map((r) => r.row);
  const rest = rows.length - numbers.length;
  const listed = rest > 0 ? `${numbers.join(', ')} and ${rest} more` : joinAnd(numbers);
  return `${rows.length} rows${where}: ${englishProblem(group.code, group.params)} Rows ${listed}.`;
}

function joinAnd(numbers: readonly number[]): string {
  return numbers.length < 2
    ? numbers.join('')
    : `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

const ORDER_WORDS: Record<string, string> = { dmy: 'day/month/year', mdy: 'month/day/year' };

/** What a group's rows have in common, in English, as one sentence without the values. */
export function englishProblem(code: ImportProblemCode, params: ImportProblemGroup['params']): string {
  const p = (name: string) => String(params[name] ?? '');
  switch (code) {
    case 'no_name_or_email':
      return 'No name and no email, so these rows were not imported.';
    case 'no_name_invalid_email':
      return 'No name, and the email is not valid, so these rows were not imported.';
    case 'invalid_email':
      return 'Not a valid email address, so no email was imported.';
    case 'phone_rounded':
      return 'Saved by the spreadsheet as a rounded number, so the last digits are lost; type the phone numbers again in full.';
    case 'number_rounded':
      return 'Saved by the spreadsheet as a rounded number, so the last digits are lost; type the member numbers again in full.';
    case 'unknown_country':
      return 'Not a country name or a two-letter code such as FR.';
    case 'invalid_date':
      return `Not a date that can be read; write it like ${p('order') === 'mdy' ? '03/31/2024' : '31/03/2024'} or 2024-03-31.`;
    case 'year_only':
      return 'Only a year; give a full date such as 2024-01-01.';
    case 'out_of_range':
      return 'A year before 1900 or after 2100; check it.';
    case 'wrong_order':
      return `Does not fit this column, where dates are written ${ORDER_WORDS[p('order')] ?? p('order')}.`;
    case 'too_long':
      return `Longer than the ${p('max')} characters that fit, so the value was not imported.`;
    case 'unknown_type':
      return `No membership type called “${p('type')}”: create it or choose a type for it, else these members are imported without a type.`;
    case 'retired_type':
      return `“${p('type')}” is the retired membership type “${p('name')}”, which is no longer given: these members are imported without a type.`;
    case 'custom_number_invalid':
      return `“${p('label')}” takes numbers such as 12 or 3.5; this is not one, so it was not imported.`;
    case 'custom_date_invalid':
      return `“${p('label')}” takes dates; this is not one that can be read, so it was not imported.`;
    case 'custom_yesno_invalid':
      return `“${p('label')}” takes yes or no; this is neither, so it was not imported.`;
    case 'custom_choice_unknown':
      return `Not one of the choices of “${p('label')}”, so it was not imported.`;
    case 'custom_too_long':
      return `Longer than the ${p('max')} characters “${p('label')}” holds, so it was not imported.`;
    case 'several_emails':
      return 'Several addresses in one cell; the first valid one was kept.';
    case 'phone_not_recognised':
      return `Does not look like a phone number${p('country') ? ` for ${p('country')}` : ''}; kept as written.`;
    case 'notes_shortened':
      return `The notes were longer than ${p('max')} characters and were shortened.`;
    case 'merge_conflict':
      return `Replaces the value of an earlier row for the same member (same ${p('by') === 'email' ? 'email' : 'member number'}); the later row counts.`;
    case 'member_number_taken':
      return 'The member number already belongs to another member; these rows were matched by their email instead.';
    case 'unclosed_quote':
      return 'A quoted value is never closed, so the rest of the file was read into this row.';
    case 'stray_quotes':
      return 'Stray quote marks; check that the values landed in the right columns.';
    case 'row_format':
      return 'The row is not written the way the rest of the file is; check its values.';
  }
}
