import { statement } from '../../db/statements';
import type { MemberListInput, MemberPage, MemberSortField } from '../../../shared/domain';
import type { z } from 'zod';
import type { memberListInput } from '../../../shared/domain';
import { searchTerms } from '../../../shared/text';
import type { Db } from '../../db/open';
import { toMember, type MemberDbRow } from './row';
import { STATUS_SQL, localIsoDate } from './status';

export type ListQuery = z.output<typeof memberListInput>;

const SORT_SQL: Record<MemberSortField, string> = {
  name: 'm.sort_name',
  memberNumber: 'm.member_number',
  email: 'm.email',
  city: 'm.city',
  joinedOn: 'm.joined_on',
  status: 'status',
};

export const MEMBER_SELECT = `SELECT m.*, t.name AS type_name, ${STATUS_SQL} AS status
  FROM members m LEFT JOIN membership_types t ON t.id = m.type_id`;

/**
 * An FTS5 query from what the user typed: every term must match the start of a word in one of the
 * indexed columns. Terms are letters and digits only, quoted, so user input can never be FTS syntax.
 */
export function ftsQuery(query: string): string | null {
  const terms = searchTerms(query);
  return terms.length ? terms.map((t) => `"${t}"*`).join(' AND ') : null;
}

export function listMembers(db: Db, q: ListQuery, now: Date, graceDays: number): MemberPage {
  const match = ftsQuery(q.query);
  const where = ['m.deleted = 0'];
  const params: Record<string, string | number> = { today: localIsoDate(now), grace: graceDays };
  if (match) {
    where.push('f.members_fts MATCH @match');
    params.match = match;
  }
  if (q.city) {
    where.push('m.city = @city');
    params.city = q.city;
  }
  if (q.typeId) {
    where.push('m.type_id = @typeId');
    params.typeId = q.typeId;
  }
  if (q.status) {
    where.push(`(${STATUS_SQL}) = @status`);
    params.status = q.status;
  }
  // Driving the search from the full-text index keeps a rare term fast on 100,000 members.
  const from = match
    ? `FROM members_fts f JOIN members m ON m.rowid = f.rowid LEFT JOIN membership_types t ON t.id = m.type_id`
    : `FROM members m LEFT JOIN membership_types t ON t.id = m.type_id`;
  const whereSql = where.join(' AND ');
  const direction = q.direction === 'desc' ? 'DESC' : 'ASC';
  const rows = statement(
    db,
    `SELECT m.*, t.name AS type_name, ${STATUS_SQL} AS status ${from} WHERE ${whereSql}
       ORDER BY ${SORT_SQL[q.sort]} ${direction} NULLS LAST, m.sort_name ${direction}, m.id
       LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: q.limit, offset: q.offset }) as MemberDbRow[];
  const { total } = statement(db, `SELECT count(*) AS total ${from} WHERE ${whereSql}`).get(params) as {
    total: number;
  };
  return { rows: rows.map(toMember), total };
}

export type { MemberListInput };
