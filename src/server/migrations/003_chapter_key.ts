import type { ServerMigration } from './types';

/**
 * The chapter's secret key for member ids (HMAC of the email). The first laptop to enrol (or, for a
 * laptop enrolled before keys, to sync) gives its key; every later one receives it, so all laptops
 * derive the same id for the same email. It is as sensitive as the members' data it sits beside.
 */
export const migration003: ServerMigration = {
  version: 3,
  name: 'chapter_key',
  sql: `ALTER TABLE chapters ADD COLUMN member_key text;`,
};
