import type { MemberStatus } from '../shared/domain';
import type { MemberFacts } from './store/types';

/** The client's default for chapter.grace_days. */
const DEFAULT_GRACE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type StatusCounts = Record<MemberStatus, number> & { total: number };

export function emptyCounts(): StatusCounts {
  return { active: 0, grace: 0, lapsed: 0, honorary: 0, total: 0 };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function validDate(value: unknown): string | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value ? null : value;
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface StatusInputs {
  kind: string | null;
  paidThrough: string | null;
  graceDays: number;
}

/**
 * honorary if the member's type is honorary; active if lifetime or paid through today or later;
 * grace within the chapter's grace days after paid_through; lapsed otherwise. Dates are ISO
 * calendar days, so plain string comparison orders them.
 */
export function memberStatus({ kind, paidThrough, graceDays }: StatusInputs, today: string): MemberStatus {
  if (kind === 'honorary') return 'honorary';
  if (kind === 'lifetime') return 'active';
  if (!paidThrough) return 'lapsed';
  if (paidThrough >= today) return 'active';
  return addDays(paidThrough, graceDays) >= today ? 'grace' : 'lapsed';
}

/** Counts by status per chapter from the raw LWW state; deleted members are left out. */
export function countStatuses(facts: readonly MemberFacts[], today: string): Map<string, StatusCounts> {
  const counts = new Map<string, StatusCounts>();
  for (const member of facts) {
    const deleted = parseJson(member.deleted);
    if (deleted === 1 || deleted === true || deleted === '1') continue;
    const kind = parseJson(member.typeKind);
    const grace = parseJson(member.graceDays);
    const status = memberStatus(
      {
        kind: typeof kind === 'string' ? kind : null,
        paidThrough: validDate(parseJson(member.paidThrough)),
        graceDays: Number.isInteger(grace) && (grace as number) >= 0 ? (grace as number) : DEFAULT_GRACE_DAYS,
      },
      today,
    );
    const chapter = counts.get(member.chapterId) ?? emptyCounts();
    chapter[status] += 1;
    chapter.total += 1;
    counts.set(member.chapterId, chapter);
  }
  return counts;
}
