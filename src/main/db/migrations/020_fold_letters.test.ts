import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/helpers/chapter';
import { expectSearchIndexInStep } from '../../../../tests/helpers/search-index';
import { mappingKey } from '../../services/imports/mapping';
import { openDatabase, userVersion, type Db } from '../open';
import { LATEST_VERSION } from './index';

const ANNA = '0d6f3f43-5c36-4c52-8a8e-1f1f7e54c0aa';
const JONAS = '7b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const MARC = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f';
const ROLE = '5f0c1a52-8d4e-4b8e-9a51-3c2f7e0d9b11';

let temp: ReturnType<typeof tempDir> | null = null;
let db: Db | null = null;
afterEach(() => {
  db?.close();
  temp?.cleanup();
});

const found = (term: string) =>
  (
    db!
      .prepare(
        `SELECT m.id FROM members_fts f JOIN members m ON m.rowid = f.rowid WHERE members_fts MATCH ? ORDER BY m.id`,
      )
      .all(`"${term}"*`) as { id: string }[]
  ).map((r) => r.id);

/** A chapter file as version 19 wrote it: sort names and type choices folded without Ł, Ø or ß. */
function chapterFileAt19(): string {
  temp = tempDir();
  const path = join(temp.dir, 'chapter.sqlite');
  const old = openDatabase(path, { targetVersion: 19 });
  const member = old.prepare(
    `INSERT INTO members (id, first_name, last_name, sort_name, created_at, updated_at) VALUES (?, ?, ?, ?, '', '')`,
  );
  member.run(ANNA, 'Anna', 'Łukasik', 'łukasik anna');
  member.run(JONAS, 'Jonas', 'Berg', 'berg jonas');
  member.run(MARC, 'Marc', 'Lucas', 'lucas marc');
  old
    .prepare(
      `INSERT INTO custom_fields (id, label, kind, created_at, updated_at) VALUES (?, 'Street', 'text', '', '')`,
    )
    .run(ROLE);
  old
    .prepare(
      `INSERT INTO member_field_values (id, value, created_at, updated_at) VALUES (?, 'Große Straße', '', '')`,
    )
    .run(`${JONAS}:${ROLE}`);
  const choice = old.prepare(
    `INSERT INTO import_type_choices (value_key, type_id, updated_at) VALUES (?, ?, ?)`,
  );
  choice.run('łódź', 't-old', '2026-01-01T00:00:00.000Z');
  choice.run('lodz', 't-new', '2026-02-01T00:00:00.000Z');
  choice.run('œuvre', 't-oeuvre', '2026-01-01T00:00:00.000Z');
  choice.run('bienfaiteur', 't-gold', '2026-01-01T00:00:00.000Z');
  // A file headed Straße, imported once: its columns remembered under the headers folded as then.
  const headers = ['Nom', 'Straße'];
  const oldKey = createHash('sha256').update('nom\u001fstraße').digest('hex').slice(0, 16);
  old
    .prepare(
      `INSERT INTO import_batches (id, file_name, officer, created_at, mapping, rows, created, updated, unchanged, rejected, possible_duplicates)
       VALUES ('b1', 'adressen.csv', 'Amina', '2026-01-01T00:00:00.000Z', ?, 1, 1, 0, 0, 0, 0)`,
    )
    .run(JSON.stringify({ key: oldKey, columns: headers.map((header, index) => ({ index, header })) }));
  old
    .prepare(
      `INSERT INTO import_mappings (mapping_key, fields, updated_at) VALUES (?, ?, '2026-01-01T00:00:00.000Z')`,
    )
    .run(oldKey, JSON.stringify(['lastName', 'addressLine1']));
  old.close();
  return path;
}

describe('migration 020: letters without a decomposition fold', () => {
  it('rebuilds an existing chapter file’s search index, sort names, type choices and column mappings folded anew', () => {
    db = openDatabase(chapterFileAt19());
    expect(userVersion(db)).toBe(LATEST_VERSION);

    expect(found('lukasik')).toEqual([ANNA]);
    expect(found('strasse')).toEqual([JONAS]);
    expect(found('grosse')).toEqual([JONAS]);
    // A search that must not match still does not: "luk" is not "luc".
    expect(found('lukas')).toEqual([ANNA]);
    expect(found('lucas')).toEqual([MARC]);
    expect(found('tukasik')).toEqual([]);
    expect(db.prepare(`SELECT id, sort_name FROM members ORDER BY sort_name`).all()).toEqual([
      { id: JONAS, sort_name: 'berg jonas' },
      { id: MARC, sort_name: 'lucas marc' },
      { id: ANNA, sort_name: 'lukasik anna' },
    ]);
    // Two keys that now fold alike keep the later choice.
    expect(db.prepare(`SELECT value_key, type_id FROM import_type_choices ORDER BY value_key`).all()).toEqual(
      [
        { value_key: 'bienfaiteur', type_id: 't-gold' },
        { value_key: 'lodz', type_id: 't-new' },
        { value_key: 'oeuvre', type_id: 't-oeuvre' },
      ],
    );
    // The file's next import is offered the columns chosen before.
    expect(db.prepare(`SELECT mapping_key, fields FROM import_mappings`).all()).toEqual([
      { mapping_key: mappingKey(['Nom', 'Straße']), fields: '["lastName","addressLine1"]' },
    ]);
    expectSearchIndexInStep(db);
  });

  it('keeps the index in step afterwards: an edit, a custom value and a removed row', () => {
    db = openDatabase(chapterFileAt19());
    db.prepare(`UPDATE members SET last_name = 'Østergaard' WHERE id = ?`).run(ANNA);
    expect(found('lukasik')).toEqual([]);
    expect(found('ostergaard')).toEqual([ANNA]);

    db.prepare(`UPDATE member_field_values SET value = 'Ðorđa Vajferta' WHERE id = ?`).run(
      `${JONAS}:${ROLE}`,
    );
    expect(found('strasse')).toEqual([]);
    expect(found('dorda')).toEqual([JONAS]);

    db.prepare(`DELETE FROM members WHERE id = ?`).run(MARC);
    expect(found('lucas')).toEqual([]);
    expectSearchIndexInStep(db);
  });
});
