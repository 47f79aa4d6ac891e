import { ERASED_COLUMNS, type EraseResult } from '../../../shared/erasure';
import { AppError } from '../../../shared/errors';
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

function assertNotErased(db: Db, id: string, what: string): void {
  if (statement(db, `SELECT 1 FROM erasures WHERE id = ?`).get(id)) {
    throw new AppError('NOT_FOUND', `This ${what} has already been erased.`);
  }
}

/**
 * Erases a member for good: the row and every trace of their data on this laptop (history,
 * outbox, conflicts, what imports kept, their payments' notes, guest details of their
 * registrations), in one transaction, recording an erasure that every laptop and the server apply.
 * Payments stay, shown as an erased member's with their receipt numbers. Call
 * `scrubDatabaseFile` afterwards, outside the transaction, so the bytes leave the file.
 */
export function eraseMember(deps: MembersDeps, id: string): EraseResult {
  const { db } = deps;
  return db.transaction((): EraseResult => {
    const found = statement(db, `SELECT 1 FROM members WHERE id = ?`).get(id);
    if (!found) {
      assertNotErased(db, id, 'member');
      throw new AppError('NOT_FOUND', 'No such member.');
    }
    const ctx = deps.writeContext();
    const guests = registrationsWithGuestDetails(db, id);
    const removed = recordErasure(ctx, 'members', id);
    for (const registration of guests) {
      const guest = recordErasure(ctx, 'registrations', registration);
      removed.changes += guest.changes;
      removed.conflicts += guest.conflicts;
    }
    return {
      id,
      table: 'members',
      changes: removed.changes,
      conflicts: removed.conflicts,
      importEffects: removed.importEffects,
      paymentNotes: removed.paymentNotes,
      guestRegistrations: guests.length,
      fileScrubbed: false,
    };
  })();
}
