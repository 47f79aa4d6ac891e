import type { Migration } from './types';

/**
 * The first schema: chapter settings, membership types, members, the local device, and the
 * change log that both the history view and sync read.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE device (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      node_id TEXT NOT NULL,
      officer_name TEXT NOT NULL,
      created_at TEXT NOT NULL
    );

    -- Synced columns are nullable and free of foreign keys: sync delivers a row field by field, in
    -- any order, and services check what a constraint would have.
    CREATE TABLE chapter (
      id TEXT PRIMARY KEY,
      name TEXT,
      country TEXT,
      currency TEXT,
      grace_days INTEGER NOT NULL DEFAULT 30,
      locale TEXT NOT NULL DEFAULT 'en',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE membership_types (
      id TEXT PRIMARY KEY,
      name TEXT,
      kind TEXT CHECK (kind IN ('regular', 'reduced', 'honorary', 'lifetime')),
      fee_minor INTEGER NOT NULL DEFAULT 0,
      currency TEXT,
      period_months INTEGER,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE members (
      id TEXT PRIMARY KEY,
      member_number TEXT,
      first_name TEXT,
      last_name TEXT,
      email TEXT,
      phone TEXT,
      phone_e164 TEXT,
      country TEXT,
      city TEXT,
      organisation TEXT,
      type_id TEXT,
      joined_on TEXT,
      paid_through TEXT,
      notes TEXT,
      consent_email INTEGER NOT NULL DEFAULT 0,
      consent_sms INTEGER NOT NULL DEFAULT 0,
      sort_name TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX members_sort_name ON members (deleted, sort_name);
    CREATE INDEX members_number ON members (deleted, member_number);
    CREATE INDEX members_email ON members (email, deleted);
    CREATE INDEX members_city ON members (deleted, city);
    CREATE INDEX members_type ON members (deleted, type_id);

    -- Full-text index over what the search box looks at. unicode61 with remove_diacritics 2 folds
    -- case and accents in every script, so "helene" finds "Hélène".
    CREATE VIRTUAL TABLE members_fts USING fts5(
      first_name, last_name, email, phone, phone_e164, member_number,
      content = 'members', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER members_fts_insert AFTER INSERT ON members BEGIN
      INSERT INTO members_fts (rowid, first_name, last_name, email, phone, phone_e164, member_number)
      VALUES (new.rowid, new.first_name, new.last_name, new.email, new.phone, new.phone_e164, new.member_number);
    END;
    CREATE TRIGGER members_fts_delete AFTER DELETE ON members BEGIN
      INSERT INTO members_fts (members_fts, rowid, first_name, last_name, email, phone, phone_e164, member_number)
      VALUES ('delete', old.rowid, old.first_name, old.last_name, old.email, old.phone, old.phone_e164, old.member_number);
    END;
    CREATE TRIGGER members_fts_update AFTER UPDATE OF first_name, last_name, email, phone, phone_e164, member_number ON members BEGIN
      INSERT INTO members_fts (members_fts, rowid, first_name, last_name, email, phone, phone_e164, member_number)
      VALUES ('delete', old.rowid, old.first_name, old.last_name, old.email, old.phone, old.phone_e164, old.member_number);
      INSERT INTO members_fts (rowid, first_name, last_name, email, phone, phone_e164, member_number)
      VALUES (new.rowid, new.first_name, new.last_name, new.email, new.phone, new.phone_e164, new.member_number);
    END;

    -- Field-level change log. Every local write adds one row per changed column in the same
    -- transaction as the write; pushed = 0 rows are the sync outbox. Rows received from other
    -- devices are stored here too (pushed = 1), so history shows everyone's edits.
    CREATE TABLE changes (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      col TEXT NOT NULL,
      value TEXT,
      hlc TEXT NOT NULL,
      node_id TEXT NOT NULL,
      officer TEXT,
      pushed INTEGER NOT NULL DEFAULT 0
    );
    -- A stamp names its node, so (field, hlc) identifies a change: one index serves both the
    -- newest-value lookup per field and the deduplication of changes received twice.
    CREATE UNIQUE INDEX changes_field ON changes (tbl, row_id, col, hlc);
    CREATE INDEX changes_outbox ON changes (pushed, seq);
  `,
};
