import { statement } from '../../db/statements';
import type { MemberListInput, MemberPage, MemberSortField, MemberStatus } from '../../../shared/domain';
import type { z } from 'zod';
import type { memberListInput } from '../../../shared/domain';
import { normalisePhone } from '../../../shared/phone';
import { foldText, searchTerms } from '../../../shared/text';
import type { Db } from '../../db/open';
import { foldedSql } from '../../db/search-index';
import { toMember, type MemberDbRow } from './row';
import { STATUS_SQL, statusParams } from './status';

export type ListQuery = z.output<typeof memberListInput>;

const SORT_SQL: Record<MemberSortField, string> = {
  name: 'm.sort_name',
  memberNumber: 'm.member_number',
  email: 'm.email',
  city: 'm.city',
  joinedOn: 'm.joined_on',
  status: 'status',
};

/**
 * Bounds that hold whatever the member's type: in grace means on or after today less the longest
 * grace period; lapsed, before today less the shortest. Constants (one scalar subquery over the
 * few types), so they give the dues_through index a range and spare most rows the date().
 */
const GRACE_FROM_EARLIEST = `date(@today, '-' || max(@grace, coalesce((SELECT max(grace_days) FROM membership_types), 0)) || ' days')`;
const LAPSED_BEFORE_LATEST = `date(@today, '-' || min(@grace, coalesce((SELECT min(grace_days) FROM membership_types), @grace)) || ' days')`;
const DATED = `coalesce(t.kind, '') NOT IN ('honorary', 'lifetime')`;
/**
 * Each status as a condition on the indexed `dues_through` (a range, not the CASE of STATUS_SQL,
 * which SQLite would evaluate for every member); the same rule, tested against it.
 */
export const STATUS_WHERE: Record<MemberStatus, string> = {
  honorary: `m.type_id IN (SELECT id FROM membership_types WHERE kind = 'honorary')`,
  lifetime: `m.type_id IN (SELECT id FROM membership_types WHERE kind = 'lifetime')`,
  'never-paid': `m.dues_through IS NULL AND ${DATED}`,
  active: `m.dues_through >= @today AND ${DATED}`,
  grace: `m.dues_through < @today AND m.dues_through >= ${GRACE_FROM_EARLIEST} AND m.dues_through >= date(@today, '-' || coalesce(t.grace_days, @grace) || ' days') AND ${DATED}`,
  lapsed: `m.dues_through < ${LAPSED_BEFORE_LATEST} AND m.dues_through < date(@today, '-' || coalesce(t.grace_days, @grace) || ' days') AND ${DATED}`,
};

/**
 * Members holding a value of one of the chapter's own fields: any, or the one given. A text field's
 * value matches where it contains the text, both folded (case, accents, Ł or ß: "strasse" finds
 * "Große Straße"); other kinds hold one stored form, compared whole. The (field, value, member)
 * index answers each from the index alone: "any value" may hold for most members.
 */
function customFieldWhere(db: Db, fieldId: string, value: string | undefined): string {
  const holding = (condition: string) =>
    `m.id IN (SELECT member_id FROM member_field_values WHERE field_id = @fieldId AND ${condition})`;
  if (value === undefined) return holding('value IS NOT NULL');
  const field = statement(db, `SELECT kind FROM custom_fields WHERE id = ?`).get(fieldId) as
    { kind: string | null } | undefined;
  return holding(
    field?.kind === 'text' ? `instr(${foldedSql('value')}, @fieldText) > 0` : 'value = @fieldValue',
  );
}

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

const FULL_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** What people type for a phone number: digits, maybe a leading +, spaces and the usual separators. */
export const PHONE_LIKE = /^\+?[\d\s().\-/]{6,}$/;

export function listMembers(
  db: Db,
  q: ListQuery,
  now: Date,
  chapter: { graceDays: number; timeZone: string | null; country: string },
  /** `total: false` skips counting every match (the door's search shows a few and never a total). */
  options: { total?: boolean } = {},
): MemberPage {
  // A whole email address is looked up by its index: its words ("example", "org") are in every
  // other address, which would make the full-text search slow. A partial one goes to full text.
  const email = q.query.trim().toLowerCase();
  if (FULL_EMAIL.test(email)) {
    const exact = listWhere(db, q, now, chapter, options, {
      clause: 'm.email = @email',
      params: { email },
      fullText: false,
    });
    if (exact.total > 0) return exact;
  }
  // A whole phone number, however it is written ("06 12 34 56 78", "+33 6 12…"), is looked up in
  // E.164, the form every valid number is also stored in; an imported one is stored only so.
  const phone = PHONE_LIKE.test(q.query.trim()) ? normalisePhone(q.query, chapter.country).e164 : null;
  if (phone) {
    const exact = listWhere(db, q, now, chapter, options, {
      clause: 'f.members_fts MATCH @match',
      params: { match: `phone_e164 : "${phone.slice(1)}"` },
      fullText: true,
    });
    if (exact.total > 0) return exact;
  }
  const match = ftsQuery(q.query);
  return listWhere(
    db,
    q,
    now,
    chapter,
    options,
    match ? { clause: 'f.members_fts MATCH @match', params: { match }, fullText: true } : null,
  );
}

