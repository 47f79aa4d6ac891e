import { z } from 'zod';
import { isIsoDate } from './dues/dates';
import { parseDateInput, type DateFormat } from './locale/dates';
import { foldText } from './text';

/**
 * Fields a chapter defines for its members (national ID, profession, T-shirt size…). A definition
 * is a synced `custom_fields` row; each member's value is a synced `member_field_values` row whose
 * id is `memberId:fieldId`, so two laptops setting one member's field make one row. Every value is
 * stored as text in one canonical form per kind, which both the form and sync check.
 */
export const CUSTOM_FIELD_KINDS = ['text', 'number', 'date', 'yesno', 'choice'] as const;
export type CustomFieldKind = (typeof CUSTOM_FIELD_KINDS)[number];

export const CUSTOM_LABEL_MAX = 80;
export const CUSTOM_TEXT_MAX = 500;
export const CUSTOM_CHOICE_MAX = 100;
export const CUSTOM_CHOICES_MAX = 100;
/** Far more than any chapter tracks; it bounds what one member's form and export carry. */
export const CUSTOM_FIELDS_MAX = 200;
/** Positions are small integers: the order of the fields in Settings, the form and exports. */
export const CUSTOM_POSITION_MAX = 10_000;

export const customFieldLabel = z
  .string()
  .trim()
  .min(1, 'Give the field a name')
  .max(CUSTOM_LABEL_MAX, `At most ${CUSTOM_LABEL_MAX} characters`);

const choice = z
  .string()
  .trim()
  .min(1, 'A choice cannot be empty')
  .max(CUSTOM_CHOICE_MAX, `At most ${CUSTOM_CHOICE_MAX} characters`);

/**
 * A column's header as the label of a field made from it: a form's question may be longer than a
 * label, which every laptop and the server would refuse (the field would reach them unnamed).
 */
export function fieldLabelFromHeader(header: string): string {
  return header.trim().slice(0, CUSTOM_LABEL_MAX).trim();
}

/** The choices of a "choice" field: each once, whatever the case and accents. */
export const customFieldChoices = z
  .array(choice)
  .min(1, 'Give at least one choice')
  .max(CUSTOM_CHOICES_MAX, `At most ${CUSTOM_CHOICES_MAX} choices`)
  .refine((list) => new Set(list.map(foldText)).size === list.length, 'Each choice once');

/** How the choices are stored in their one text column (and travel): a JSON list. */
export const choicesColumn = z.string().refine((text) => {
  try {
    const parsed = customFieldChoices.safeParse(JSON.parse(text));
    return parsed.success && JSON.stringify(parsed.data) === text;
  } catch {
    // Not JSON: the value is refused, which is the answer this check gives.
    return false;
  }
}, `Must be a JSON list of 1 to ${CUSTOM_CHOICES_MAX} distinct choices`);

export const customFieldCreateInput = z
  .strictObject({
    label: customFieldLabel,
    kind: z.enum(CUSTOM_FIELD_KINDS),
    /** Only for a "choice" field, and required there. */
    choices: customFieldChoices.optional(),
  })
  .refine((f) => (f.kind === 'choice') === (f.choices !== undefined), {
    message: 'A choice field needs its choices, and only a choice field has them',
    path: ['choices'],
  });

/** The kind of a field never changes: values written under one kind would not fit another. */
export const customFieldUpdateInput = z.strictObject({
  id: z.uuid(),
  label: customFieldLabel.optional(),
  choices: customFieldChoices.optional(),
  position: z.number().int().min(0).max(CUSTOM_POSITION_MAX).optional(),
  /** A retired field is no longer shown or asked for; its values stay, and it can come back. */
  retired: z.boolean().optional(),
});

export interface CustomField {
  id: string;
  label: string;
  kind: CustomFieldKind;
  /** The choices of a "choice" field, in order; empty for other kinds. */
  choices: string[];
  position: number;
  retired: boolean;
}

/** One member's value of one field, with its definition, as the member's page shows it. */
export interface CustomFieldValue {
  field: CustomField;
  /** In the stored form: text as typed, numbers with a point, dates ISO, yes/no as `yes`/`no`. */
  value: string;
}

/**
 * Values given for a member, by field id: text as people type it (read by the field's kind), or
 * '' / null to clear the field. Only the fields given change.
 */
export const customValuesInput = z
  .record(z.uuid(), z.string().max(CUSTOM_TEXT_MAX, `At most ${CUSTOM_TEXT_MAX} characters`).nullable())
  .refine((values) => Object.keys(values).length <= CUSTOM_FIELDS_MAX, 'Too many fields');

/** Why a value given for a field was refused, for the renderer and the CLI to word. */
export type CustomValueProblem =
  | 'CUSTOM_NUMBER_INVALID'
  | 'CUSTOM_DATE_INVALID'
  | 'CUSTOM_YESNO_INVALID'
  | 'CUSTOM_CHOICE_UNKNOWN'
  | 'CUSTOM_TEXT_TOO_LONG';

export type CustomValueReading =
  { ok: true; value: string | null } | { ok: false; problem: CustomValueProblem };

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'oui', 'o', 'vrai', 'si', 'sí', 'sim', 's']);
const NO = new Set(['no', 'n', 'false', '0', 'non', 'faux', 'nao', 'não']);

