import type { Migration } from './types';

/**
 * From this version a row's creation may be logged as one change-log entry (col '*', the new row's
 * columns as a JSON object) instead of one entry per field. The tables do not change; the version
 * does, so that an older ChapterDesk, which would push '*' as a column the server refuses, will not
 * open a file that holds such entries.
 */
export const migration004: Migration = {
  version: 4,
  name: 'row-created log entries',
  sql: `
    -- The log format changes, not the schema.
  `,
};
