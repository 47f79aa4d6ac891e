/**
 * A process killed in the middle of a large import leaves the chapter file intact and holding
 * either nothing or everything of that import.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, tempDir } from '../../../../tests/helpers/chapter';
import { openDatabase } from '../../db/open';
import { expectSearchIndexInStep } from '../../../../tests/helpers/search-index';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

describe('an import killed mid-way', () => {
  it(
    'leaves the database as before or with the whole import, and never damaged',
    { timeout: 180_000 },
    async () => {
      const temp = tempDir();
      temps.push(temp);
      const path = join(temp.dir, 'chapter.sqlite');
      const seeded = openTestChapter({ path });
      seeded.handlers['members.create']({ firstName: 'Already', email: 'already@example.org' });
      seeded.db.close();
      const ROWS = 20_000;
      const file = join(temp.dir, 'big.csv');
      const lines = Array.from({ length: ROWS }, (_, i) => `Prénom ${i};Nom ${i};m${i}@example.org;Lyon`);
      writeFileSync(file, `Prénom;Nom;Courriel;Ville\r\n${lines.join('\r\n')}\r\n`);

      const outcomes = new Set<string>();
      for (const delay of [1_500, 2_500, 3_500, 4_500, 6_000]) {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', 'src/cli/index.ts', 'import', file, '--db', path],
          {
            stdio: 'ignore',
          },
        );
        // Listening from the start: the child may end on its own before the kill.
        const exited = new Promise((resolve) => child.once('exit', resolve));
        await new Promise((resolve) => setTimeout(resolve, delay));
        child.kill('SIGKILL');
        await exited;
        const db = openDatabase(path);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        // The import fills the search index after dropping its insert trigger: both are as before, or both done.
        expectSearchIndexInStep(db);
        expect(
          db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'members_fts_insert'`).get(),
        ).toEqual({
          n: 1,
        });
        const members = (db.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
        const batches = (db.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number }).n;
        db.close();
        expect([1, 1 + ROWS]).toContain(members);
        expect(batches).toBe(members === 1 ? 0 : 1);
        outcomes.add(members === 1 ? 'nothing' : 'everything');
        if (members > 1) break;
      }
      expect(outcomes.has('nothing')).toBe(true);
    },
  );
});
