import type { EraseResult } from '../../../shared/erasure';
import { AppError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import { statement } from '../../db/statements';
import { recordErasure } from '../members/erase';
import type { EventDeps } from './events';

/**
 * Erases a guest for good: the name, email and phone of their registration, here and, through the
 * erasure record, on every laptop and the server. The registration stays (the event's counts and
 * attendance do not change) and shows as an erased guest. A member's registration is refused: the
 * member is erased, with the guest details their registrations kept.
 */
export function eraseGuest(deps: EventDeps, registrationId: string): EraseResult {
  const { db } = deps;
  return db.transaction((): EraseResult => {
    const row = statement(db, `SELECT member_id FROM registrations WHERE id = ?`).get(registrationId) as
      { member_id: string | null } | undefined;
    if (!row) {
      throw new AppError('NOT_FOUND', 'No such registration.', {
        problem: problem('REGISTRATION_NOT_FOUND'),
      });
    }
    if (row.member_id) {
      throw new AppError(
        'VALIDATION',
        'This registration is a member’s: erase the member instead, which erases their guest details too.',
        { problem: problem('REGISTRATION_IS_A_MEMBERS') },
      );
    }
    if (statement(db, `SELECT 1 FROM erasures WHERE id = ?`).get(registrationId)) {
      throw new AppError('NOT_FOUND', 'This guest has already been erased.', {
        problem: problem('GUEST_ERASED'),
      });
    }
    const removed = recordErasure(deps.writeContext(), 'registrations', registrationId);
    return {
      id: registrationId,
      table: 'registrations',
      changes: removed.changes,
      conflicts: removed.conflicts,
      importEffects: 0,
      paymentNotes: 0,
      guestRegistrations: 1,
      mergedRecords: 0,
      fileScrubbed: false,
    };
  })();
}
