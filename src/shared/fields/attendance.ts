import { flag, instant, rowRef, type SyncedField } from './field';

/** One row per person per event, its id derived from the registration, whichever door. */
export const ATTENDANCE_COLUMNS: readonly SyncedField[] = [
  { column: 'event_id', since: 3, value: rowRef.nullable() },
  { column: 'registration_id', since: 3, value: rowRef.nullable() },
  { column: 'member_id', since: 3, value: rowRef.nullable() },
  { column: 'checked_in_at', since: 3, value: instant.nullable() },
  { column: 'present', since: 3, value: flag },
  { column: 'completed', since: 3, value: flag },
  { column: 'deleted', since: 3, value: flag },
];
