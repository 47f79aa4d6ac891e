import { z } from 'zod';
import {
  choicesColumn,
  CUSTOM_FIELD_KINDS,
  CUSTOM_POSITION_MAX,
  CUSTOM_TEXT_MAX,
  customFieldLabel,
  FIELD_VALUE_ID,
} from '../custom-fields';
import { flag, normalised, type SyncedField } from './field';

/** A field the chapter defines for its members; its kind is set when it is created and never changes. */
export const CUSTOM_FIELD_COLUMNS: readonly SyncedField[] = [
  { column: 'label', since: 6, value: normalised(customFieldLabel).nullable() },
  { column: 'kind', since: 6, value: z.enum(CUSTOM_FIELD_KINDS, { error: 'Not a kind of custom field' }) },
  { column: 'choices', since: 6, value: choicesColumn.nullable() },
  { column: 'position', since: 6, value: z.number().int().min(0).max(CUSTOM_POSITION_MAX) },
  { column: 'retired', since: 6, value: flag },
];

/**
 * One member's value of one field, its id `memberId:fieldId`. Only the text travels: which member
 * and field it belongs to is read from the id. Whether the text fits the field's kind is checked
 * against the definition by each laptop that applies it (`sync/custom-values.ts`).
 */
export const MEMBER_FIELD_VALUE_COLUMNS: readonly SyncedField[] = [
  {
    column: 'value',
    since: 6,
    value: normalised(
      z.string().trim().min(1).max(CUSTOM_TEXT_MAX, `At most ${CUSTOM_TEXT_MAX} characters`),
    ).nullable(),
  },
];

/** Row ids of this table must be `memberId:fieldId` (two UUIDs), which erasure and search rely on. */
export const MEMBER_FIELD_VALUE_ID = z.string().regex(FIELD_VALUE_ID, 'Must be a member id and a field id');
