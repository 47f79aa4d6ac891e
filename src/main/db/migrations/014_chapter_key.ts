import type { Migration } from './types';

/**
 * The chapter's secret key, from which members' ids are derived (HMAC of the email), so an id no
 * longer lets anyone without it test an email. A local table, never in the change log: the key
 * travels with enrolment only. Every file gets one here, a fresh file too (the chapter set up in it
 * keeps it); `confirmed` turns 1 once the sync server's chapter holds this key, and a laptop pushes
 * nothing before that (see sync/chapter-key.ts). `members.merged_into` (sync schema 5) names the
 * member a merged-away one went into.
 */
export const migration014: Migration = {
  version: 14,
  name: 'chapter_key',
  sql: `
    CREATE TABLE chapter_key (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      member_key TEXT NOT NULL,
      confirmed INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO chapter_key (id, member_key) VALUES (1, lower(hex(randomblob(32))));
    -- Set on a member merged into another (with deleted = 1): synced, so every laptop can follow it.
    ALTER TABLE members ADD COLUMN merged_into TEXT;
    CREATE INDEX members_merged_into ON members (merged_into) WHERE merged_into IS NOT NULL;
  `,
};