function listWhere(
  db: Db,
  q: ListQuery,
  now: Date,
  chapter: { graceDays: number; timeZone: string | null },
  options: { total?: boolean },
  search: { clause: string; params: Record<string, string>; fullText: boolean } | null,
): MemberPage {
  const match = search?.fullText ?? false;
  const where = [q.deleted ? 'm.deleted = 1' : 'm.deleted = 0'];
  const params: Record<string, string | number> = { ...statusParams(chapter, now) };
  if (search) {
    where.push(search.clause);
    Object.assign(params, search.params);
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
    where.push(STATUS_WHERE[q.status]);
    // Honorary and lifetime types never count by date; the type join stays out of the rest.
  }
  if (q.owing) {
    where.push(`(${STATUS_WHERE.grace} OR ${STATUS_WHERE.lapsed}) AND t.fee_minor > 0`);
  }
  if (q.fieldId) {
    where.push(customFieldWhere(db, q.fieldId, q.fieldValue));
    params.fieldId = q.fieldId;
    if (q.fieldValue) {
      params.fieldValue = q.fieldValue;
      params.fieldText = foldText(q.fieldValue);
    }
  }
  if (q.expiringWithinDays !== undefined) {
    where.push(`${STATUS_WHERE.active} AND m.dues_through <= date(@today, '+' || @within || ' days')`);
    params.within = q.expiringWithinDays;
  }
  const whereSql = where.join(' AND ');
  const direction = q.direction === 'desc' ? 'DESC' : 'ASC';
  const order = (sortBy: string) =>
    q.sort === 'name'
      ? `m.sort_name ${direction}, m.id ${direction}`
      : `${sortBy} ${direction} NULLS LAST, m.sort_name ${direction}, m.id`;
  // The type joins only where a condition or the sort (status) reads it: the count of every
  // member takes a third of the time without it.
  const needsType = /\bt\./.test(whereSql) || q.sort === 'status';
  const typeJoin = needsType ? 'LEFT JOIN membership_types t ON t.id = m.type_id' : '';
  // Driving the search from the full-text index keeps a rare term fast on 100,000 members.
  const from = match
    ? `FROM members_fts f JOIN members m ON m.rowid = f.rowid ${typeJoin}`
    : `FROM members m ${typeJoin}`;
  const page = { ...params, limit: q.limit, offset: q.offset };
  const select = `SELECT m.*, t.name AS type_name, ${STATUS_SQL} AS status
    FROM members m LEFT JOIN membership_types t ON t.id = m.type_id`;
  if (match) {
    // A search first picks the page's members by rowid, counting every match in the same pass
    // (a window count), and only then reads the page's whole rows: the sort holds two columns
    // per match instead of every column, and the matches are looked up once instead of twice.
    const picked = statement(
      db,
      `SELECT m.rowid AS r, count(*) OVER () AS total
       ${from} WHERE ${whereSql}
       ORDER BY ${order(q.sort === 'status' ? `(${STATUS_SQL})` : SORT_SQL[q.sort])} LIMIT @limit OFFSET @offset`,
    ).all(page) as { r: number; total: number }[];
    const byRowid = statement(db, `${select} WHERE m.rowid = @rowid`);
    const rows = picked.map(({ r }) => byRowid.get({ ...params, rowid: r }) as MemberDbRow);
    const total =
      picked.length > 0 || q.offset === 0 || options.total === false
        ? (picked[0]?.total ?? 0)
        : countMatches(db, from, whereSql, params);
    return { rows: rows.map(toMember), total: options.total === false ? rows.length : total };
  }
  // Sorted by name, a page walks members_name_status (which holds type and date) and stops after
  // the page; a range on dues_through or type_id would read and sort every member of the status.
  // Unary + keeps those terms off the indexes for the page only (the count wants the range).
  const pageWhere =
    q.sort === 'name'
      ? whereSql.replaceAll('m.dues_through', '+m.dues_through').replaceAll('m.type_id IN', '+m.type_id IN')
      : whereSql;
  const rows = statement(
    db,
    `${select} WHERE ${pageWhere} ORDER BY ${order(SORT_SQL[q.sort])} LIMIT @limit OFFSET @offset`,
  ).all(page) as MemberDbRow[];
  if (options.total === false) return { rows: rows.map(toMember), total: rows.length };
  return { rows: rows.map(toMember), total: countMatches(db, from, whereSql, params) };
}

function countMatches(
  db: Db,
  from: string,
  whereSql: string,
  params: Record<string, string | number>,
): number {
  return (
    statement(db, `SELECT count(*) AS total ${from} WHERE ${whereSql}`).get(params) as { total: number }
  ).total;
}

export type { MemberListInput };
