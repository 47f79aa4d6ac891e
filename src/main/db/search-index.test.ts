import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../tests/helpers/chapter';
import { expectSearchIndexInStep } from '../../../tests/helpers/search-index';
import { createWriteContexts } from '../services/device/device';
import { eraseMember, scrubDatabaseFile } from '../services/members/erase';
import { withCustomTextDeferred, withSearchIndexDeferred } from './search-index';

let chapter: TestChapter;
afterEach(() => chapter?.close());

const insert = (name: string, notes = '') =>
  chapter.db
    .prepare(
      `INSERT INTO members (id, last_name, notes, created_at, updated_at) VALUES (lower(hex(randomblob(16))), ?, ?, '', '')`,
    )
    .run(name, notes);
const found = (name: string) =>
  (
    chapter.db
      .prepare(`SELECT count(*) AS n FROM members_fts WHERE members_fts MATCH ?`)
      .get(`"${name}"`) as {
      n: number;
    }
  ).n;
const hasTrigger = () =>
  chapter.db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'members_fts_insert'`).get();
const checkIndex = () => expectSearchIndexInStep(chapter.db);

describe('members inserted with the search index filled at the end', () => {
  it('are all found, and members inserted afterwards are indexed by the trigger again', () => {
    chapter = openTestChapter();
    insert('Ndiaye');
    chapter.db.transaction(() =>
      withSearchIndexDeferred(chapter.db, () => ['Okafor', 'Kamau'].forEach((n) => insert(n))),
    )();
    insert('Nguyen');
    expect(['Ndiaye', 'Okafor', 'Kamau', 'Nguyen'].map(found)).toEqual([1, 1, 1, 1]);
    expect(hasTrigger()).toEqual({ n: 1 });
    checkIndex();
  });

  it('leave nothing behind when the writing fails, and the caller sees its error', () => {
    chapter = openTestChapter();
    chapter.db.transaction(() => {
      expect(() =>
        withSearchIndexDeferred(chapter.db, () => {
          insert('Okafor');
          throw new Error('row 7 is wrong');
        }),
      ).toThrow('row 7 is wrong');
      insert('Kamau');
    })();
    expect([found('Okafor'), found('Kamau')]).toEqual([0, 1]);
    expect(hasTrigger()).toEqual({ n: 1 });
    checkIndex();
  });

  it('report a full disk as a full disk, with the chapter as it was', () => {
    chapter = openTestChapter();
    const pages = chapter.db.pragma('page_count', { simple: true }) as number;
    chapter.db.pragma(`max_page_count = ${pages + 8}`);
    const note = 'x'.repeat(3000);
    expect(() =>
      chapter.db.transaction(() =>
        withSearchIndexDeferred(chapter.db, () => {
          for (let i = 0; i < 200; i++) insert(`Member${i}`, note);
        }),
      )(),
    ).toThrow(/full/);
    chapter.db.pragma(`max_page_count = ${pages + 10_000}`);
    expect(chapter.db.prepare(`SELECT count(*) AS n FROM members`).get()).toEqual({ n: 0 });
    expect(hasTrigger()).toEqual({ n: 1 });
    insert('Kamau');
    expect(found('Kamau')).toBe(1);
    checkIndex();
  });

  it('must be inside a transaction', () => {
    chapter = openTestChapter();
    expect(() => withSearchIndexDeferred(chapter.db, () => insert('Okafor'))).toThrow(/inside a transaction/);
    expect(found('Okafor')).toBe(0);
  });
});

describe('custom values written with the search text computed at the end', () => {
  const FIELD = '5f0c1a52-8d4e-4b8e-9a51-3c2f7e0d9b11';
  const setValue = (memberId: string, value: string) =>
    chapter.db
      .prepare(
        `INSERT INTO member_field_values (id, value, created_at, updated_at) VALUES (?, ?, '', '')
         ON CONFLICT (id) DO UPDATE SET value = excluded.value`,
      )
      .run(`${memberId}:${FIELD}`, value);
  const memberIds = () => (chapter.db.prepare(`SELECT id FROM members`).pluck().all() as string[]).sort();
  const triggers = () =>
    chapter.db
      .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'member_field_values_search_%'`)
      .get();

  it('finds the members by them, and values written afterwards are indexed by the triggers again', () => {
    chapter = openTestChapter();
    insert('Ndiaye');
    insert('Okafor');
    chapter.db
      .prepare(
        `INSERT INTO custom_fields (id, label, kind, created_at, updated_at) VALUES (?, 'Role', 'text', '', '')`,
      )
      .run(FIELD);
    const [first, second] = memberIds();
    chapter.db.transaction(() =>
      withCustomTextDeferred(chapter.db, (touch) => {
        setValue(first!, 'Treasurer');
        touch(first!);
      }),
    )();
    setValue(second!, 'Webmaster');
    expect([found('treasurer'), found('webmaster')]).toEqual([1, 1]);
    expect(triggers()).toEqual({ n: 3 });
    checkIndex();
  });

  it('leave the triggers in place and nothing written when the writing fails', () => {
    chapter = openTestChapter();
    insert('Ndiaye');
    const [first] = memberIds();
    expect(() =>
      chapter.db.transaction(() =>
        withCustomTextDeferred(chapter.db, () => {
          setValue(first!, 'Treasurer');
          throw new Error('row 3 is wrong');
        }),
      )(),
    ).toThrow('row 3 is wrong');
    expect(triggers()).toEqual({ n: 3 });
    expect(chapter.db.prepare(`SELECT count(*) AS n FROM member_field_values`).get()).toEqual({ n: 0 });
    checkIndex();
  });
});

describe('the search index and erasure', () => {
  it('keeps no word of an erased member once the file is scrubbed, folded words included', () => {
    chapter = openTestChapter();
    const h = chapter.handlers;
    const erased = h['members.create']({ firstName: 'Qwertyza', lastName: 'Żyłkowska' });
    h['members.create']({ firstName: 'Stays', lastName: 'Here' });
    eraseMember(
      {
        db: chapter.db,
        now: () => chapter.clock.now,
        writeContext: createWriteContexts(chapter.db, () => chapter.clock.now),
      },
      erased.id,
    );
    expect(scrubDatabaseFile(chapter.db)).toBe(true);
    // Words are stored as written to the index: folded and lower case.
    const bytes = readFileSync(chapter.path);
    expect([bytes.indexOf('qwertyza'), bytes.indexOf('zylkowska')]).toEqual([-1, -1]);
    expect(bytes.indexOf('stays')).toBeGreaterThan(-1);
    expect(found('zylkowska')).toBe(0);
    checkIndex();
  });
});
