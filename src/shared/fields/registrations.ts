import { guestFields } from '../events';
import { emptyOr, flag, instant, rowRef, type SyncedField } from './field';

/** A member's registration, or a guest's with their name and contact. */
export const REGISTRATION_COLUMNS: readonly SyncedField[] = [
  { column: 'event_id', since: 3, value: rowRef.nullable() },
  { column: 'member_id', since: 3, value: rowRef.nullable() },
  { column: 'guest_name', since: 3, value: guestFields.guestName.nullable() },
  { column: 'guest_email', since: 3, value: emptyOr(guestFields.guestEmail) },
  { column: 'guest_phone', since: 3, value: emptyOr(guestFields.guestPhone) },
  { column: 'registered_at', since: 3, value: instant.nullable() },
  { column: 'walk_in', since: 3, value: flag },
  { column: 'cancelled', since: 3, value: flag },
  { column: 'deleted', since: 3, value: flag },
];
