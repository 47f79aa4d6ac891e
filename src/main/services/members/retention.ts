import type { RetentionErased, RetentionList } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import { statement } from '../../db/statements';
import { requireChapter } from '../chapter/chapter';
import { eraseMember, scrubDatabaseFile } from './erase';
import type { MembersDeps } from './members';
import { statusParams } from './status';

/** How many of the listed members travel to the screen; the total says how many there are. */
export const RETENTION_LIST_LIMIT = 500;

/**
 * Members lapsed for more than the chapter's retention years. "Lapsed since" follows the status
 * rule (STATUS_SQL): the first day after the paid-through date plus the grace days (the type's, else
 * the chapter's). Honorary and lifetime members never lapse; a member who never paid has no date
 * to count from and is never listed. Deleted members are listed too: deleting keeps their data.
 * A duplicate merged into a member who is still here is not listed apart: it is that member's
 * record (their history shows it), kept while they are, and erased with them (eraseMember).
 */
const LAPSED_SINCE = `date(m.dues_through, '+' || (coalesce(t.grace_days, @grace) + 1) || ' days')`;
const DUE_FOR_ERASURE = `FROM members m LEFT JOIN membership_types t ON t.id = m.type_id
  WHERE m.dues_through IS NOT NULL AND coalesce(t.kind, '') NOT IN ('honorary', 'lifetime')
    AND ${LAPSED_SINCE} < date(@today, '-' || @years || ' years')
    AND NOT EXISTS (SELECT 1 FROM members k WHERE k.id = m.merged_into)`;

interface CandidateRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  member_number: string | null;
  dues_through: string;
  lapsed_since: string;
  deleted: number;
}

/** The members retention would erase today, oldest lapse first; nothing while retention is off. */
export function retentionList(
  deps: Pick<MembersDeps, 'db' | 'now'>,
  limit = RETENTION_LIST_LIMIT,
): RetentionList {
  const chapter = requireChapter(deps.db);
  const years = chapter.retentionYears;
  if (years === null) return { years: null, members: [], total: 0 };
  const params = { ...statusParams(chapter, deps.now()), years };
  const rows = statement(
    deps.db,
    `SELECT m.id, m.first_name, m.last_name, m.email, m.member_number, m.dues_through, m.deleted,
            ${LAPSED_SINCE} AS lapsed_since
       ${DUE_FOR_ERASURE} ORDER BY lapsed_since, m.sort_name, m.id LIMIT @limit`,
  ).all({ ...params, limit }) as CandidateRow[];
  const { total } = statement(deps.db, `SELECT count(*) AS total ${DUE_FOR_ERASURE}`).get(params) as {
    total: number;
  };
  return {
    years,
    total,
    members: rows.map((r) => ({
      id: r.id,
      name: [r.first_name, r.last_name].filter(Boolean).join(' ') || r.email || '',
      memberNumber: r.member_number,
      paidThrough: r.dues_through,
      lapsedSince: r.lapsed_since,
      deleted: r.deleted === 1,
    })),
  };
}

/**
 * Erases the members the secretary confirmed from the retention list, in one transaction, then
 * scrubs the file. Each must still be on the list now (a payment since, or a changed setting,
 * takes a member off it): otherwise nothing is erased.
 */
export function eraseLapsed(deps: MembersDeps, ids: readonly string[]): RetentionErased {
  const { db } = deps;
  const erased = db.transaction(() => {
    const due = new Set(retentionList(deps, Number.MAX_SAFE_INTEGER).members.map((m) => m.id));
    const notDue = [...new Set(ids)].filter((id) => !due.has(id));
    if (notDue.length > 0) {
      throw new AppError(
        'CONFLICT',
        `Not erased: ${notDue.length} of these members ${notDue.length === 1 ? 'is' : 'are'} no longer due for erasure (${notDue.join(', ')}). List them again.`,
        { problem: problem('NOT_DUE_FOR_ERASURE', { count: notDue.length }) },
      );
    }
    return [...new Set(ids)].map((id) => eraseMember(deps, id).id);
  })();
  return { erased, fileScrubbed: scrubDatabaseFile(db) };
}
