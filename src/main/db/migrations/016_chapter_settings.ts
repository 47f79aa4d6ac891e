import type { Migration } from './types';

/**
 * Chapter settings edited in the app: the officers' names (a JSON list) and the delimiter of
 * exported CSV files. NULL officers is a chapter set up before the list existed; NULL delimiter
 * proposes the one the language's spreadsheets expect.
 */
export const migration016: Migration = {
  version: 16,
  name: 'chapter_settings',
  sql: `
    ALTER TABLE chapter ADD COLUMN officers TEXT;
    ALTER TABLE chapter ADD COLUMN csv_delimiter TEXT;
  `,
};
