import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  CUSTOM_FIELD_KINDS,
  CUSTOM_FIELDS_MAX,
  type CustomField,
  type CustomFieldKind,
  type customFieldCreateInput,
  type customFieldUpdateInput,
} from '../../../shared/custom-fields';
import { AppError, fieldError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import { foldText } from '../../../shared/text';
import { writeRow, type RowValues, type WriteContext } from '../../db/changes';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';

interface FieldRow {
  id: string;
  label: string | null;
  kind: string | null;
  choices: string | null;
  position: number;
  retired: number;
}

const SELECT = `SELECT id, label, kind, choices, position, retired FROM custom_fields`;

function isKind(kind: string | null): kind is CustomFieldKind {
  return (CUSTOM_FIELD_KINDS as readonly (string | null)[]).includes(kind);
}

/** A definition as sync may have left it: a row whose kind has not arrived yet is not a field yet. */
function toField(row: FieldRow): CustomField | null {
  if (!isKind(row.kind)) return null;
  return {
    id: row.id,
    label: row.label ?? '',
    kind: row.kind,
    choices: row.choices === null ? [] : (JSON.parse(row.choices) as string[]),
    position: row.position,
    retired: row.retired === 1,
  };
}

/** Every field, retired ones too, in the chapter's order (position, then label). */
export function listCustomFields(db: Db): CustomField[] {
  const rows = statement(db, `${SELECT} ORDER BY position, label, id`).all() as FieldRow[];
  return rows.flatMap((row) => toField(row) ?? []);
}

export function getCustomField(db: Db, id: string): CustomField | null {
  const row = statement(db, `${SELECT} WHERE id = ?`).get(id) as FieldRow | undefined;
  return row ? toField(row) : null;
}

/** A field by id or by label (case- and accent-insensitive; a field in use before a retired one). */
export function findCustomField(db: Db, idOrLabel: string): CustomField | null {
  const all = listCustomFields(db);
  const folded = foldText(idOrLabel);
  return (
    all.find((f) => f.id === idOrLabel) ??
    all.find((f) => !f.retired && foldText(f.label) === folded) ??
    all.find((f) => foldText(f.label) === folded) ??
    null
  );
}

function labelTaken(label: string): AppError {
  const message = `A field called “${label}” already exists`;
  return fieldError('CONFLICT', 'label', message, problem('CUSTOM_FIELD_LABEL_TAKEN', { label }));
}

/** Two fields in use may not share a label: forms, exports and imports find a field by it. */
function assertLabelFree(db: Db, label: string, exceptId: string | null): void {
  const folded = foldText(label);
  const other = listCustomFields(db).find(
    (f) => !f.retired && f.id !== exceptId && foldText(f.label) === folded,
  );
  if (other) throw labelTaken(label);
}

export function createCustomField(
  ctx: WriteContext,
  input: z.output<typeof customFieldCreateInput>,
): CustomField {
  const { db } = ctx;
  return db.transaction(() => {
    assertLabelFree(db, input.label, null);
    const { count, last } = statement(
      db,
      `SELECT count(*) AS count, coalesce(max(position), -1) AS last FROM custom_fields`,
    ).get() as { count: number; last: number };
    if (count >= CUSTOM_FIELDS_MAX) {
      throw new AppError('VALIDATION', `A chapter has at most ${CUSTOM_FIELDS_MAX} fields of its own.`, {
        problem: problem('CUSTOM_FIELDS_TOO_MANY', { maximum: CUSTOM_FIELDS_MAX }),
      });
    }
    const id = randomUUID();
    writeRow(
      ctx,
      'custom_fields',
      id,
      {
        label: input.label,
        kind: input.kind,
        choices: input.choices ? JSON.stringify(input.choices) : null,
        position: last + 1,
        retired: 0,
      },
      null,
    );
    return getCustomField(db, id)!;
  })();
}

export function updateCustomField(
  ctx: WriteContext,
  input: z.output<typeof customFieldUpdateInput>,
): CustomField {
  const { db } = ctx;
  return db.transaction(() => {
    const current = getCustomField(db, input.id);
    if (!current) {
      throw new AppError('NOT_FOUND', 'No such field.', { problem: problem('CUSTOM_FIELD_NOT_FOUND') });
    }
    const values: RowValues = {};
    const label = input.label ?? current.label;
    const retired = input.retired ?? current.retired;
    // Bringing a field back checks its label as a new one would be.
    if (!retired && (input.label !== undefined || current.retired)) assertLabelFree(db, label, current.id);
    if (input.label !== undefined) values.label = input.label;
    if (input.choices !== undefined) {
      if (current.kind !== 'choice') {
        const message = 'Only a choice field has choices';
        throw fieldError('VALIDATION', 'choices', message, problem('CUSTOM_FIELD_NOT_CHOICE'));
      }
      values.choices = JSON.stringify(input.choices);
    }
    if (input.position !== undefined) values.position = input.position;
    if (input.retired !== undefined) values.retired = input.retired ? 1 : 0;
    writeRow(ctx, 'custom_fields', current.id, values);
    return getCustomField(db, current.id)!;
  })();
}
