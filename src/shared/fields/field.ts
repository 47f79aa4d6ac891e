import { z } from 'zod';
import { isIsoDate } from '../dues/dates';

/**
 * One synced column, described once. Its `value` schema is what the column may hold as JSON
 * decodes it from the change log; the sync server checks every pushed value with it and every
 * laptop checks every pulled value with it, so a value the app would never write cannot reach
 * another laptop. Built from the app's own input schemas, so the limits are the forms' limits.
 */
export interface SyncedField {
  column: string;
  value: z.ZodType;
  /** The sync schema version that first carried the column: SCHEMA_ADDITIONS is built from it. */
  since: number;
  /** Computed on each laptop from other columns of the row; nobody types it. */
  derived?: { from: readonly string[] };
}

/** 0 or 1: SQLite has no booleans and the app writes every flag as an integer. */
export const flag = z.union([z.literal(0), z.literal(1)], { error: 'Must be 0 or 1' });

/** A calendar day as the app stores it: YYYY-MM-DD, and a day that exists. */
export const isoDate = z.string().refine(isIsoDate, 'Must be a date like 2024-03-31');

/** An instant as the app stores it, from Date.toISOString(): always UTC. */
export const instant = z.iso.datetime({ error: 'Must be a UTC time like 2026-03-14T17:00:00.000Z' });

/** A reference to another synced row: every row id the app makes is a UUID (v4, or v5 when derived). */
export const rowRef = z.uuid({ error: 'Must be a row id (UUID)' });

/**
 * A form field that is optional in the form and stored as NULL when left empty: the form's own
 * schema (its length limit, its format) or null.
 */
export function emptyOr<T extends z.ZodType>(formField: z.ZodOptional<T>) {
  return formField.unwrap().nullable();
}

/**
 * A value the app normalises before storing it (codes upper-cased, text trimmed): it must pass
 * the form's schema and already be in the form the schema gives it, so `fr` or ` EUR` is refused
 * where the app would only ever have stored `FR` and `EUR`.
 */
export function normalised(formField: z.ZodType<string, string>) {
  return z.string().superRefine((value, ctx) => {
    const parsed = formField.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    } else if (parsed.data !== value) {
      ctx.addIssue({ code: 'custom', message: `Must be stored as ${JSON.stringify(parsed.data)}` });
    }
  });
}

/** The length limit of a form's text field, for a column whose text is built from such fields. */
export function maxLengthOf(formField: z.ZodType): number {
  const inner = formField instanceof z.ZodOptional ? formField.unwrap() : formField;
  if (!(inner instanceof z.ZodString) || inner.maxLength === null) {
    throw new Error('maxLengthOf needs a text field with a maximum length');
  }
  return inner.maxLength;
}
