import type { Db } from '../open';
import { foldedSql } from '../search-index';
import type { Migration } from './types';

const FTS_COLUMNS = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'phone_e164',
  'member_number',
  'custom_text',
];

/**
 * The search index as migration 20 made it, plus prefix indexes of two and three letters: what a
 * secretary types first is two or three letters of a name, and without them each such search reads
 * and merges the words of every member that start so ("Mar" is thousands of words in 100,000
 * members), which took up to 90 ms where the prefix index answers in under 20. Longer prefixes match
 * few enough words to need none. The index is built again from the members (it keeps no text of its
 * own); its triggers, which name it, are set aside and put back unchanged.
 */
function addPrefixIndex(db: Db): void {
  const triggers = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'members\\_fts\\_%' ESCAPE '\\'`,
    )
    .all() as { name: string; sql: string }[];
  for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
  db.exec(`
    DROP TABLE members_fts;
    CREATE VIRTUAL TABLE members_fts USING fts5(
      ${FTS_COLUMNS.join(', ')},
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    INSERT INTO members_fts (rowid, ${FTS_COLUMNS.join(', ')})
      SELECT rowid, ${FTS_COLUMNS.map(foldedSql).join(', ')} FROM members;
  `);
  for (const trigger of triggers) db.exec(trigger.sql);
}

export const migration023: Migration = {
  version: 23,
  name: 'prefix_index',
  sql: '',
  run: addPrefixIndex,
};
