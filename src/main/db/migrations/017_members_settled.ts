import type { Migration } from './types';

/**
 * How far the change log has been looked through for member identity to settle after a pull
 * (`settleMemberIds`): each sync then reads only the members whose rows or references changed since,
 * not every merged-away member of the chapter. 0 looks through the whole log once (a file from
 * before, a new enrolment), which also moves ids from before chapter keys.
 */
export const migration017: Migration = {
  version: 17,
  name: 'members_settled',
  sql: `ALTER TABLE sync_state ADD COLUMN members_settled_seq INTEGER NOT NULL DEFAULT 0;`,
};
