import type { z } from 'zod';
import { addDays, shiftMonth } from '../../../shared/dues/dates';
import { MEMBER_STATUSES, type MemberStatus } from '../../../shared/dues/status';
import {
  COLLECTED_MONTHS,
  EXPIRING_DAYS,
  type DuesSummary,
  type MoneyTotal,
  type PaymentMethod,
  type duesSummaryInput,
} from '../../../shared/payments';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import { requireChapter } from '../chapter/chapter';
import { STATUS_SQL, statusParams } from '../members/status';

/**
 * The Dues screen's figures, on a date (today in the chapter's time zone by default): members by
 * status, active members expiring within 30 days, what lapsed and in-grace members of paying
 * types would owe at their type's fee, and the last 12 months' collections by month and by method,
 * per currency (amounts in different currencies are never added together). Voided payments are
 * left out. Two queries: one pass over members, one over the period's payments.
 */
export function duesSummary(db: Db, now: Date, input: z.output<typeof duesSummaryInput>): DuesSummary {
  const chapter = requireChapter(db);
  const params = statusParams(chapter, now);
  const on = input?.on ?? params.today;
  const byStatus = statement(
    db,
    `SELECT status, currency, sum(n) AS n, sum(fee * n) AS owed, sum(expiring * n) AS expiring FROM (
       SELECT ${STATUS_SQL} AS status, t.currency AS currency, coalesce(t.fee_minor, 0) AS fee,
              (m.dues_through <= @soon) AS expiring, m.n AS n
       FROM (SELECT type_id, dues_through, count(*) AS n FROM members WHERE deleted = 0
             GROUP BY type_id, dues_through) m
       LEFT JOIN membership_types t ON t.id = m.type_id)
     GROUP BY status, currency`,
  ).all({ today: on, grace: params.grace, soon: addDays(on, EXPIRING_DAYS) }) as {
    status: MemberStatus;
    currency: string | null;
    n: number;
    owed: number;
    expiring: number | null;
  }[];
  const counts = Object.fromEntries([
    ...MEMBER_STATUSES.map((s) => [s, 0]),
    ['total', 0],
  ]) as DuesSummary['counts'];
  let expiring = 0;
  const outstanding = new Map<string, MoneyTotal>();
  for (const row of byStatus) {
    counts[row.status] += row.n;
    counts.total += row.n;
    if (row.status === 'active') expiring += row.expiring ?? 0;
    if ((row.status === 'lapsed' || row.status === 'grace') && row.owed > 0) {
      const currency = row.currency ?? chapter.currency;
      const total = outstanding.get(currency) ?? { currency, amountMinor: 0, count: 0 };
      total.amountMinor += row.owed;
      total.count += row.n;
      outstanding.set(currency, total);
    }
  }

  const firstMonth = `${shiftMonth(on.slice(0, 7), 1 - COLLECTED_MONTHS)}-01`;
  const collected = statement(
    db,
    `SELECT p.paid_on, p.method, p.currency, sum(p.amount_minor) AS amount, count(*) AS n
     FROM payments p
     WHERE p.paid_on BETWEEN @from AND @on AND p.deleted = 0
       AND NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id AND v.deleted = 0)
     GROUP BY p.paid_on, p.method, p.currency`,
  ).all({ from: firstMonth, on }) as {
    paid_on: string;
    method: PaymentMethod;
    currency: string;
    amount: number;
    n: number;
  }[];
  const byMonth = new Map<string, MoneyTotal & { month: string }>();
  const byMethod = new Map<string, MoneyTotal & { method: PaymentMethod }>();
  for (const found of collected) {
    const row = { ...found, month: found.paid_on.slice(0, 7) };
    const m = byMonth.get(`${row.month}|${row.currency}`) ?? {
      month: row.month,
      currency: row.currency,
      amountMinor: 0,
      count: 0,
    };
    m.amountMinor += row.amount;
    m.count += row.n;
    byMonth.set(`${row.month}|${row.currency}`, m);
    const k = byMethod.get(`${row.method}|${row.currency}`) ?? {
      method: row.method,
      currency: row.currency,
      amountMinor: 0,
      count: 0,
    };
    k.amountMinor += row.amount;
    k.count += row.n;
    byMethod.set(`${row.method}|${row.currency}`, k);
  }
  return {
    on,
    collectedFrom: firstMonth,
    counts,
    expiring,
    outstanding: [...outstanding.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    collectedByMonth: [...byMonth.values()].sort(
      (a, b) => b.month.localeCompare(a.month) || a.currency.localeCompare(b.currency),
    ),
    collectedByMethod: [...byMethod.values()].sort(
      (a, b) => b.amountMinor - a.amountMinor || a.method.localeCompare(b.method),
    ),
  };
}
