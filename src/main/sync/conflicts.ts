import type { Conflict } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { keyedMember } from '../../shared/erasure';
import { problem } from '../../shared/problems';
import { parseHlc } from '../../shared/hlc';
import { fieldName } from '../../shared/text';
import { writeRow, type RowValues, type SyncedTable, type WriteContext } from '../db/changes';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { newestFromNode, syncableColumns, winnerOf } from './apply';
import { authorOf, officerOf } from './authors';

interface ConflictRow {
  id: number;
  tbl: string;
  row_id: string;
  col: string;
  lost_value: string | null;
  lost_hlc: string;
  lost_node: string;
  won_value: string | null;
  won_hlc: string;
  won_node: string;
  detected_at: string;
}

const decode = (value: string | null): unknown => (value === null ? null : (JSON.parse(value) as unknown));

/**
 * Whether a conflict still describes something lost, judged on the final state rather than on the
 * moment it was seen: the field still holds the value that won, from the very change that won; the
 * laptop that lost has not given the field another value since (its later word is its final one);
 * the two values differ; and the row is not deleted (a deleted member's fields are nobody's
 * concern until they are restored). So two laptops that each imported and undid one file, whose
 * intermediate values met on the way, show nothing.
 */
const resolved = () =>
  new AppError('NOT_FOUND', 'This conflict was already resolved.', { problem: problem('CONFLICT_RESOLVED') });

function stillOpen(
  db: Db,
  c: Pick<ConflictRow, 'tbl' | 'row_id' | 'col' | 'lost_value' | 'lost_hlc' | 'lost_node' | 'won_hlc'>,
): boolean {
  const winner = winnerOf(db, c.tbl, c.row_id, c.col, -1);
  if (!winner || winner.hlc !== c.won_hlc || winner.value === c.lost_value) return false;
  if (newestFromNode(db, c.tbl, c.row_id, c.col, c.lost_node)?.hlc !== c.lost_hlc) return false;
  if (c.col === 'deleted') return true;
  // A value of one of the chapter's fields is its member's; a field's definition is never deleted.
  const [table, id] =
    c.tbl === 'member_field_values' ? ['members', keyedMember(c.tbl, c.row_id)] : [c.tbl, c.row_id];
  if (!syncableColumns(db, table)?.has('deleted')) return true;
  const row = statement(db, `SELECT deleted FROM ${table} WHERE id = ?`).get(id) as
    { deleted: number } | undefined;
  return row?.deleted !== 1;
}

/** The conflicts still open, newest first. Read only: settled ones are left out, not closed. */
function openConflicts(db: Db): (ConflictRow & { label: string | null; field: string | null })[] {
  // A member's value of one of the chapter's fields is named by the member and the field's label, a
  // field's definition by its label.
  const rows = statement(
    db,
    `SELECT c.*, f.label AS field, CASE c.tbl WHEN 'custom_fields' THEN d.label
       ELSE trim(coalesce(m.first_name, '') || ' ' || coalesce(m.last_name, '')) END AS label
     FROM conflicts c
     LEFT JOIN custom_fields d ON c.tbl = 'custom_fields' AND d.id = c.row_id
     LEFT JOIN member_field_values v ON c.tbl = 'member_field_values' AND v.id = c.row_id
     LEFT JOIN custom_fields f ON f.id = v.field_id
     LEFT JOIN members m ON m.id = (CASE c.tbl WHEN 'members' THEN c.row_id ELSE v.member_id END)
     WHERE c.resolved = 0 ORDER BY c.id DESC`,
  ).all() as (ConflictRow & { label: string | null; field: string | null })[];
  return rows.filter((r) => stillOpen(db, r));
}

export function countOpenConflicts(db: Db): number {
  return openConflicts(db).length;
}

export function listConflicts(db: Db): Conflict[] {
  const author = authorOf(db);
  return openConflicts(db)
    .slice(0, 500)
    .map((r) => ({
      id: r.id,
      table: r.tbl,
      rowId: r.row_id,
      rowLabel: r.label || null,
      column: r.field ?? fieldName(r.col),
      lostValue: decode(r.lost_value),
      lostAt: new Date(parseHlc(r.lost_hlc).wall).toISOString(),
      lostBy: author(r.lost_node, officerOf(db, r.tbl, r.row_id, r.lost_hlc, r.lost_node)),
      wonValue: decode(r.won_value),
      wonBy: author(r.won_node, officerOf(db, r.tbl, r.row_id, r.won_hlc, r.won_node)),
      detectedAt: r.detected_at,
    }));
}

export interface OpenConflict {
  table: string;
  rowId: string;
  column: string;
  value: unknown;
}

/**
 * Puts the value that lost back, through `write` (the owning service, so derived columns follow),
 * as a new edit that syncs like any other; the conflict closes.
 */
export function restoreConflict(db: Db, id: number, write: (conflict: OpenConflict) => void): void {
  db.transaction(() => {
    const row = statement(db, `SELECT * FROM conflicts WHERE id = ? AND resolved = 0`).get(id) as
      ConflictRow | undefined;
    if (!row || !stillOpen(db, row)) throw resolved();
    if (!syncableColumns(db, row.tbl)?.has(row.col)) {
      throw new AppError('CONFLICT', 'This version of ChapterDesk cannot restore that field.', {
        problem: problem('CONFLICT_FIELD_UNKNOWN'),
      });
    }
    write({ table: row.tbl, rowId: row.row_id, column: row.col, value: decode(row.lost_value) });
    statement(db, `UPDATE conflicts SET resolved = 1 WHERE id = ?`).run(id);
  })();
}

/** Writes a restored value straight into a synced row, for tables without a richer service. */
export function writeRestoredField(writeContext: () => WriteContext, conflict: OpenConflict): void {
  const stored =
    typeof conflict.value === 'boolean' ? Number(conflict.value) : (conflict.value as RowValues[string]);
  writeRow(writeContext(), conflict.table as SyncedTable, conflict.rowId, { [conflict.column]: stored });
}

/** A dismissed conflict keeps the current value and leaves the list. */
export function dismissConflict(db: Db, id: number): void {
  const result = statement(db, `UPDATE conflicts SET resolved = 1 WHERE id = ? AND resolved = 0`).run(id);
  if (result.changes === 0) throw resolved();
}
