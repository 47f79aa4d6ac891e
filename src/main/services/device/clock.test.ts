import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { createHandlers } from '../../api/handlers';
import { openDatabase, type Db } from '../../db/open';

let chapter: TestChapter;
const others: Db[] = [];
afterEach(() => {
  for (const db of others.splice(0)) db.close();
  chapter.close();
});

/** Every stamp this file's laptop issued, in the order the log received them. */
function ownStamps(db: Db): string[] {
  return (
    db.prepare(`SELECT hlc FROM changes WHERE node_id = (SELECT node_id FROM device) ORDER BY seq`).all() as {
      hlc: string;
    }[]
  ).map((row) => row.hlc);
}

function expectOneClock(stamps: string[]): void {
  expect(new Set(stamps).size).toBe(stamps.length);
  expect(stamps).toEqual([...stamps].sort());
}

describe('one clock for every writer of a file', () => {
  it('two connections writing in turn within one millisecond never issue the same stamp', () => {
    chapter = openTestChapter();
    const second = openDatabase(chapter.path);
    others.push(second);
    // The same frozen wall clock for both: only the shared state can keep their stamps apart.
    const other = createHandlers(second, { now: () => new Date(chapter.clock.now) });
    for (let i = 0; i < 5; i++) {
      chapter.handlers['members.create']({ firstName: `App${i}`, lastName: 'One' });
      other['members.create']({ firstName: `Cli${i}`, lastName: 'Two' });
    }
    const stamps = ownStamps(chapter.db);
    expect(stamps.length).toBeGreaterThan(10);
    expectOneClock(stamps);
  });

  it('two processes writing at once issue no stamp twice, and the stamps grow in commit order', async () => {
    chapter = openTestChapter();
    const run = (label: string) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', 'tests/helpers/stamp-writer.ts', chapter.path, label, '150'],
          { stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let err = '';
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${label}: ${err}`))));
      });
    await Promise.all([run('A'), run('B')]);
    const members = chapter.db.prepare(`SELECT count(*) AS n FROM members`).get() as { n: number };
    expect(members.n).toBe(300);
    expectOneClock(ownStamps(chapter.db));
  }, 60_000);
});
