import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

const MEMBER = '0d6f3f43-5c36-4c52-8a8e-1f1f7e54c0aa';
const OTHER = '7b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const THIRD = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f';
const ROLE = '5f0c1a52-8d4e-4b8e-9a51-3c2f7e0d9b11';
const SINCE = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

function seeded() {
  const db = new Database(':memory:');
  migrate(db, 17);
  db.prepare(
    `INSERT INTO members (id, first_name, last_name, created_at, updated_at) VALUES (?, ?, ?, '', '')`,
  ).run(MEMBER, 'Ama', 'Mensah');
  migrate(db, 18);
  return db;
}

const found = (db: Database.Database, term: string) =>
  (
    db
      .prepare(`SELECT m.id FROM members_fts f JOIN members m ON m.rowid = f.rowid WHERE members_fts MATCH ?`)
      .all(`"${term}"*`) as { id: string }[]
  ).map((r) => r.id);
/** With rank 1 the check also compares the index with the members table it indexes. */
const checkIndex = (db: Database.Database) =>
  db.exec(`INSERT INTO members_fts (members_fts, rank) VALUES ('integrity-check', 1)`);

const addField = (db: Database.Database, id: string, label: string, kind: string) =>
  db
    .prepare(`INSERT INTO custom_fields (id, label, kind, created_at, updated_at) VALUES (?, ?, ?, '', '')`)
    .run(id, label, kind);
const setValue = (db: Database.Database, member: string, field: string, value: string | null) =>
  db
    .prepare(
      `INSERT INTO member_field_values (id, value, created_at, updated_at) VALUES (?, ?, '', '')
       ON CONFLICT (id) DO UPDATE SET value = excluded.value`,
    )
    .run(`${member}:${field}`, value);

describe('migration 018: custom fields', () => {
  it('keeps members findable by name after the search index is rebuilt with its new column', () => {
    const db = seeded();
    expect(userVersion(db)).toBe(18);
    expect(found(db, 'mensah')).toEqual([MEMBER]);
    checkIndex(db);
    db.close();
  });

  it('reads the member and the field from a value’s id', () => {
    const db = seeded();
    setValue(db, MEMBER, ROLE, 'Treasurer');
    expect(db.prepare(`SELECT member_id, field_id FROM member_field_values`).get()).toEqual({
      member_id: MEMBER,
      field_id: ROLE,
    });
    db.close();
  });

  it('finds members by the values of their text fields in use, and follows every change to them', () => {
    const db = seeded();
    addField(db, ROLE, 'Role', 'text');
    addField(db, SINCE, 'Since', 'date');
    setValue(db, MEMBER, ROLE, 'Treasurer');
    setValue(db, MEMBER, SINCE, '2020-01-31');
    expect(found(db, 'treas')).toEqual([MEMBER]);
    // Dates are not words anyone searches a member by.
    expect(found(db, '2020')).toEqual([]);
    setValue(db, MEMBER, ROLE, 'Secretary');
    expect([found(db, 'treas'), found(db, 'secret')]).toEqual([[], [MEMBER]]);
    db.prepare(`UPDATE custom_fields SET retired = 1 WHERE id = ?`).run(ROLE);
    expect(found(db, 'secret')).toEqual([]);
    db.prepare(`UPDATE custom_fields SET retired = 0 WHERE id = ?`).run(ROLE);
    expect(found(db, 'secret')).toEqual([MEMBER]);
    db.prepare(`DELETE FROM member_field_values WHERE id = ?`).run(`${MEMBER}:${ROLE}`);
    expect(found(db, 'secret')).toEqual([]);
    checkIndex(db);
    db.close();
  });

  it('indexes values that came before their field or their member, as sync may bring them', () => {
    const db = seeded();
    setValue(db, OTHER, ROLE, 'Chair');
    setValue(db, MEMBER, ROLE, 'Treasurer');
    expect(found(db, 'treasurer')).toEqual([]);
    addField(db, ROLE, 'Role', 'text');
    expect(found(db, 'treasurer')).toEqual([MEMBER]);
    db.prepare(
      `INSERT INTO members (id, last_name, created_at, updated_at) VALUES (?, 'Okafor', '', '')`,
    ).run(OTHER);
    expect(found(db, 'chair')).toEqual([OTHER]);
    // A member renamed (a new chapter key) takes their values with them.
    db.prepare(`UPDATE members SET id = ? WHERE id = ?`).run(THIRD, OTHER);
    db.prepare(`UPDATE member_field_values SET id = ? WHERE id = ?`).run(
      `${THIRD}:${ROLE}`,
      `${OTHER}:${ROLE}`,
    );
    expect(found(db, 'chair')).toEqual([THIRD]);
    checkIndex(db);
    db.close();
  });
});
