import type { Member, NumberClashes } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import type { requireChapter } from '../chapter/chapter';
import { MEMBER_SELECT } from './query';
import { toMember, type MemberDbRow } from './row';
import { statusParams } from './status';

/** A long list helps no one: the first clashes are fixed, then the next show. */
export const CLASHES_SHOWN = 100;

/**
 * Numbers that more than one live member holds, with those members, oldest on this laptop first. Two laptops that
 * each imported a file giving the same number to different people meet here after sync; nothing
 * merges them, since only the secretary knows which person keeps the number. One pass over the
 * (deleted, member_number) index.
 */
export function numberClashes(
  db: Db,
  now: Date,
  chapter: ReturnType<typeof requireChapter>,
  limit = CLASHES_SHOWN,
): NumberClashes {
  const shared = statement(
    db,
    `SELECT member_number AS number, count(*) OVER () AS total FROM members
     WHERE deleted = 0 AND member_number IS NOT NULL
     GROUP BY member_number HAVING count(*) > 1
     ORDER BY member_number LIMIT @limit`,
  ).all({ limit }) as { number: string; total: number }[];
  if (shared.length === 0) return { clashes: [], total: 0 };
  const rows = statement(
    db,
    `${MEMBER_SELECT} WHERE m.deleted = 0 AND m.member_number IN (SELECT value FROM json_each(@numbers))
     ORDER BY m.member_number, m.created_at, m.sort_name, m.id`,
  ).all({
    numbers: JSON.stringify(shared.map((s) => s.number)),
    ...statusParams(chapter, now),
  }) as MemberDbRow[];
  const byNumber = new Map<string, Member[]>(shared.map((s) => [s.number, []]));
  for (const row of rows) byNumber.get(row.member_number!)?.push(toMember(row));
  return {
    clashes: [...byNumber].map(([number, members]) => ({ number, members })),
    total: shared[0]!.total,
  };
}

/**
 * Refuses a number another live member already holds on this laptop, naming them, so a typed
 * number never makes a clash; clashes that arrive by sync are listed instead.
 */
export function assertNumberFree(db: Db, number: string | null | undefined, exceptId: string | null): void {
  if (!number) return;
  const other = statement(
    db,
    `SELECT id, first_name, last_name, email FROM members
     WHERE deleted = 0 AND member_number = ? AND id IS NOT ? LIMIT 1`,
  ).get(number, exceptId) as
    { id: string; first_name: string | null; last_name: string | null; email: string | null } | undefined;
  if (!other) return;
  const name = [other.first_name, other.last_name].filter(Boolean).join(' ') || other.email || other.id;
  const message = `Number ${number} already belongs to ${name}.`;
  throw new AppError('CONFLICT', message, {
    fields: [
      {
        field: 'memberNumber',
        message,
        problem: { code: 'MEMBER_NUMBER_TAKEN', params: { number, name, memberId: other.id } },
      },
    ],
  });
}
