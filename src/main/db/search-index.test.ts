import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../tests/helpers/chapter';
import { withSearchIndexDeferred } from './search-index';

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
/** With rank 1 the check also compares the index with the members table it indexes. */
const checkIndex = () =>
  chapter.db.exec(`INSERT INTO members_fts (members_fts, rank) VALUES ('integrity-check', 1)`);

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
