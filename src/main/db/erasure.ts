import Database from 'better-sqlite3';
import {
  ERASED_COLUMNS,
  ERASED_PAYMENT_COLUMNS,
  erasureCovers,
  isErasableTable,
  keyedMember,
  MEMBER_KEYED_TABLES,
  type ErasableTable,
} from '../../shared/erasure';
import { ROW_CREATED } from './changes';
import type { Db } from './open';
import { statement } from './statements';

/** What one erasure removed from this laptop's file. */
export interface RemovedTraces {
  /** Rows removed (a member), or rows whose erased fields were emptied (a guest's registration). */
  rows: number;
  /** Change-log entries removed or rewritten: history, the outbox, pulled changes. */
  changes: number;
  conflicts: number;
  /** Import records of what an import wrote to the member and what was there before. */
  importEffects: number;
  /** Notes of the member's payments, emptied (the payments stay). */
  paymentNotes: number;
}

function erasedTable(db: Db, rowId: string): ErasableTable | null {
  const row = statement(db, `SELECT tbl FROM erasures WHERE id = ?`).get(rowId) as
    { tbl: string | null } | undefined;
  return row?.tbl && isErasableTable(row.tbl) ? row.tbl : null;
}

/**
 * Whether a change of `tbl.col` on row `rowId` would bring back data of an erased person: the
 * erased row's fields, an erased member's value of a custom field, or a note of their payment.
 * Such changes are dropped wherever they come from.
 */
export function isErased(db: Db, tbl: string, rowId: string, col: string): boolean {
  if (isErasableTable(tbl)) return erasedTable(db, rowId) === tbl && erasureCovers(tbl, col);
  const member = keyedMember(tbl, rowId);
  if (member !== null) return erasedTable(db, member) === 'members';
  if (tbl === 'payments' && ERASED_PAYMENT_COLUMNS.includes(col)) {
    const payment = statement(db, `SELECT member_id FROM payments WHERE id = ?`).get(rowId) as
      { member_id: string | null } | undefined;
    return !!payment?.member_id && erasedTable(db, payment.member_id) === 'members';
  }
  return false;
}

/**
 * Removes the given columns of one row from the change log: their own entries go, and the row's
 * creation entry is rewritten without them (or goes, when it set nothing else). Entries held aside
 * go with them. Returns how many entries were removed or rewritten.
 */
function removeFromLog(db: Db, tbl: string, rowId: string, columns: 'row' | readonly string[]): number {
  const entries = statement(db, `SELECT seq, col, value FROM changes WHERE tbl = ? AND row_id = ?`).all(
    tbl,
    rowId,
  ) as { seq: number; col: string; value: string | null }[];
  const unhold = statement(db, `DELETE FROM held_changes WHERE change_seq = ?`);
  const remove = statement(db, `DELETE FROM changes WHERE seq = ?`);
  const rewrite = statement(db, `UPDATE changes SET value = ? WHERE seq = ?`);
  let count = 0;
  for (const entry of entries) {
    if (columns === 'row' || columns.includes(entry.col)) {
      unhold.run(entry.seq);
      remove.run(entry.seq);
      count++;
    } else if (entry.col === ROW_CREATED) {
      const values = JSON.parse(entry.value ?? '{}') as Record<string, unknown>;
      const kept = Object.keys(values).filter((col) => !columns.includes(col));
      if (kept.length === Object.keys(values).length) continue;
      if (kept.length === 0) {
        unhold.run(entry.seq);
        remove.run(entry.seq);
      } else {
        rewrite.run(JSON.stringify(Object.fromEntries(kept.map((col) => [col, values[col]]))), entry.seq);
      }
      count++;
    }
  }
  return count;
}

function removeConflicts(db: Db, tbl: string, rowId: string, columns: 'row' | readonly string[]): number {
  if (columns === 'row') {
    return statement(db, `DELETE FROM conflicts WHERE tbl = ? AND row_id = ?`).run(tbl, rowId).changes;
  }
  const remove = statement(db, `DELETE FROM conflicts WHERE tbl = ? AND row_id = ? AND col = ?`);
  return columns.reduce((sum, col) => sum + remove.run(tbl, rowId, col).changes, 0);
}

