import type { Migration } from './types';

/**
 * Sync bookkeeping on the laptop: the enrolment and cursors, the values that lost a conflict, and
 * pulled changes this version cannot store yet (a column or table from a newer schema).
 */
export const migration002: Migration = {
  version: 2,
  name: 'sync',
  sql: `
    CREATE TABLE sync_state (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      server_url TEXT NOT NULL,
      token TEXT NOT NULL,
      device_id TEXT NOT NULL,
      chapter_id TEXT NOT NULL,
      pull_cursor INTEGER NOT NULL DEFAULT 0,
      next_client_seq INTEGER NOT NULL DEFAULT 1,
      clock_offset_ms INTEGER NOT NULL DEFAULT 0,
      -- Local changes up to this seq had been pushed before the last pull began; a pulled change
      -- that meets a later local change to the same field met a concurrent edit.
      concurrent_after_seq INTEGER NOT NULL DEFAULT 0,
      last_sync_at TEXT,
      last_error_code TEXT,
      last_error TEXT
    );

    -- pushed: 0 waiting in the outbox, 1 acknowledged by the server (or received from it),
    -- 2 refused by the server for good, with the reason.
    ALTER TABLE changes ADD COLUMN reject_reason TEXT;

    CREATE TABLE conflicts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      col TEXT NOT NULL,
      lost_value TEXT,
      lost_hlc TEXT NOT NULL,
      lost_node TEXT NOT NULL,
      won_value TEXT,
      won_hlc TEXT NOT NULL,
      won_node TEXT NOT NULL,
      detected_at TEXT NOT NULL,
      resolved INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX conflicts_open ON conflicts (resolved, id);

    CREATE TABLE held_changes (
      change_seq INTEGER PRIMARY KEY REFERENCES changes(seq)
    );
  `,
};
