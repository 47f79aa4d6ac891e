import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dues/dates';
import { MEMBER_STATUSES, memberStatus, membershipKind } from '../../../shared/dues/status';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { STATUS_WHERE } from './query';
import { STATUS_SQL } from './status';

let chapter: TestChapter;
afterEach(() => chapter?.close());

describe('the status rule in SQL', () => {
  it('gives what the shared rule gives, as a column and as each filter, at every boundary', () => {
    chapter = openTestChapter();
    const { db } = chapter;
    const chapterGrace = 30;
    const types = [
      { id: 'none', kind: null, grace: null },
      { id: 'ind', kind: 'individual', grace: null },
      { id: 'old', kind: 'regular', grace: 3 },
      { id: 'stu', kind: 'student', grace: 0 },
      { id: 'hon', kind: 'honorary', grace: null },
      { id: 'life', kind: 'lifetime', grace: 7 },
    ];
    const insertType = db.prepare(
      `INSERT INTO membership_types (id, name, kind, grace_days, created_at, updated_at) VALUES (?, ?, ?, ?, '', '')`,
    );
    for (const t of types) if (t.id !== 'none') insertType.run(t.id, t.id, t.kind, t.grace);
    const todays = ['2024-02-29', '2024-03-01', '2026-01-01', '2026-12-31'];
    const offsets = [null, -400, -31, -30, -29, -8, -7, -4, -3, -1, 0, 1, 2, 365];
    const insertMember = db.prepare(
      `INSERT INTO members (id, type_id, paid_through, created_at, updated_at) VALUES (?, ?, ?, '', '')`,
    );
    const expected = new Map<string, Map<string, string>>();
    let n = 0;
    for (const today of todays) {
      const byId = new Map<string, string>();
      for (const t of types) {
        for (const offset of offsets) {
          const id = `m${n++}`;
          const paidThrough = offset === null ? null : addDays(today, offset);
          insertMember.run(id, t.id === 'none' ? null : t.id, paidThrough);
          byId.set(
            id,
            memberStatus(
              { kind: membershipKind(t.kind), paidThrough, graceDays: t.grace ?? chapterGrace },
              today,
            ),
          );
        }
      }
      expected.set(today, byId);
    }
    const from = `FROM members m LEFT JOIN membership_types t ON t.id = m.type_id`;
    for (const [today, byId] of expected) {
      const params = { today, grace: chapterGrace };
      const column = db.prepare(`SELECT m.id, ${STATUS_SQL} AS status ${from}`).all(params) as {
        id: string;
        status: string;
      }[];
      for (const row of column) {
        if (byId.has(row.id)) expect([row.id, today, row.status]).toEqual([row.id, today, byId.get(row.id)]);
      }
      for (const status of MEMBER_STATUSES) {
        const filtered = (
          db.prepare(`SELECT m.id ${from} WHERE ${STATUS_WHERE[status]}`).all(params) as { id: string }[]
        )
          .map((r) => r.id)
          .filter((id) => byId.has(id))
          .sort();
        const want = [...byId]
          .filter(([, s]) => s === status)
          .map(([id]) => id)
          .sort();
        expect([status, today, filtered]).toEqual([status, today, want]);
      }
    }
  });
});
