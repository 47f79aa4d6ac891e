import { eventCreateInput } from '../events';
import { emptyOr, flag, instant, type SyncedField } from './field';

const form = eventCreateInput.shape;

/** Start and end are stored as instants: the form's local times are read in the chapter's zone. */
export const EVENT_COLUMNS: readonly SyncedField[] = [
  { column: 'title', since: 3, value: form.title.nullable() },
  { column: 'kind', since: 3, value: form.kind.nullable() },
  { column: 'starts_at', since: 3, value: instant.nullable() },
  { column: 'ends_at', since: 3, value: instant.nullable() },
  { column: 'venue', since: 3, value: emptyOr(form.venue) },
  { column: 'online_link', since: 3, value: emptyOr(form.onlineLink) },
  { column: 'capacity', since: 3, value: form.capacity.unwrap() },
  { column: 'quorum', since: 3, value: form.quorum.unwrap() },
  { column: 'description', since: 3, value: emptyOr(form.description) },
  { column: 'cancelled', since: 3, value: flag },
  { column: 'deleted', since: 3, value: flag },
];
