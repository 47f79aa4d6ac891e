import type { Migration } from './types';

/**
 * The chapter's retention setting: members lapsed for more than this many years are listed for
 * erasure, which the secretary confirms. NULL (every chapter until someone sets it) is off.
 */
export const migration013: Migration = {
  version: 13,
  name: 'retention',
  sql: `
    ALTER TABLE chapter ADD COLUMN retention_years INTEGER;
  `,
};