// Spaces (plain, no-break, narrow no-break) and apostrophes people put between thousands.
const GROUPING = /[\s\u00a0\u202f'’_]/g;

/**
 * A number as people write it ("12", "-3", "12,5", "1 234.50", "1.234,5") in the stored form:
 * digits with a point, no grouping, no trailing zeros ("1234.5"). As amounts are read: with both a
 * point and a comma the last is the decimal one; one written once with exactly three digits after
 * it groups thousands ("1,500").
 */
export function readNumber(text: string): string | null {
  let value = text.trim().replace(GROUPING, '').replace('−', '-');
  const negative = value.startsWith('-');
  if (negative || value.startsWith('+')) value = value.slice(1);
  if (!/^(\d[\d.,]*|[.,]\d+)$/.test(value)) return null;
  const points = value.split('.').length - 1;
  const commas = value.split(',').length - 1;
  let decimal: string | null = null;
  if (points > 0 && commas > 0) decimal = value.lastIndexOf('.') > value.lastIndexOf(',') ? '.' : ',';
  else if (points + commas === 1) {
    const sep = points > 0 ? '.' : ',';
    decimal = value.slice(value.lastIndexOf(sep) + 1).length === 3 ? null : sep;
  }
  const at = decimal === null ? value.length : value.lastIndexOf(decimal);
  const whole = value.slice(0, at);
  // Thousands come in threes: "12.345.6" or "1,23,4" is a typing slip, not a number.
  if (!/^\d*$/.test(whole) && !/^\d{1,3}([.,]\d{3})+$/.test(whole)) return null;
  const fraction = decimal === null ? '' : value.slice(at + 1);
  if (!/^\d*$/.test(fraction)) return null;
  const digits = whole.replace(/[.,]/g, '').replace(/^0+(?=\d)/, '') || '0';
  const decimals = fraction.replace(/0+$/, '');
  if (digits.length + decimals.length > 15) return null;
  const canonical = decimals ? `${digits}.${decimals}` : digits;
  return negative && canonical !== '0' ? `-${canonical}` : canonical;
}

const STORED_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d{0,14}[1-9])?$/;

/**
 * Reads what someone typed (a form, the command line, a spreadsheet cell) as a value of `field`.
 * Empty text clears the field. Dates are read in `dateFormat` (an ISO date always reads), choices
 * whatever the case and accents (stored as the choice is spelled).
 */
export function readCustomValue(
  field: Pick<CustomField, 'kind' | 'choices'>,
  text: string | null,
  dateFormat: DateFormat = { order: 'dmy', separator: '/' },
): CustomValueReading {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return { ok: true, value: null };
  switch (field.kind) {
    case 'text':
      return trimmed.length > CUSTOM_TEXT_MAX
        ? { ok: false, problem: 'CUSTOM_TEXT_TOO_LONG' }
        : { ok: true, value: trimmed };
    case 'number': {
      const number = readNumber(trimmed);
      return number === null ? { ok: false, problem: 'CUSTOM_NUMBER_INVALID' } : { ok: true, value: number };
    }
    case 'date': {
      const date = parseDateInput(trimmed, dateFormat);
      return date.ok ? { ok: true, value: date.iso } : { ok: false, problem: 'CUSTOM_DATE_INVALID' };
    }
    case 'yesno': {
      const word = trimmed.toLowerCase();
      if (YES.has(word)) return { ok: true, value: 'yes' };
      if (NO.has(word)) return { ok: true, value: 'no' };
      return { ok: false, problem: 'CUSTOM_YESNO_INVALID' };
    }
    case 'choice': {
      const folded = foldText(trimmed);
      const found = field.choices.find((c) => foldText(c) === folded);
      return found === undefined
        ? { ok: false, problem: 'CUSTOM_CHOICE_UNKNOWN' }
        : { ok: true, value: found };
    }
  }
}

/**
 * What is wrong with `value` as the stored form of a value of this kind, or null when it fits: the
 * check sync makes of a value from another laptop against the definition this laptop holds. A
 * choice is not checked against the list, which may have changed since (the value then shows as it
 * was written): every laptop must reach the same verdict whatever it has pulled so far.
 */
export function storedValueIssue(kind: string, value: string): string | null {
  switch (kind) {
    case 'text':
      return null;
    case 'number':
      return STORED_NUMBER.test(value) ? null : 'Must be a number written with digits and a point';
    case 'date':
      return isIsoDate(value) ? null : 'Must be a date like 2024-03-31';
    case 'yesno':
      return value === 'yes' || value === 'no' ? null : 'Must be yes or no';
    case 'choice':
      return value.length <= CUSTOM_CHOICE_MAX
        ? null
        : `A choice has at most ${CUSTOM_CHOICE_MAX} characters`;
    default:
      return `Not a kind of custom field: ${kind}`;
  }
}

/**
 * A column of a file to import into one of the chapter's own fields: an existing one, or one made
 * from the column (named as the secretary says; a choice field takes the column's values as its
 * choices). Only non-empty values are imported, as for every field.
 */
export const importCustomColumn = z
  .strictObject({
    index: z.number().int().min(0).max(16_383),
    fieldId: z.uuid().optional(),
    newField: z.strictObject({ label: customFieldLabel, kind: z.enum(CUSTOM_FIELD_KINDS) }).optional(),
  })
  .refine((c) => (c.fieldId === undefined) !== (c.newField === undefined), {
    message: 'Give either an existing field or a new one',
  });
export type ImportCustomColumn = z.infer<typeof importCustomColumn>;

/** The id of one member's value of one field: the same on every laptop. */
export function fieldValueId(memberId: string, fieldId: string): string {
  return `${memberId}:${fieldId}`;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const FIELD_VALUE_ID = new RegExp(`^(${UUID}):(${UUID})$`);

/** The member and the field a value's id names, or null for an id that is not one. */
export function splitFieldValueId(id: string): { memberId: string; fieldId: string } | null {
  const match = FIELD_VALUE_ID.exec(id);
  return match ? { memberId: match[1]!, fieldId: match[2]! } : null;
}
