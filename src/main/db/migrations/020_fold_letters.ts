import { mappingKey } from '../../services/imports/mapping';
import { typeKey } from '../../services/imports/type-values';
import { sortName } from '../../services/members/row';
import type { Db } from '../open';
import type { Migration } from './types';

/** As in migration 18: a member's values of text and choice fields still in use. */
const customText = (memberId: string) => `(SELECT group_concat(v.value, ' ')
    FROM member_field_values v JOIN custom_fields f ON f.id = v.field_id
    WHERE v.member_id = ${memberId} AND v.value IS NOT NULL AND f.retired = 0 AND f.kind IN ('text', 'choice'))`;

/** Text not plain printable ASCII: the only text whose folding changed here. */
const NOT_ASCII = `GLOB '*[^ -~]*'`;

const FTS_COLUMNS = 'first_name, last_name, email, phone, phone_e164, member_number, custom_text';
/**
 * Each column folded. Plain ASCII the tokenizer folds alike by itself and is most text, so it is
 * not passed to fold_text: calling out of SQL for every column of every member would nearly double
 * the time an import of 100,000 members spends filling the index.
 */
const folded = (row: 'new' | 'members') =>
  FTS_COLUMNS.split(', ')
    .map((column) => `${row}.${column}`)
    .map((value) => `CASE WHEN ${value} ${NOT_ASCII} THEN fold_text(${value}) ELSE ${value} END`)
    .join(', ');

/**
 * Values folded before foldText folded Ł, Ø, ß and the like, computed again: sort names,
 * remembered type choices and column mappings. Only text holding a character outside printable
 * ASCII can fold differently now; the rest is left as it is.
 */
function refold(db: Db): void {
  const members = db
    .prepare(`SELECT id, first_name, last_name, email, sort_name FROM members WHERE sort_name ${NOT_ASCII}`)
    .all() as {
    id: string;
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    sort_name: string;
  }[];
  const setSortName = db.prepare(`UPDATE members SET sort_name = ? WHERE id = ?`);
  for (const m of members) {
    // In no language's own order: migration 22 orders names by the chapter's language.
    const name = sortName(m.first_name, m.last_name, m.email, '');
    if (name !== m.sort_name) setSortName.run(name, m.id);
  }

  // A remembered type choice is keyed by the value folded (imports/type-values.ts). Folding the key
  // again gives the value's key today; where two keys become one, the later choice is kept, as
  // choosing again would have.
  const choices = db
    .prepare(
      `SELECT value_key, type_id, updated_at FROM import_type_choices WHERE value_key ${NOT_ASCII}
       ORDER BY updated_at, value_key`,
    )
    .all() as { value_key: string; type_id: string | null; updated_at: string }[];
  const remove = db.prepare(`DELETE FROM import_type_choices WHERE value_key = ?`);
  const keep = db.prepare(
    `INSERT INTO import_type_choices (value_key, type_id, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (value_key) DO UPDATE SET type_id = excluded.type_id, updated_at = excluded.updated_at
       WHERE excluded.updated_at >= import_type_choices.updated_at`,
  );
  for (const choice of choices) {
    const key = typeKey(choice.value_key);
    if (key === choice.value_key) continue;
    remove.run(choice.value_key);
    keep.run(key, choice.type_id, choice.updated_at);
  }

  // A remembered column mapping is keyed by a hash of the headers folded (imports/mapping.ts), which
  // cannot be folded again; the headers are in the mapping each import kept, so the key is
  // computed again from those of the imports that had headers outside ASCII.
  const mappings = db
    .prepare(`SELECT mapping FROM import_batches WHERE mapping ${NOT_ASCII} ORDER BY created_at`)
    .pluck()
    .all() as string[];
  const remembered = db.prepare(`SELECT fields, updated_at FROM import_mappings WHERE mapping_key = ?`);
  const forget = db.prepare(`DELETE FROM import_mappings WHERE mapping_key = ?`);
  const remember = db.prepare(
    `INSERT INTO import_mappings (mapping_key, fields, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (mapping_key) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at
       WHERE excluded.updated_at >= import_mappings.updated_at`,
  );
  for (const json of mappings) {
    const mapping = JSON.parse(json) as { key: string; columns: { header: string }[] };
    const key = mappingKey(mapping.columns.map((c) => c.header));
    const row = remembered.get(mapping.key) as { fields: string; updated_at: string } | undefined;
    if (key === mapping.key || !row) continue;
    forget.run(mapping.key);
    remember.run(key, row.fields, row.updated_at);
  }
}

/**
 * Search, sorting and name matching fold the Latin letters Unicode does not decompose (Ł→l, Ø→o,
 * ß→ss, Æ→ae; see foldText), so "lukasik" finds "Łukasik".
 *
 * The search index holds every column folded by foldText (`fold_text`, registered on each
 * connection, see search-index.ts) rather than the members' own text, which its tokenizer could
 * not fold so. It is contentless (it keeps only the words) and removes a member's words by rowid
 * (`contentless_delete`): an index of the members table itself would compare its words with the
 * unfolded text, and removing a member would need the words exactly as once folded. It is filled
 * again here, and sort names, remembered type choices and column mappings are folded again
 * (`refold`). All of it is local and derived, never synced.
 */
export const migration020: Migration = {
  version: 20,
  name: 'fold_letters',
  sql: `
    DROP TRIGGER members_fts_insert;
    DROP TRIGGER members_fts_delete;
    DROP TRIGGER members_fts_update;
    DROP TABLE members_fts;
    CREATE VIRTUAL TABLE members_fts USING fts5(
      ${FTS_COLUMNS},
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO members_fts (rowid, ${FTS_COLUMNS}) SELECT rowid, ${folded('members')} FROM members;

    -- As in migration 18, in this order: the row is indexed as inserted, then given its custom
    -- text (a member row that sync creates after its values), which the update trigger re-indexes.
    CREATE TRIGGER members_fts_insert AFTER INSERT ON members BEGIN
      INSERT INTO members_fts (rowid, ${FTS_COLUMNS}) VALUES (new.rowid, ${folded('new')});
      UPDATE members SET custom_text = ${customText('new.id')}
        WHERE rowid = new.rowid AND custom_text IS NOT ${customText('new.id')};
    END;
    CREATE TRIGGER members_fts_delete AFTER DELETE ON members BEGIN
      DELETE FROM members_fts WHERE rowid = old.rowid;
    END;
    CREATE TRIGGER members_fts_update AFTER UPDATE OF ${FTS_COLUMNS} ON members BEGIN
      DELETE FROM members_fts WHERE rowid = old.rowid;
      INSERT INTO members_fts (rowid, ${FTS_COLUMNS}) VALUES (new.rowid, ${folded('new')});
    END;
  `,
  run: refold,
};
