import { rowIdIssue, syncedField } from './index';

/**
 * Why one change is refused, as a stable code with its parameters: the server sends it with a
 * refused push, a laptop stores it with a pulled change it holds aside.
 * - VALUE_INVALID: the value does not fit its column ({ table, column, reason }).
 * - OTHER_CHAPTER: a chapter row that is not the device's own chapter ({ table, rowId }).
 * - ERASED: the change would bring back data of a person erased for good ({ table, rowId }); the
 *   server refuses it and the laptop drops it from its log, as the erasure does.
 */
export type ChangeProblem =
  | { code: 'VALUE_INVALID'; params: { table: string; column: string; reason: string } }
  | { code: 'OTHER_CHAPTER'; params: { table: string; rowId: string } }
  | { code: 'ERASED'; params: { table: string; rowId: string } };

/**
 * What is wrong with `value` (JSON text, or null) as the content of `table.column`, or null when
 * it fits. The column must be a synced one: the callers check that first.
 */
export function valueIssue(table: string, column: string, value: string | null): string | null {
  const field = syncedField(table, column);
  if (!field) return `${table}.${column} is not a synced column`;
  let decoded: unknown = null;
  if (value !== null) {
    try {
      decoded = JSON.parse(value) as unknown;
    } catch {
      // The server only stores JSON text; anything else is simply not a value of this column.
      return 'Not JSON text';
    }
  }
  const result = field.value.safeParse(decoded);
  return result.success ? null : result.error.issues.map((issue) => issue.message).join('; ');
}

/**
 * The check both ends make of one change of a synced column: the pushing device's chapter (for
 * the server) or the laptop's own (for a pull) is the only chapter row it may touch, its row id
 * must have its table's form, and its value must fit the column.
 */
export function changeProblem(
  change: { tbl: string; rowId: string; col: string; value: string | null },
  chapterId: string,
): ChangeProblem | null {
  if (change.tbl === 'chapter' && change.rowId !== chapterId) {
    return { code: 'OTHER_CHAPTER', params: { table: change.tbl, rowId: change.rowId } };
  }
  const badId = rowIdIssue(change.tbl, change.rowId);
  if (badId !== null) {
    return { code: 'VALUE_INVALID', params: { table: change.tbl, column: 'id', reason: badId } };
  }
  const reason = valueIssue(change.tbl, change.col, change.value);
  return reason === null
    ? null
    : { code: 'VALUE_INVALID', params: { table: change.tbl, column: change.col, reason } };
}

/** The problem in words, for logs, the CLI and the reason stored beside the change. */
export function describeProblem(problem: ChangeProblem): string {
  if (problem.code === 'OTHER_CHAPTER') {
    return `The chapter row ${problem.params.rowId} is not this device's chapter.`;
  }
  if (problem.code === 'ERASED') {
    return `${problem.params.table} row ${problem.params.rowId} belongs to a person erased for good.`;
  }
  const { table, column, reason } = problem.params;
  return `${table}.${column}: ${reason}`;
}
