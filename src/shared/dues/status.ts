import { addDays } from './dates';

/**
 * A member's standing, derived from their type and what they have paid; never typed by hand.
 * `never-paid`: no payment and no paid-through date from before ChapterDesk.
 */
export const MEMBER_STATUSES = ['active', 'grace', 'lapsed', 'never-paid', 'honorary', 'lifetime'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Statuses that count as "in good standing" (quorum, voting rights). */
export const GOOD_STANDING: ReadonlySet<MemberStatus> = new Set(['active', 'grace', 'honorary', 'lifetime']);

export const MEMBERSHIP_KINDS = [
  'individual',
  'student',
  'family',
  'organisation',
  'honorary',
  'lifetime',
] as const;
export type MembershipKind = (typeof MEMBERSHIP_KINDS)[number];

/** Kinds written by versions before dues: read as their successors, never rewritten. */
const LEGACY_KINDS: Record<string, MembershipKind> = { regular: 'individual', reduced: 'student' };

export function membershipKind(value: unknown): MembershipKind | null {
  if (typeof value !== 'string') return null;
  if ((MEMBERSHIP_KINDS as readonly string[]).includes(value)) return value as MembershipKind;
  return LEGACY_KINDS[value] ?? null;
}

export interface StatusInputs {
  kind: MembershipKind | null;
  /** The last day paid for: the latest period a valid payment covers, or the date from before dues. */
  paidThrough: string | null;
  graceDays: number;
}

/**
 * The one status rule. Honorary and lifetime members never lapse. Others are active through their
 * paid-through day, in grace for `graceDays` days after it, lapsed after that; never-paid without
 * any. `today` is the date in the chapter's time zone. Its SQL twin is `statusSql` (main), tested
 * against this function.
 */
export function memberStatus({ kind, paidThrough, graceDays }: StatusInputs, today: string): MemberStatus {
  if (kind === 'honorary') return 'honorary';
  if (kind === 'lifetime') return 'lifetime';
  if (!paidThrough) return 'never-paid';
  if (paidThrough >= today) return 'active';
  return addDays(paidThrough, graceDays) >= today ? 'grace' : 'lapsed';
}
