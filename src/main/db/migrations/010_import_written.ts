import type { Migration } from './types';

/**
 * What an import wrote to each field it changed, beside what was there before: Undo puts a field
 * back only while it still holds the import's value, so an edit made after the import (here or on
 * another laptop) is never overwritten. Imports from before this version have no record of it and
 * are undone as before.
 */
export const migration010: Migration = {
  version: 10,
  name: 'import_written',
  sql: `
    ALTER TABLE import_effects ADD COLUMN written TEXT;
  `,
};
