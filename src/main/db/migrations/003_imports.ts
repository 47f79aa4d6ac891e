import type { Migration } from './types';

/**
 * Import history on this laptop: each import with its counts and mapping, and what it did to each
 * member, so that Undo can put back exactly what was there (also after a restart). Mappings are
 * remembered by the key of the file's headers. None of this syncs: the members it wrote do, and so
 * does an undo, through the change log.
 */
export const migration003: Migration = {
  version: 3,
  name: 'imports',
  sql: `
    CREATE TABLE import_batches (
      id TEXT PRIMARY KEY,
      file_name TEXT NOT NULL,
      officer TEXT NOT NULL,
      created_at TEXT NOT NULL,
      mapping TEXT NOT NULL,
      rows INTEGER NOT NULL,
      created INTEGER NOT NULL,
      updated INTEGER NOT NULL,
      unchanged INTEGER NOT NULL,
      rejected INTEGER NOT NULL,
      possible_duplicates INTEGER NOT NULL,
      undone_at TEXT
    );

    CREATE TABLE import_effects (
      batch_id TEXT NOT NULL REFERENCES import_batches(id),
      member_id TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('created', 'updated')),
      -- For 'updated': the columns this import changed, with their values before it (JSON).
      previous TEXT,
      PRIMARY KEY (batch_id, member_id)
    );

    CREATE TABLE import_mappings (
      mapping_key TEXT PRIMARY KEY,
      fields TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};
