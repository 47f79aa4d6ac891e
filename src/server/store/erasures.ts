import {
  ERASED_COLUMNS,
  ERASED_PAYMENT_COLUMNS,
  erasureCovers,
  isErasableTable,
  keyedMember,
  MEMBER_KEYED_TABLES,
  type ErasableTable,
} from '../../shared/erasure';
import type { Change } from '../../shared/sync-protocol';
import type { SqlQueryable } from './sql';

const asJsonList = (values: readonly string[]) => JSON.stringify(values);

/** Erased row id -> its table, for the ids given, from the chapter's erasures. */
async function erasuresOf(
  tx: SqlQueryable,
  chapterId: string,
  ids: readonly string[],
): Promise<Map<string, ErasableTable>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query(
    `SELECT row_id, value FROM field_state
     WHERE chapter_id = $1 AND tbl = 'erasures' AND col = 'tbl'
       AND row_id IN (SELECT json_array_elements_text($2::json))`,
    [chapterId, asJsonList(ids)],
  );
  const erased = new Map<string, ErasableTable>();
  for (const row of rows) {
    const table = JSON.parse(String(row.value)) as unknown;
    if (typeof table === 'string' && isErasableTable(table)) erased.set(String(row.row_id), table);
  }
  return erased;
}

/**
 * Indexes of the changes that would bring back data of an erased person: a field an erasure
 * covers, or a note of a payment whose member (in this batch or already stored) was erased.
 * Runs under the chapter lock, so an erasure committed by another push is seen.
 */
export async function erasedChanges(
  tx: SqlQueryable,
  chapterId: string,
  changes: readonly Change[],
): Promise<number[]> {
  const isPaymentNote = (c: Change) => c.tbl === 'payments' && ERASED_PAYMENT_COLUMNS.includes(c.col);
  const paymentIds = [...new Set(changes.filter(isPaymentNote).map((c) => c.rowId))];
  const memberOf = new Map<string, string>();
  if (paymentIds.length > 0) {
    const stored = await tx.query(
      `SELECT row_id, value FROM field_state
       WHERE chapter_id = $1 AND tbl = 'payments' AND col = 'member_id'
         AND row_id IN (SELECT json_array_elements_text($2::json))`,
      [chapterId, asJsonList(paymentIds)],
    );
    for (const row of stored) {
      if (row.value !== null) memberOf.set(String(row.row_id), JSON.parse(String(row.value)) as string);
    }
    for (const c of changes) {
      if (c.tbl === 'payments' && c.col === 'member_id' && c.value !== null) {
        memberOf.set(c.rowId, JSON.parse(c.value) as string);
      }
    }
  }
  const keyed = changes.flatMap((c) => keyedMember(c.tbl, c.rowId) ?? []);
  const erased = await erasuresOf(tx, chapterId, [
    ...new Set([...changes.map((c) => c.rowId), ...memberOf.values(), ...keyed]),
  ]);
  if (erased.size === 0) return [];
  return changes.flatMap((c, index) => {
    const table = erased.get(c.rowId);
    if (table && table === c.tbl && erasureCovers(table, c.col)) return [index];
    const member = isPaymentNote(c) ? memberOf.get(c.rowId) : (keyedMember(c.tbl, c.rowId) ?? undefined);
    return member && erased.get(member) === 'members' ? [index] : [];
  });
}

/** Deletes the stored changes and fields of `columns` (every column: 'row') of some rows. */
async function deleteFields(
  tx: SqlQueryable,
  chapterId: string,
  tbl: string,
  rows: string,
  params: readonly string[],
  columns: 'row' | readonly string[],
): Promise<void> {
  const onlyColumns = columns === 'row' ? '' : ` AND col IN (SELECT json_array_elements_text($4::json))`;
  const columnParam = columns === 'row' ? [] : [asJsonList(columns)];
  for (const table of ['changes', 'field_state']) {
    await tx.query(
      `DELETE FROM ${table} WHERE chapter_id = $1 AND tbl = $2 AND row_id IN (${rows})${onlyColumns}`,
      [chapterId, tbl, ...params, ...columnParam],
    );
  }
}

/**
 * For each erasure among the changes just stored, deletes what the server keeps of the erased
 * data: every stored change and last-writer-wins field it covers, and for a member the notes of
 * their payments. Laptops that pull afterwards never receive the data; the erasure itself (an id
 * and a table) stays, so later pushes of that data are refused and every laptop applies it.
 */
export async function applyErasures(
  tx: SqlQueryable,
  chapterId: string,
  changes: readonly Change[],
): Promise<void> {
  for (const c of changes) {
    if (c.tbl !== 'erasures' || c.col !== 'tbl' || c.value === null) continue;
    const table = JSON.parse(c.value) as string;
    if (!isErasableTable(table)) continue;
    if (table === 'members') {
      // Payments are found through the member's id as their member_id field holds it (JSON text);
      // their notes go before the member's own fields, while nothing else has changed.
      const payments = `SELECT row_id FROM field_state
        WHERE chapter_id = $1 AND tbl = 'payments' AND col = 'member_id' AND value = $3`;
      await deleteFields(
        tx,
        chapterId,
        'payments',
        payments,
        [JSON.stringify(c.rowId)],
        ERASED_PAYMENT_COLUMNS,
      );
      // Their values of custom fields, whose ids begin with the member's and a colon (every
      // stored change of a row has its field here too).
      for (const keyedTable of MEMBER_KEYED_TABLES) {
        const rows = `SELECT row_id FROM field_state
          WHERE chapter_id = $1 AND tbl = $2 AND left(row_id, length($3)) = $3`;
        await deleteFields(tx, chapterId, keyedTable, rows, [`${c.rowId}:`], 'row');
      }
    }
    await deleteFields(tx, chapterId, table, '$3', [c.rowId], ERASED_COLUMNS[table]);
  }
}
