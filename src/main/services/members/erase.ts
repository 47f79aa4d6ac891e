import { ERASED_COLUMNS, type EraseResult } from '../../../shared/erasure';
import { AppError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import { ROW_CREATED, writeRow, type WriteContext } from '../../db/changes';
import { removeErasedData, type RemovedTraces } from '../../db/erasure';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import type { MembersDeps } from './members';

export { scrubDatabaseFile } from '../../db/erasure';

const GUEST_COLUMNS = ERASED_COLUMNS.registrations as readonly string[];

/** Records the erasure, which travels through sync, and removes the row's traces here. */
export function recordErasure(
  ctx: WriteContext,
  table: 'members' | 'registrations',
  id: string,
): RemovedTraces {
  writeRow(ctx, 'erasures', id, { tbl: table, erased_at: ctx.now().toISOString() }, null);
  return removeErasedData(ctx.db, table, id);
}

/**
 * The member's registrations that hold guest details (a guest who became this member), in the
 * table or in the log.
 */
function registrationsWithGuestDetails(db: Db, memberId: string): string[] {
  const guestValue = GUEST_COLUMNS.map((col) => `r.${col} IS NOT NULL`).join(' OR ');
  const guestEntry = GUEST_COLUMNS.map((col) => `c.col = '${col}'`).join(' OR ');
  return (
    statement(
      db,
      `SELECT r.id FROM registrations r WHERE r.member_id = ? AND (${guestValue} OR EXISTS (
         SELECT 1 FROM changes c WHERE c.tbl = 'registrations' AND c.row_id = r.id
           AND (${guestEntry} OR (c.col = '${ROW_CREATED}' AND c.value LIKE '%"guest\\_%' ESCAPE '\\'))))`,
    ).all(memberId) as { id: string }[]
  ).map((r) => r.id);
}

/**
 * The member and the records merged into them (a duplicate of the same person, kept deleted with
 * `merged_into`), and those merged into these, in turn: what an erasure removes and what a
 * request for the person's data shows.
 */
export function withMergedRecords(db: Db, memberId: string): string[] {
  const found = [memberId];
  const merged = statement(db, `SELECT id FROM members WHERE merged_into = ?`);
  for (let i = 0; i < found.length; i++) {
    for (const { id } of merged.all(found[i]) as { id: string }[]) if (!found.includes(id)) found.push(id);
  }
  return found;
}

function assertNotErased(db: Db, id: string): void {
  if (statement(db, `SELECT 1 FROM erasures WHERE id = ?`).get(id)) {
    throw new AppError('NOT_FOUND', 'This member has already been erased.', {
      problem: problem('MEMBER_ERASED'),
    });
  }
}

/**
 * Erases a member for good: the row and every trace of their data on this laptop (history,
 * outbox, conflicts, what imports kept, their payments' notes, guest details of their
 * registrations, the duplicate records merged into them), in one transaction, recording erasures
 * that every laptop and the server apply. Payments stay, shown as an erased member's with their
 * receipt numbers. Call `scrubDatabaseFile` afterwards, outside the transaction, so the bytes
 * leave the file.
 */
export function eraseMember(deps: MembersDeps, id: string): EraseResult {
  const { db } = deps;
  return db.transaction((): EraseResult => {
    const found = statement(db, `SELECT 1 FROM members WHERE id = ?`).get(id);
    if (!found) {
      assertNotErased(db, id);
      throw new AppError('NOT_FOUND', 'No such member.', { problem: problem('MEMBER_NOT_FOUND') });
    }
    const ctx = deps.writeContext();
    const records = withMergedRecords(db, id);
    const result: EraseResult = {
      id,
      table: 'members',
      changes: 0,
      conflicts: 0,
      importEffects: 0,
      paymentNotes: 0,
      guestRegistrations: 0,
      mergedRecords: records.length - 1,
      fileScrubbed: false,
    };
    for (const record of records) {
      const guests = registrationsWithGuestDetails(db, record);
      const removed = [recordErasure(ctx, 'members', record)];
      for (const registration of guests) removed.push(recordErasure(ctx, 'registrations', registration));
      for (const traces of removed) {
        result.changes += traces.changes;
        result.conflicts += traces.conflicts;
        result.importEffects += traces.importEffects;
        result.paymentNotes += traces.paymentNotes;
      }
      result.guestRegistrations += guests.length;
    }
    return result;
  })();
}
