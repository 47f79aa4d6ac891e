import { splitFieldValueId, storedValueIssue } from '../../../shared/custom-fields';
import type { ChangeProblem } from '../../../shared/fields/check';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';

/**
 * The part of checking a pulled change that needs this laptop's data, after the field registry's
 * check of the value alone (`changeProblem`):
 * - a member's value of a custom field must be in the stored form of the field's kind (a number
 *   with a point, an ISO date, yes or no); a value whose field this laptop does not have yet waits
 *   (held, and tried again at each sync) rather than being judged without it;
 * - a field's kind never changes once the field exists, since its values were written for it.
 * Every laptop reaches the same verdict: a definition reaches the server before any value of it
 * (a laptop sets a value only for a field it has), so pulls in order always find it, and a kind
 * never changes. Choices may change, so a choice is not checked against today's list.
 */
export function customFieldProblem(
  db: Db,
  change: { tbl: string; rowId: string; col: string; value: string | null },
): ChangeProblem | 'wait' | null {
  if (change.value === null) return null;
  if (change.tbl === 'member_field_values' && change.col === 'value') {
    const ids = splitFieldValueId(change.rowId);
    // The registry refused any other id already.
    if (!ids) return null;
    const field = statement(db, `SELECT kind FROM custom_fields WHERE id = ?`).get(ids.fieldId) as
      { kind: string | null } | undefined;
    if (!field?.kind) return 'wait';
    const reason = storedValueIssue(field.kind, JSON.parse(change.value) as string);
    return reason === null
      ? null
      : { code: 'VALUE_INVALID', params: { table: change.tbl, column: change.col, reason } };
  }
  if (change.tbl === 'custom_fields' && change.col === 'kind') {
    const field = statement(db, `SELECT kind FROM custom_fields WHERE id = ?`).get(change.rowId) as
      { kind: string | null } | undefined;
    const kind = JSON.parse(change.value) as string;
    if (field?.kind && field.kind !== kind) {
      const reason = `The field is a ${field.kind} field; a field's kind never changes`;
      return { code: 'VALUE_INVALID', params: { table: change.tbl, column: change.col, reason } };
    }
  }
  return null;
}
