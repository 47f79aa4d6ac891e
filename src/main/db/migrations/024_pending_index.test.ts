import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/helpers/chapter';
import { pendingCount, PENDING_COUNT_SQL } from '../../sync/outbox';
import { openDatabase, userVersion, type Db } from '../open';
import { LATEST_VERSION } from './index';

let temp: ReturnType<typeof tempDir> | null = null;
let db: Db | null = null;
afterEach(() => {
  db?.close();
  temp?.cleanup();
});

/** A change log as version 23 left it: sent and unsent changes, and derived ones an older log holds. */
function chapterFileAt23(): string {
  temp = tempDir();
  const path = join(temp.dir, 'chapter.sqlite');
  const old = openDatabase(path, { targetVersion: 23 });
  const change = old.prepare(
    `INSERT INTO changes (tbl, row_id, col, value, hlc, node_id, pushed) VALUES (?, ?, ?, 'x', ?, 'n1', ?)`,
  );
  let stamp = 0;
  const hlc = () => `2026-01-01T00:00:00.000Z-${String(stamp++).padStart(6, '0')}-n1`;
  change.run('members', 'm1', 'first_name', hlc(), 1);
  change.run('members', 'm1', 'last_name', hlc(), 0);
  change.run('members', 'm1', 'sort_name', hlc(), 0);
  change.run('members', 'm1', 'phone_e164', hlc(), 0);
  change.run('payments', 'p1', 'amount', hlc(), 0);
  old.close();
  return path;
}

describe('migration 024: the count of changes waiting to be sent reads an index alone', () => {
  it('counts the same unsent, non-derived changes, from the index without reading the log’s rows', () => {
    db = openDatabase(chapterFileAt23());
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(pendingCount(db)).toBe(2);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${PENDING_COUNT_SQL}`).all() as { detail: string }[];
    expect(plan.map((step) => step.detail)).toEqual([
      'SEARCH changes USING COVERING INDEX changes_pending (pushed=?)',
    ]);

    db.prepare(`UPDATE changes SET pushed = 1 WHERE tbl = 'payments'`).run();
    expect(pendingCount(db)).toBe(1);
  });
});
