import {
  CUSTOM_TEXT_MAX,
  fieldValueId,
  readCustomValue,
  type CustomField,
  type CustomFieldValue,
  type CustomValueProblem,
} from '../../../shared/custom-fields';
import type { Chapter } from '../../../shared/domain';
import { AppError, type FieldIssue } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import { dateFormatFor, type DateFormat } from '../../../shared/locale/dates';
import { writeRow, type WriteContext } from '../../db/changes';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import { getCustomField, listCustomFields } from './fields';

/** How a form and the contract's errors name a custom field's value: `custom:<field id>`. */
export function customFieldKey(fieldId: string): string {
  return `custom:${fieldId}`;
}

export type CustomInputProblem = CustomValueProblem | 'CUSTOM_FIELD_UNKNOWN' | 'CUSTOM_FIELD_RETIRED';

const MESSAGES: Record<CustomInputProblem, string> = {
  CUSTOM_NUMBER_INVALID: 'Write a number, such as 12 or 3.5',
  CUSTOM_DATE_INVALID: 'Write a date, such as 2024-03-31',
  CUSTOM_YESNO_INVALID: 'Answer yes or no',
  CUSTOM_CHOICE_UNKNOWN: 'Pick one of the field’s choices',
  CUSTOM_TEXT_TOO_LONG: 'Too long',
  CUSTOM_FIELD_UNKNOWN: 'There is no such field',
  CUSTOM_FIELD_RETIRED: 'This field is retired: bring it back in Settings to fill it in',
};

/** Dates typed for a custom field read in the chapter's order (an ISO date always reads). */
export function chapterDateFormat(chapter: Pick<Chapter, 'locale' | 'country'>): DateFormat {
  return dateFormatFor(chapter.locale, chapter.country);
}

/** One member's values, with their fields, in the fields' order; retired fields' values too. */
export function memberFieldValues(db: Db, memberId: string): CustomFieldValue[] {
  const stored = new Map(
    (
      statement(
        db,
        `SELECT field_id, value FROM member_field_values WHERE member_id = ? AND value IS NOT NULL`,
      ).all(memberId) as { field_id: string; value: string }[]
    ).map((row) => [row.field_id, row.value]),
  );
  if (stored.size === 0) return [];
  return listCustomFields(db).flatMap((field) => {
    const value = stored.get(field.id);
    return value === undefined ? [] : [{ field, value }];
  });
}

function issue(field: CustomField | null, fieldId: string, code: CustomInputProblem): FieldIssue {
  const label = field?.label ?? '';
  return {
    field: customFieldKey(fieldId),
    message: `${label ? `${label}: ` : ''}${MESSAGES[code]}`,
    problem:
      code === 'CUSTOM_FIELD_UNKNOWN'
        ? problem(code)
        : code === 'CUSTOM_TEXT_TOO_LONG'
          ? problem(code, { label, maximum: CUSTOM_TEXT_MAX })
          : problem(code, { label }),
  };
}

/**
 * Reads values given for a member's custom fields (field id -> text as typed; '' or null clears)
 * into their stored form. Every refusal is gathered into one VALIDATION error naming each field
 * (`custom:<id>`): an unknown field, a retired one given a value, a value its kind cannot read.
 */
export function readMemberValues(
  db: Db,
  given: Readonly<Record<string, string | null>>,
  dateFormat: DateFormat,
): Map<string, string | null> {
  const read = new Map<string, string | null>();
  const issues: FieldIssue[] = [];
  for (const [fieldId, text] of Object.entries(given)) {
    const field = getCustomField(db, fieldId);
    if (!field) {
      issues.push(issue(null, fieldId, 'CUSTOM_FIELD_UNKNOWN'));
      continue;
    }
    const reading = readCustomValue(field, text, dateFormat);
    if (!reading.ok) issues.push(issue(field, fieldId, reading.problem));
    else if (field.retired && reading.value !== null)
      issues.push(issue(field, fieldId, 'CUSTOM_FIELD_RETIRED'));
    else read.set(fieldId, reading.value);
  }
  if (issues.length > 0) {
    throw new AppError('VALIDATION', issues.map((i) => i.message).join('; '), {
      problem: issues[0]!.problem!,
      fields: issues,
    });
  }
  return read;
}

/**
 * Writes a member's values as edits that sync, one row per member and field; a value equal to the
 * stored one writes nothing, and a field never filled is not created to be emptied. Inside the
 * caller's transaction.
 */
export function writeMemberValues(
  ctx: WriteContext,
  memberId: string,
  values: ReadonlyMap<string, string | null>,
): void {
  const current = statement(ctx.db, `SELECT id, value FROM member_field_values WHERE id = ?`);
  for (const [fieldId, value] of values) {
    const id = fieldValueId(memberId, fieldId);
    const row = current.get(id) as { id: string; value: string | null } | undefined;
    if (!row && value === null) continue;
    writeRow(ctx, 'member_field_values', id, { value }, row ?? null);
  }
}
