import type { Migration } from './types';

/**
 * People erased for good. A synced table like the others, so an erasure reaches every laptop and
 * the server as ordinary changes; a row's id is the erased row's id and `tbl` its table, with no
 * personal data. Rows are created once and never edited: there is no `deleted`, since an erasure
 * cannot be undone. Indexed by its key only: every lookup is by the erased row's id.
 */
export const migration012: Migration = {
  version: 12,
  name: 'erasures',
  sql: `
    CREATE TABLE erasures (
      id TEXT PRIMARY KEY,
      tbl TEXT,
      erased_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};
