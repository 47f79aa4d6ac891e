import {
  CUSTOM_CHOICE_MAX,
  CUSTOM_CHOICES_MAX,
  CUSTOM_TEXT_MAX,
  fieldLabelFromHeader,
  fieldValueId,
  readCustomValue,
  type CustomField,
  type CustomFieldKind,
  type CustomValueProblem,
  type ImportCustomColumn,
} from '../../../shared/custom-fields';
import { AppError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import { foldText } from '../../../shared/text';
import { writeRow, type WriteContext } from '../../db/changes';
import type { Db } from '../../db/open';
import { withCustomTextDeferred } from '../../db/search-index';
import { statement } from '../../db/statements';
import { requireChapter } from '../chapter/chapter';
import { createCustomField, getCustomField, listCustomFields } from '../custom-fields/fields';
import { chapterDateFormat } from '../custom-fields/values';
import type { ImportIssue, IssueCode } from './clean';
import type { ImportOutcome } from './commit';
import type { ColumnMapping } from './mapping';
import { groupProblems } from './problems';

/**
 * The cells of the columns imported into the chapter's own fields, kept per row as the file is read
 * (the rest of an imported row's cells are dropped to spare memory); rows with nothing in them are
 * not kept.
 */
export class CustomCells {
  private readonly byRow = new Map<number, string[]>();

  constructor(readonly columns: readonly ImportCustomColumn[]) {}

  take(row: { rowNumber: number; cells: readonly string[] }): void {
    if (this.columns.length === 0) return;
    const values = this.columns.map((c) => (row.cells[c.index] ?? '').trim());
    if (values.some((v) => v !== '')) this.byRow.set(row.rowNumber, values);
  }

  of(rowNumber: number): readonly string[] | undefined {
    return this.byRow.get(rowNumber);
  }

  /** The distinct values of one column, as first written, in file order. */
  distinct(column: number): string[] {
    const seen = new Map<string, string>();
    for (const values of this.byRow.values()) {
      const value = values[column]!;
      if (value && !seen.has(foldText(value))) seen.set(foldText(value), value);
    }
    return [...seen.values()];
  }
}

/** What a request says about custom columns: by index (the wizard), by header (the command line). */
export interface CustomColumnRequest {
  customColumns?: readonly ImportCustomColumn[];
  /** Columns named by their header to make a field of (the command line's --new-field). */
  newFields?: readonly { header: string; kind: CustomFieldKind }[];
}

/**
 * The choices of a field made from a column: its distinct values, each cut to a choice's length
 * and then kept once (two long values may share their beginning), as every laptop checks them.
 */
function choicesOf(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const choice = value.slice(0, CUSTOM_CHOICE_MAX).trim();
    if (choice && !seen.has(foldText(choice))) seen.set(foldText(choice), choice);
  }
  return [...seen.values()].slice(0, CUSTOM_CHOICES_MAX);
}

/**
 * The columns to import into the chapter's own fields: those asked for by index, those named by
 * header to make a field of, and, unless the caller chose every column itself (the wizard), each
 * column no field of ours takes whose header is the label of one of the chapter's fields in use.
 */
export function plannedCustomColumns(
  db: Db,
  headers: readonly string[],
  mapping: ColumnMapping,
  request: CustomColumnRequest,
): ImportCustomColumn[] {
  const planned: ImportCustomColumn[] = [...(request.customColumns ?? [])];
  const taken = new Set(planned.map((c) => c.index));
  for (const { header, kind } of request.newFields ?? []) {
    const index = headers.findIndex((h, i) => !taken.has(i) && foldText(h) === foldText(header));
    if (index < 0) {
      throw new AppError('VALIDATION', `--new-field: the file has no column called “${header}”.`, {
        problem: problem('IMPORT_MAPPING_MISMATCH'),
      });
    }
    planned.push({ index, newField: { label: fieldLabelFromHeader(headers[index]!), kind } });
    taken.add(index);
  }
  if (request.customColumns === undefined) {
    const inUse = listCustomFields(db).filter((f) => !f.retired);
    // Each field once: fields that share a label (made on two laptops offline) have a column each
    // in an export, in the fields' order, and each column goes back to its own.
    const matched = new Set(planned.flatMap((c) => c.fieldId ?? []));
    for (const column of mapping.columns) {
      if (column.field !== null || taken.has(column.index)) continue;
      const field = inUse.find((f) => !matched.has(f.id) && foldText(f.label) === foldText(column.header));
      if (!field) continue;
      matched.add(field.id);
      planned.push({ index: column.index, fieldId: field.id });
    }
  }
  return planned.sort((a, b) => a.index - b.index);
}

const PROBLEM_CODES: Record<CustomValueProblem, IssueCode> = {
  CUSTOM_NUMBER_INVALID: 'custom_number_invalid',
  CUSTOM_DATE_INVALID: 'custom_date_invalid',
  CUSTOM_YESNO_INVALID: 'custom_yesno_invalid',
  CUSTOM_CHOICE_UNKNOWN: 'custom_choice_unknown',
  CUSTOM_TEXT_TOO_LONG: 'custom_too_long',
};

/**
 * The field each custom column goes to: the one named, else one made from the column (a field of
 * that label already in use is taken instead, so importing the same file twice makes one field). A
 * choice field made from a column takes the column's values as its choices. Inside the import's
 * transaction: a preview makes its fields in its copy, and they go with it.
 */