/**
 * Removes every trace of an erased row from this laptop's file, inside the caller's transaction:
 * the row (or a guest's fields), its change log (history, the outbox, changes held aside), its
 * conflicts and, for a member, what imports kept of them, the notes of their payments and their
 * values of custom fields. The same on the laptop that erases and on every laptop that pulls the
 * erasure. The bytes stay in free pages and the WAL until `scrubDatabaseFile` runs, outside the
 * transaction.
 */
export function removeErasedData(db: Db, tbl: ErasableTable, rowId: string): RemovedTraces {
  const columns = ERASED_COLUMNS[tbl];
  const removed: RemovedTraces = { rows: 0, changes: 0, conflicts: 0, importEffects: 0, paymentNotes: 0 };
  if (columns === 'row') {
    removed.rows = statement(db, `DELETE FROM ${tbl} WHERE id = ?`).run(rowId).changes;
  } else {
    const sets = columns.map((col) => `${col} = NULL`).join(', ');
    removed.rows = statement(db, `UPDATE ${tbl} SET ${sets} WHERE id = ?`).run(rowId).changes;
  }
  removed.changes = removeFromLog(db, tbl, rowId, columns);
  removed.conflicts = removeConflicts(db, tbl, rowId, columns);
  if (tbl === 'members') {
    removed.importEffects = statement(db, `DELETE FROM import_effects WHERE member_id = ?`).run(
      rowId,
    ).changes;
    const payments = statement(db, `SELECT id FROM payments WHERE member_id = ?`).all(rowId) as {
      id: string;
    }[];
    const sets = ERASED_PAYMENT_COLUMNS.map((col) => `${col} = NULL`).join(', ');
    const empty = statement(db, `UPDATE payments SET ${sets} WHERE id = ?`);
    for (const { id } of payments) {
      removed.paymentNotes += empty.run(id).changes;
      removed.changes += removeFromLog(db, 'payments', id, ERASED_PAYMENT_COLUMNS);
    }
    // Their values of the chapter's own fields: rows, log entries (whatever pulled or held) and
    // conflicts, found by the member's id at the start of theirs.
    const prefix = `${rowId}:`;
    for (const table of MEMBER_KEYED_TABLES) {
      const ids = (
        statement(
          db,
          `SELECT DISTINCT row_id AS id FROM changes WHERE tbl = ? AND row_id >= ? AND row_id < ?
           UNION SELECT id FROM ${table} WHERE id >= ? AND id < ?`,
        ).all(table, prefix, `${rowId};`, prefix, `${rowId};`) as { id: string }[]
      ).map((row) => row.id);
      for (const id of ids) {
        statement(db, `DELETE FROM ${table} WHERE id = ?`).run(id);
        removed.changes += removeFromLog(db, table, id, 'row');
        removed.conflicts += removeConflicts(db, table, id, 'row');
      }
    }
  }
  return removed;
}

/**
 * Makes the erased bytes leave the chapter file, outside any transaction: the search index is
 * merged (its segments keep the words of removed rows until then), the WAL is written back and
 * emptied, VACUUM rewrites the file without the freed pages, and the WAL VACUUM wrote through is
 * written back and emptied again. Returns false when another connection kept the file from being
 * rewritten or the WAL from being emptied (its reader still needs it); the next scrub finishes.
 */
export function scrubDatabaseFile(db: Db): boolean {
  try {
    // The merge is a write: another connection holding the write lock refuses it as it does VACUUM.
    db.exec(`INSERT INTO members_fts (members_fts) VALUES ('optimize')`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
  } catch (error) {
    // Another connection's transaction (an import saving) outlasted the busy timeout: the erasure
    // itself has committed, so this is reported as an unfinished scrub, not as a failed erasure
    // (nor run again by the data thread, data-thread/writers.ts).
    if (
      error instanceof Database.SqliteError &&
      (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_LOCKED')
    ) {
      return false;
    }
    throw error;
  }
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return !result || result.busy === 0;
}
