import type { Migration } from './types';

/**
 * Membership types can be retired: no longer given to new members or by imports, kept by the
 * members who have them (a synced flag, sync schema 6). And what the values of a file's membership
 * type column stand for, as the secretary chose them in an import (`value_key`: the value folded,
 * see imports/type-values.ts), so the next import of the same values needs no choosing. The
 * choices are this laptop's, as the remembered column mappings are: they do not sync.
 */
export const migration019: Migration = {
  version: 19,
  name: 'type_retired',
  sql: `
    ALTER TABLE membership_types ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE import_type_choices (
      value_key TEXT PRIMARY KEY,
      -- NULL: the secretary said the value stands for no type.
      type_id TEXT,
      updated_at TEXT NOT NULL
    );
  `,
};