export function resolveCustomColumns(
  ctx: WriteContext,
  headers: readonly string[],
  cells: CustomCells,
): { field: CustomField; created: boolean }[] {
  return cells.columns.map((column, at) => {
    if (column.fieldId !== undefined) {
      const field = getCustomField(ctx.db, column.fieldId);
      if (!field) {
        throw new AppError('VALIDATION', `Column ${headers[column.index] ?? column.index}: no such field.`, {
          problem: problem('CUSTOM_FIELD_UNKNOWN'),
        });
      }
      if (field.retired) {
        throw new AppError('VALIDATION', `The field “${field.label}” is retired: bring it back first.`, {
          problem: problem('CUSTOM_FIELD_RETIRED', { label: field.label }),
        });
      }
      return { field, created: false };
    }
    const wanted = column.newField!;
    const existing = listCustomFields(ctx.db).find(
      (f) => !f.retired && foldText(f.label) === foldText(wanted.label) && f.kind === wanted.kind,
    );
    if (existing) return { field: existing, created: false };
    const choices = wanted.kind === 'choice' ? choicesOf(cells.distinct(at)) : undefined;
    if (choices?.length === 0) {
      throw new AppError('VALIDATION', `The column “${wanted.label}” has no values to choose from.`, {
        problem: problem('too_small', { origin: 'array', minimum: 1 }),
      });
    }
    const field = createCustomField(ctx, {
      label: wanted.label,
      kind: wanted.kind,
      ...(choices ? { choices } : {}),
    });
    return { field, created: true };
  });
}

const SEVERITY_ORDER = { rejected: 0, error: 1, warning: 2 } as const;

/**
 * Writes the custom columns' values of every row the import wrote to a member (created, updated or
 * unchanged), as edits that sync. As for every field, an empty cell never blanks a value, and a
 * value the field cannot take is left out and listed with its row. Undo puts back what was there:
 * each member's previous values join the import's record of them (`custom:<field id>` keys).
 */
export function writeCustomColumns(
  ctx: WriteContext,
  headers: readonly string[],
  cells: CustomCells,
  fields: readonly CustomField[],
  landed: ReadonlyMap<number, { memberId: string; action: 'created' | 'updated' | 'unchanged' }>,
  outcome: ImportOutcome,
): void {
  if (fields.length === 0) return;
  const dateFormat = chapterDateFormat(requireChapter(ctx.db));
  const current = statement(ctx.db, `SELECT id, value FROM member_field_values WHERE id = ?`);
  const effect = statement(
    ctx.db,
    `SELECT action, previous, written FROM import_effects WHERE batch_id = ? AND member_id = ?`,
  );
  const saveEffect = statement(
    ctx.db,
    `INSERT INTO import_effects (batch_id, member_id, action, previous, written) VALUES (?, ?, 'updated', ?, ?)
     ON CONFLICT (batch_id, member_id) DO UPDATE SET previous = excluded.previous, written = excluded.written`,
  );
  const issues: ImportIssue[] = [];
  const unchanged = new Set<string>();
  for (const { memberId, action } of landed.values()) if (action === 'unchanged') unchanged.add(memberId);
  const ordered = [...landed].sort((a, b) => a[0] - b[0]);
  withCustomTextDeferred(ctx.db, (touch) => {
    for (const [rowNumber, { memberId }] of ordered) {
      const values = cells.of(rowNumber);
      if (!values) continue;
      const previous: Record<string, string | null> = {};
      const written: Record<string, string | null> = {};
      fields.forEach((field, at) => {
        const reading = readCustomValue(field, values[at]!, dateFormat);
        if (!reading.ok) {
          const column = headers[cells.columns[at]!.index] ?? field.label;
          issues.push({
            rowNumber,
            field: null,
            column,
            code: PROBLEM_CODES[reading.problem],
            severity: 'error',
            value: values[at]!,
            params: {
              label: field.label,
              ...(reading.problem === 'CUSTOM_TEXT_TOO_LONG' ? { max: CUSTOM_TEXT_MAX } : {}),
            },
            problem: `not a value “${field.label}” takes`,
            message: `Row ${rowNumber}, “${column}”: not a value “${field.label}” takes, so it was not imported.`,
          });
          return;
        }
        if (reading.value === null) return;
        const id = fieldValueId(memberId, field.id);
        const row = current.get(id) as { id: string; value: string | null } | undefined;
        if (row?.value === reading.value) return;
        writeRow(ctx, 'member_field_values', id, { value: reading.value }, row ?? null);
        touch(memberId);
        // Two columns may go to one field (a file with two headers of its label): what was there
        // before the import is what the first of them found, which undo puts back.
        if (!(`custom:${field.id}` in previous)) previous[`custom:${field.id}`] = row?.value ?? null;
        written[`custom:${field.id}`] = reading.value;
      });
      if (Object.keys(written).length === 0 || !outcome.batchId) continue;
      const recorded = effect.get(outcome.batchId, memberId) as
        { action: string; previous: string | null; written: string | null } | undefined;
      // A member the import created goes with its undo whatever its values.
      if (recorded?.action === 'created') continue;
      saveEffect.run(
        outcome.batchId,
        memberId,
        JSON.stringify({ ...previous, ...(JSON.parse(recorded?.previous ?? '{}') as object) }),
        JSON.stringify({ ...(JSON.parse(recorded?.written ?? '{}') as object), ...written }),
      );
      // A member whose own fields were as the file has them, but whose custom values were not.
      if (unchanged.delete(memberId)) {
        outcome.counts.unchanged--;
        outcome.counts.updated++;
        const at = outcome.unchanged.findIndex((r) => r.memberId === memberId);
        if (at >= 0) outcome.updated.push(...outcome.unchanged.splice(at, 1));
      }
    }
  });
  if (issues.length === 0) return;
  outcome.problems = [...outcome.problems, ...groupProblems([], issues)].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.rows[0]?.row ?? 0) - (b.rows[0]?.row ?? 0) ||
      a.code.localeCompare(b.code),
  );
}
