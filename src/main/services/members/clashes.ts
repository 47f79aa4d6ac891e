import type { Member, NumberClashes } from '../../../shared/domain';
import { fieldError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import type { requireChapter } from '../chapter/chapter';
import { MEMBER_SELECT } from './query';
import { toMember, type MemberDbRow } from './row';
import { statusParams } from './status';

/** A long list helps no one: the first clashes are fixed, then the next show. */
export const CLASHES_SHOWN = 100;

/**
 * Values of a column that more than one live member holds, each with those members, oldest on this
 * laptop first, and how many such values there are: one pass over the column's (deleted, column)
 * index, then one read of the members of the values shown.
 */
export function sharedValues(
  db: Db,
  now: Date,
  chapter: ReturnType<typeof requireChapter>,
  column: 'member_number' | 'email',
  limit: number,
): { shared: { value: string; members: Member[] }[]; total: number } {
  const found = statement(
    db,
    `SELECT ${column} AS value, count(*) OVER () AS total FROM members
     WHERE deleted = 0 AND ${column} IS NOT NULL
     GROUP BY ${column} HAVING count(*) > 1
     ORDER BY ${column} LIMIT @limit`,
  ).all({ limit }) as { value: string; total: number }[];
  if (found.length === 0) return { shared: [], total: 0 };
  const rows = statement(
    db,
    `${MEMBER_SELECT} WHERE m.deleted = 0 AND m.${column} IN (SELECT value FROM json_each(@values))
     ORDER BY m.${column}, m.created_at, m.sort_name, m.id`,
  ).all({
    values: JSON.stringify(found.map((s) => s.value)),
    ...statusParams(chapter, now),
  }) as MemberDbRow[];
  const byValue = new Map<string, Member[]>(found.map((s) => [s.value, []]));
  for (const row of rows) byValue.get(row[column]!)?.push(toMember(row));
  return {
    shared: [...byValue].map(([value, members]) => ({ value, members })),
    total: found[0]!.total,
  };
}

/**
 * Numbers that more than one live member holds, with those members. Two laptops that each
 * imported a file giving the same number to different people meet here after sync; nothing merges
 * them, since only the secretary knows which person keeps the number.
 */
export function numberClashes(
  db: Db,
  now: Date,
  chapter: ReturnType<typeof requireChapter>,
  limit = CLASHES_SHOWN,
): NumberClashes {
  const { shared, total } = sharedValues(db, now, chapter, 'member_number', limit);
  return { clashes: shared.map(({ value, members }) => ({ number: value, members })), total };
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
  const taken = problem('MEMBER_NUMBER_TAKEN', { number, name, memberId: other.id });
  throw fieldError('CONFLICT', 'memberNumber', message, taken, message);
}
