import { ROW_CREATED } from '../db/changes';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

/**
 * Gives a row that was never pushed another id, with its waiting log entries: only safe before
 * anything about it has left this laptop (first enrolment, a chapter key adopted before a push).
 * Says whether it did (not when there is no such row, or a row has the new id already).
 */
export function renameRow(
  db: Db,
  table: 'chapter' | 'membership_types' | 'members' | 'registrations' | 'attendance' | 'member_field_values',
  from: string,
  to: string,
): boolean {
  if (from === to) return false;
  if (!statement(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(from)) return false;
  if (statement(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(to)) return false;
  statement(db, `UPDATE ${table} SET id = ? WHERE id = ?`).run(to, from);
  statement(db, `UPDATE changes SET row_id = ? WHERE tbl = ? AND row_id = ?`).run(to, table, from);
  return true;
}

/** Points the rows that refer to a renamed row, and their waiting log entries, at its new id. */
export function renameReference(
  db: Db,
  table: 'members' | 'payments' | 'registrations' | 'attendance',
  column: string,
  from: string,
  to: string,
): void {
  statement(db, `UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`).run(to, from);
  statement(db, `UPDATE changes SET value = ? WHERE tbl = ? AND col = ? AND value = ?`).run(
    JSON.stringify(to),
    table,
    column,
    JSON.stringify(from),
  );
  statement(
    db,
    `UPDATE changes SET value = json_set(value, '$.${column}', ?)
     WHERE tbl = ? AND col = '${ROW_CREATED}' AND value ->> '$.${column}' = ?`,
  ).run(to, table, from);
}
