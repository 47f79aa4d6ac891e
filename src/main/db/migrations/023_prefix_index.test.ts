import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/helpers/chapter';
import { expectSearchIndexInStep } from '../../../../tests/helpers/search-index';
import { openDatabase, userVersion, type Db } from '../open';
import { LATEST_VERSION } from './index';

const MARTA = '0d6f3f43-5c36-4c52-8a8e-1f1f7e54c0aa';
const MARC = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f';
const LUKASZ = '7b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e';

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

/** A chapter file as version 22 left it: members indexed without prefix indexes. */
function chapterFileAt22(): string {
  temp = tempDir();
  const path = join(temp.dir, 'chapter.sqlite');
  const old = openDatabase(path, { targetVersion: 22 });
  const member = old.prepare(
    `INSERT INTO members (id, first_name, last_name, email, sort_name, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '', '')`,
  );
  member.run(MARTA, 'Marta', 'Mendes', 'marta@example.org', 'mendes marta');
  member.run(MARC, 'Marc', 'Lucas', null, 'lucas marc');
  member.run(LUKASZ, 'Łukasz', 'Müller', null, 'muller lukasz');
  old.close();
  return path;
}

const definition = () =>
  db!.prepare(`SELECT sql FROM sqlite_master WHERE name = 'members_fts'`).pluck().get() as string;

describe('migration 023: prefix indexes for the first letters a search types', () => {
  it('rebuilds an existing file’s index with two- and three-letter prefixes, finding what it found before', () => {
    const path = chapterFileAt22();
    const before = openDatabase(path, { targetVersion: 22 });
    expect(
      before.prepare(`SELECT sql FROM sqlite_master WHERE name = 'members_fts'`).pluck().get(),
    ).not.toMatch(/prefix/);
    before.close();

    db = openDatabase(path);
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(definition()).toMatch(/prefix = '2 3'/);
    expect(found('m')).toEqual([MARTA, LUKASZ, MARC].sort());
    expect(found('ma')).toEqual([MARTA, MARC].sort());
    expect(found('mar')).toEqual([MARTA, MARC].sort());
    expect(found('mart')).toEqual([MARTA]);
    expect(found('mu')).toEqual([LUKASZ]);
    expect(found('lu')).toEqual([LUKASZ, MARC].sort());
    expect(found('exa')).toEqual([MARTA]);
    expect(found('xyz')).toEqual([]);
    expectSearchIndexInStep(db);
  });

  it('keeps the triggers: an added, edited and removed member stay in step with the rebuilt index', () => {
    db = openDatabase(chapterFileAt22());
    db.prepare(
      `INSERT INTO members (id, first_name, last_name, sort_name, created_at, updated_at)
       VALUES ('e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b', 'Amina', 'Diallo', 'diallo amina', '', '')`,
    ).run();
    expect(found('di')).toEqual(['e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b']);
    db.prepare(`UPDATE members SET last_name = 'Østergaard' WHERE id = ?`).run(MARTA);
    expect(found('me')).toEqual([]);
    expect(found('os')).toEqual([MARTA]);
    db.prepare(`DELETE FROM members WHERE id = ?`).run(MARC);
    expect(found('luc')).toEqual([]);
    expect(found('lu')).toEqual([LUKASZ]);
    expectSearchIndexInStep(db);
  });
});
