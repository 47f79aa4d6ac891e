import type { Migration } from './types';

/**
 * The name each other laptop of the chapter enrolled with, as the server relays it with pulled
 * changes, so conflict cards and history say "Amina's laptop" instead of a node id. Local: it is
 * learnt again from the next pull.
 */
export const migration015: Migration = {
  version: 15,
  name: 'laptop_names',
  sql: `
    CREATE TABLE laptop_names (
      node_id TEXT PRIMARY KEY,
      name TEXT NOT NULL
    ) STRICT;
  `,
};
