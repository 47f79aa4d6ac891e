import { ATTENDANCE_COLUMNS } from './attendance';
import { CHAPTER_COLUMNS } from './chapter';
import { CUSTOM_FIELD_COLUMNS, MEMBER_FIELD_VALUE_COLUMNS, MEMBER_FIELD_VALUE_ID } from './custom-fields';
import { ERASURE_COLUMNS } from './erasures';
import { EVENT_COLUMNS } from './events';
import type { SyncedField } from './field';
import { MEMBER_COLUMNS } from './members';
import { MEMBERSHIP_TYPE_COLUMNS } from './membership-types';
import { PAYMENT_VOID_COLUMNS } from './payment-voids';
import { PAYMENT_COLUMNS } from './payments';
import { REGISTRATION_COLUMNS } from './registrations';
import type { z } from 'zod';

export type { SyncedField } from './field';

/**
 * The field registry: every synced table and its columns, each described once (field.ts). The
 * wire's column lists (SCHEMA_ADDITIONS), the server's check of pushed values and the laptops'
 * check of pulled values all read it.
 */
export const SYNCED_FIELDS = {
  chapter: CHAPTER_COLUMNS,
  membership_types: MEMBERSHIP_TYPE_COLUMNS,
  members: MEMBER_COLUMNS,
  payments: PAYMENT_COLUMNS,
  payment_voids: PAYMENT_VOID_COLUMNS,
  events: EVENT_COLUMNS,
  registrations: REGISTRATION_COLUMNS,
  attendance: ATTENDANCE_COLUMNS,
  erasures: ERASURE_COLUMNS,
  custom_fields: CUSTOM_FIELD_COLUMNS,
  member_field_values: MEMBER_FIELD_VALUE_COLUMNS,
} as const satisfies Record<string, readonly SyncedField[]>;

export type SyncedTable = keyof typeof SYNCED_FIELDS;
export const SYNCED_TABLES = Object.keys(SYNCED_FIELDS) as readonly SyncedTable[];

// A Map, so that names from the wire such as "__proto__" or "constructor" find nothing.
const BY_NAME = new Map(
  Object.entries(SYNCED_FIELDS).map(([table, fields]) => [
    table,
    new Map<string, SyncedField>(fields.map((f) => [f.column, f])),
  ]),
);

/**
 * Tables whose row ids have a form of their own rather than a UUID: a member's value of a custom
 * field is `memberId:fieldId`, so every laptop names it alike and an erasure finds it by its member.
 */
const ROW_IDS: ReadonlyMap<string, z.ZodType> = new Map([['member_field_values', MEMBER_FIELD_VALUE_ID]]);

/** What is wrong with `rowId` as the id of a row of `table`, or null when it fits. */
export function rowIdIssue(table: string, rowId: string): string | null {
  const schema = ROW_IDS.get(table);
  if (!schema) return null;
  const result = schema.safeParse(rowId);
  return result.success ? null : result.error.issues.map((issue) => issue.message).join('; ');
}

/** The description of a synced column, or undefined for anything else. */
export function syncedField(table: string, column: string): SyncedField | undefined {
  return BY_NAME.get(table)?.get(column);
}

/** `table.column` of every derived column. */
export const DERIVED_FIELDS: ReadonlySet<string> = new Set(
  Object.entries(SYNCED_FIELDS).flatMap(([table, fields]) =>
    fields.filter((f) => f.derived).map((f) => `${table}.${f.column}`),
  ),
);

/**
 * Fields where the earliest value is the true one, whatever was written last: a place in line goes
 * to the first registration, a check-in happened when the first door saw the person, someone who
 * registered is not a walk-in because another door did not know. Every laptop keeps the smallest
 * value it has seen, so all of them agree whatever order the changes arrive in; local writes
 * never replace such a value with a larger one (writeRow keeps the smaller).
 */
export const EARLIEST_WINS: ReadonlySet<string> = new Set([
  'registrations.registered_at',
  'registrations.walk_in',
  'attendance.checked_in_at',
]);

/** `table.column` of every column a derived column is computed from. */
export const DERIVED_SOURCES: ReadonlySet<string> = new Set(
  Object.entries(SYNCED_FIELDS).flatMap(([table, fields]) =>
    fields.flatMap((f) => (f.derived ? f.derived.from.map((source) => `${table}.${source}`) : [])),
  ),
);

export interface SchemaAddition {
  schema: number;
  tables: Readonly<Record<string, readonly string[]>>;
}

/** The columns each schema version added, table by table in registry order. */
export function schemaAdditions(): SchemaAddition[] {
  const versions = [...new Set(Object.values(SYNCED_FIELDS).flatMap((fs) => fs.map((f) => f.since)))];
  return versions
    .sort((a, b) => a - b)
    .map((schema) => ({
      schema,
      tables: Object.fromEntries(
        Object.entries(SYNCED_FIELDS)
          .map(([table, fields]): [string, string[]] => [
            table,
            fields.filter((f) => f.since === schema).map((f) => f.column),
          ])
          .filter(([, columns]) => columns.length > 0),
      ),
    }));
}
