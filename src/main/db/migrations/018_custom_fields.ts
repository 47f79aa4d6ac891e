import type { Migration } from './types';

/**
 * The searchable text of one member's custom values: those of text and choice fields still in use.
 * Kept in `members.custom_text`, so the search index takes it as one more column of the member
 * and a search's terms may match names and custom values alike in one full-text query.
 */
const customText = (memberId: string) => `(SELECT group_concat(v.value, ' ')
    FROM member_field_values v JOIN custom_fields f ON f.id = v.field_id
    WHERE v.member_id = ${memberId} AND v.value IS NOT NULL AND f.retired = 0 AND f.kind IN ('text', 'choice'))`;

/** Sets custom_text of the members `where` selects, only where it changes (each write re-indexes the member). */
const refresh = (where: string) =>
  `UPDATE members SET custom_text = ${customText('members.id')}
     WHERE ${where} AND custom_text IS NOT ${customText('members.id')};`;

const FTS_COLUMNS = 'first_name, last_name, email, phone, phone_e164, member_number, custom_text';
const values = (row: 'new' | 'old') =>
  FTS_COLUMNS.split(', ')
    .map((column) => `${row}.${column}`)
    .join(', ');

/**
 * Custom fields: definitions (`custom_fields`) and one row per member and field
 * (`member_field_values`, id `memberId:fieldId`, the member and field read from the id by generated
 * columns, so they never travel apart from it). Synced columns are nullable and free of foreign
 * keys, as everywhere: sync delivers rows field by field in any order.
 *
 * The search index gains a column, `custom_text`, which triggers keep equal to the member's
 * searchable values whichever way they change (a value, a field retired or brought back, a member
 * row that sync creates after its values); the index is rebuilt once here.
 */
export const migration018: Migration = {
  version: 18,
  name: 'custom_fields',
  sql: `
    CREATE TABLE custom_fields (
      id TEXT PRIMARY KEY,
      label TEXT,
      kind TEXT,
      choices TEXT,
      position INTEGER NOT NULL DEFAULT 0,
      retired INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE member_field_values (
      id TEXT PRIMARY KEY,
      value TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      member_id TEXT GENERATED ALWAYS AS (substr(id, 1, instr(id, ':') - 1)) STORED,
      field_id TEXT GENERATED ALWAYS AS (substr(id, instr(id, ':') + 1)) STORED
    );
    CREATE INDEX member_field_values_member ON member_field_values (member_id);
    -- Filters ask for the members holding a value (or one value) of one field: read from the index alone.
    CREATE INDEX member_field_values_field ON member_field_values (field_id, value, member_id);

    ALTER TABLE members ADD COLUMN custom_text TEXT;

    DROP TRIGGER members_fts_insert;
    DROP TRIGGER members_fts_delete;
    DROP TRIGGER members_fts_update;
    DROP TABLE members_fts;
    CREATE VIRTUAL TABLE members_fts USING fts5(
      ${FTS_COLUMNS},
      content = 'members', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO members_fts (members_fts) VALUES ('rebuild');

    -- One trigger, in this order: the row is indexed as inserted, then given its custom text (a
    -- member row that sync creates after its values), which the update trigger re-indexes.
    CREATE TRIGGER members_fts_insert AFTER INSERT ON members BEGIN
      INSERT INTO members_fts (rowid, ${FTS_COLUMNS}) VALUES (new.rowid, ${values('new')});
      UPDATE members SET custom_text = ${customText('new.id')}
        WHERE rowid = new.rowid AND custom_text IS NOT ${customText('new.id')};
    END;
    CREATE TRIGGER members_fts_delete AFTER DELETE ON members BEGIN
      INSERT INTO members_fts (members_fts, rowid, ${FTS_COLUMNS}) VALUES ('delete', old.rowid, ${values('old')});
    END;
    CREATE TRIGGER members_fts_update AFTER UPDATE OF ${FTS_COLUMNS} ON members BEGIN
      INSERT INTO members_fts (members_fts, rowid, ${FTS_COLUMNS}) VALUES ('delete', old.rowid, ${values('old')});
      INSERT INTO members_fts (rowid, ${FTS_COLUMNS}) VALUES (new.rowid, ${values('new')});
    END;

    CREATE TRIGGER member_field_values_search_insert AFTER INSERT ON member_field_values BEGIN
      ${refresh('id = new.member_id')}
    END;
    CREATE TRIGGER member_field_values_search_update AFTER UPDATE OF id, value ON member_field_values BEGIN
      ${refresh('id IN (old.member_id, new.member_id)')}
    END;
    CREATE TRIGGER member_field_values_search_delete AFTER DELETE ON member_field_values BEGIN
      ${refresh('id = old.member_id')}
    END;
    CREATE TRIGGER custom_fields_search_insert AFTER INSERT ON custom_fields BEGIN
      ${refresh('id IN (SELECT member_id FROM member_field_values WHERE field_id = new.id)')}
    END;
    CREATE TRIGGER custom_fields_search_update AFTER UPDATE OF kind, retired ON custom_fields BEGIN
      ${refresh('id IN (SELECT member_id FROM member_field_values WHERE field_id = new.id)')}
    END;
  `,
};
