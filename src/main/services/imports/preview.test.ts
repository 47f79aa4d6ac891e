import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { openDatabase, type Db } from '../../db/open';
import { createWriteContexts } from '../device/device';
import { runImport } from './job';

let chapter: TestChapter;
let other: Db | null = null;
afterEach(() => {
  if (other?.inTransaction) other.exec('ROLLBACK');
  other?.close();
  other = null;
  chapter.close();
});

const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('an import preview and the write lock', () => {
  it('previews while another connection holds the write lock, and that writer commits as if nothing happened', async () => {
    chapter = openTestChapter();
    // Waiting for the lock would only delay the failure this test is about.
    chapter.db.pragma('busy_timeout = 100');
    other = openDatabase(chapter.path);
    other.exec('BEGIN IMMEDIATE');
    other
      .prepare(`UPDATE chapter SET name = ? WHERE id = (SELECT id FROM chapter LIMIT 1)`)
      .run('Lyon Centre');

    const preview = await runImport(createWriteContexts(chapter.db, () => new Date(chapter.clock.now))(), {
      fileName: 'members.csv',
      bytes: readFileSync('tests/fixtures/import/bad-rows.csv'),
      dryRun: true,
    });
    expect(preview.outcome.counts.created).toBeGreaterThan(0);
    expect(preview.outcome.batchId).toBeNull();

    other.exec('COMMIT');
    expect(count(chapter.db, 'SELECT count(*) AS n FROM members')).toBe(0);
    expect(count(chapter.db, 'SELECT count(*) AS n FROM import_batches')).toBe(0);
    expect((chapter.db.prepare('SELECT name FROM chapter').get() as { name: string }).name).toBe(
      'Lyon Centre',
    );
  });
});
