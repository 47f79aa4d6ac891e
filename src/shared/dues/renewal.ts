import { addDays, periodEnd } from './dates';
import type { MemberStatus } from './status';

/**
 * The period a new payment proposes to cover: a renewal continues from the day after the current
 * paid-through date when the member is active or in grace (no days lost, none given twice); a
 * lapsed or new member starts on the day they pay. `periods` lets one payment cover several.
 */
export function proposePeriod(input: {
  status: MemberStatus;
  paidThrough: string | null;
  paidOn: string;
  periodMonths: number;
  periods?: number;
}): { from: string; to: string } {
  const continues = (input.status === 'active' || input.status === 'grace') && input.paidThrough;
  const from = continues ? addDays(input.paidThrough!, 1) : input.paidOn;
  return { from, to: periodEnd(from, input.periodMonths * (input.periods ?? 1)) };
}
