import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { writeRow } from '../../db/changes';
import { getChapterKey, setChapterKey } from '../chapter/key';
import { createWriteContexts } from '../device/device';
import { settleMemberIds } from './settle';

let chapter: TestChapter;
afterEach(() => chapter?.close());

describe('settling member identity after a pull', () => {
  it('looks only at members whose rows or references the log reached since it last looked', () => {
    chapter = openTestChapter();
    const { db, handlers: h } = chapter;
    setChapterKey(db, getChapterKey(db).key, true);
    const now = () => new Date(chapter.clock.now);
    const deps = { db, now, writeContext: createWriteContexts(db, now) };
    const keep = h['members.create']({ firstName: 'Awa', email: 'awa@example.org' });
    const other = h['members.create']({ firstName: 'Awa D.', email: 'awa.d@example.org' });
    const paid = h['payments.record']({ memberId: keep.id, amount: '40', method: 'cash' });
    h['members.merge']({ keepId: keep.id, otherId: other.id });
    const first = settleMemberIds(deps, 0);
    const last = db.prepare(`SELECT max(seq) AS seq FROM changes`).get() as { seq: number };
    expect(first).toEqual({ wrote: false, through: last.seq });

    // A state no log entry reached (here written behind the log's back) is not read again: a sync
    // with nothing new about members reads none of a chapter's merged-away members.
    db.prepare(`UPDATE payments SET member_id = ? WHERE id = ?`).run(other.id, paid.id);
    expect(settleMemberIds(deps, first.through)).toEqual({ wrote: false, through: first.through });
    expect(db.prepare(`SELECT member_id FROM payments WHERE id = ?`).get(paid.id)).toEqual({
      member_id: other.id,
    });

    // A payment another laptop recorded for the merged-away member before it pulled the merge.
    db.prepare(`UPDATE payments SET member_id = ? WHERE id = ?`).run(keep.id, paid.id);
    writeRow(deps.writeContext(), 'payments', paid.id, { member_id: other.id });
    const second = settleMemberIds(deps, first.through);
    expect(second.wrote).toBe(true);
    expect(second.through).toBeGreaterThan(first.through);
    expect(db.prepare(`SELECT member_id FROM payments WHERE id = ?`).get(paid.id)).toEqual({
      member_id: keep.id,
    });
  });

  it('brings back the member with the smallest id of a ring of merges three laptops made offline', () => {
    chapter = openTestChapter();
    const { db, handlers: h } = chapter;
    const now = () => new Date(chapter.clock.now);
    const deps = { db, now, writeContext: createWriteContexts(db, now) };
    const ids = ['Awa', 'Awa D.', 'A. Diop'].map((firstName) => h['members.create']({ firstName }).id);
    // What three laptops' merges of two records each (X into Y, Y into Z, Z into X) leave after sync.
    ids.forEach((id, i) =>
      writeRow(deps.writeContext(), 'members', id, { deleted: 1, merged_into: ids[(i + 1) % 3]! }),
    );
    expect(settleMemberIds(deps, 0).wrote).toBe(true);
    const back = [...ids].sort()[0]!;
    const live = h['members.list']({ query: '', sort: 'name', direction: 'asc', offset: 0, limit: 10 });
    expect(live.rows.map((m) => m.id)).toEqual([back]);
  });
});
