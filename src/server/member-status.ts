import { isIsoDate, todayIn } from '../shared/dues/dates';
import { MEMBER_STATUSES, memberStatus, membershipKind, type MemberStatus } from '../shared/dues/status';
import type { MemberFacts } from './store/types';

/** The client's default for chapter.grace_days. */
const DEFAULT_GRACE_DAYS = 30;
/** Ten years: anything larger in a synced value is noise, not a grace period. */
const MAX_GRACE_DAYS = 3650;

export type StatusCounts = Record<MemberStatus, number> & { total: number };

export function emptyCounts(): StatusCounts {
  return Object.fromEntries([...MEMBER_STATUSES.map((s) => [s, 0]), ['total', 0]]) as StatusCounts;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A value the server stored but cannot read counts as not set, like a missing one.
    return null;
  }
}

function graceDays(text: string | null): number | null {
  const value = parseJson(text);
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_GRACE_DAYS
    ? (value as number)
    : null;
}

function date(text: string | null): string | null {
  const value = parseJson(text);
  return isIsoDate(value) ? value : null;
}

/**
 * Counts by status per chapter from the raw last-writer-wins state, with the same rule as the app
 * (`memberStatus`), on today's date in each chapter's time zone; deleted members are left out.
 */
export function countStatuses(facts: readonly MemberFacts[], now: Date): Map<string, StatusCounts> {
  const counts = new Map<string, StatusCounts>();
  for (const member of facts) {
    const deleted = parseJson(member.deleted);
    if (deleted === 1 || deleted === true || deleted === '1') continue;
    const zone = parseJson(member.timeZone);
    const paidThrough = [date(member.paidThrough), date(member.paymentsThrough)]
      .filter((d): d is string => d !== null)
      .sort()
      .pop();
    const status = memberStatus(
      {
        kind: membershipKind(parseJson(member.typeKind)),
        paidThrough: paidThrough ?? null,
        graceDays: graceDays(member.typeGraceDays) ?? graceDays(member.graceDays) ?? DEFAULT_GRACE_DAYS,
      },
      todayIn(typeof zone === 'string' ? zone : null, now),
    );
    const chapter = counts.get(member.chapterId) ?? emptyCounts();
    chapter[status] += 1;
    chapter.total += 1;
    counts.set(member.chapterId, chapter);
  }
  return counts;
}
