import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Chapter } from '../../../shared/domain';
import { parseAmount } from '../../../shared/dues/money';
import { periodEnd } from '../../../shared/dues/dates';
import { proposePeriod } from '../../../shared/dues/renewal';
import { memberStatus, type MemberStatus } from '../../../shared/dues/status';
import { AppError, fieldError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import type {
  MembershipType,
  Payment,
  PaymentMethod,
  PaymentPage,
  PaymentProposal,
  PaymentReceipt,
  paymentListInput,
  paymentProposeInput,
  paymentRecordInput,
  paymentVoidInput,
} from '../../../shared/payments';
import { writeRow, type WriteContext } from '../../db/changes';
import { derivedId } from '../../db/identity';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import { requireChapter } from '../chapter/chapter';
import { getMember } from '../members/members';
import { statusParams } from '../members/status';
import { amountIssue, getMembershipType } from '../types/membership-types';
import { nextReceiptNumber } from './receipts';

export interface PaymentDeps {
  db: Db;
  now: () => Date;
  writeContext: () => WriteContext;
}

interface PaymentRow {
  id: string;
  member_id: string;
  type_id: string | null;
  amount_minor: number;
  currency: string;
  method: string;
  reference: string | null;
  paid_on: string;
  period_from: string | null;
  period_to: string | null;
  receipt_number: string;
  officer: string | null;
  note: string | null;
  batch_id: string | null;
  created_at: string;
  first_name: string | null;
  last_name: string | null;
  member_number: string | null;
  member_erased: number;
  member_deleted: number | null;
  void_reason: string | null;
  voided_on: string | null;
  void_officer: string | null;
}

const PAYMENT_SELECT = `SELECT p.*, m.first_name, m.last_name, m.member_number, m.deleted AS member_deleted,
    v.reason AS void_reason, v.voided_on, v.officer AS void_officer,
    EXISTS (SELECT 1 FROM erasures e WHERE e.id = p.member_id) AS member_erased
  FROM payments p
  LEFT JOIN members m ON m.id = p.member_id
  LEFT JOIN payment_voids v ON v.id = (
    SELECT id FROM payment_voids WHERE payment_id = p.id AND deleted = 0 ORDER BY voided_on, id LIMIT 1)`;

function toPayment(r: PaymentRow): Payment {
  return {
    id: r.id,
    receiptNumber: r.receipt_number,
    memberId: r.member_id,
    memberName: [r.first_name, r.last_name].filter(Boolean).join(' ') || null,
    memberNumber: r.member_number,
    memberErased: r.member_erased === 1,
    memberDeleted: r.member_deleted === 1,
    typeId: r.type_id,
    amountMinor: r.amount_minor,
    currency: r.currency,
    method: r.method as PaymentMethod,
    reference: r.reference,
    paidOn: r.paid_on,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    officer: r.officer,
    note: r.note,
    batchId: r.batch_id,
    createdAt: r.created_at,
    void:
      r.void_reason !== null
        ? { reason: r.void_reason, voidedOn: r.voided_on ?? '', officer: r.void_officer }
        : null,
  };
}

export function getPayment(db: Db, id: string): Payment {
  const row = statement(db, `${PAYMENT_SELECT} WHERE p.id = ? AND p.deleted = 0`).get(id) as
    PaymentRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such payment.', { problem: problem('PAYMENT_NOT_FOUND') });
  return toPayment(row);
}

function withStanding(deps: PaymentDeps, payment: Payment): PaymentReceipt {
  const member = getMember(deps, payment.memberId);
  return { ...payment, status: member.status, paidThrough: member.paidThrough };
}

function payable(deps: PaymentDeps, memberId: string) {
  const member = (() => {
    try {
      return getMember(deps, memberId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        throw fieldError('NOT_FOUND', 'memberId', 'No such member', problem('MEMBER_NOT_FOUND'));
      }
      throw error;
    }
  })();
  if (member.deleted) {
    const message = 'This member has been deleted; restore them first';
    throw fieldError('NOT_FOUND', 'memberId', message, problem('MEMBER_DELETED'));
  }
  return member;
}

/** The period when the member has no type with one: a year, the usual dues period. */
const DEFAULT_PERIOD_MONTHS = 12;

function todayFor(chapter: Chapter, now: Date): string {
  return statusParams(chapter, now).today;
}

/**
 * The member's standing on the day of a payment, which decides whether it continues their
 * membership (active or in grace then) or starts a new one: a payment typed in late, or brought
 * from a statement or an old spreadsheet, renews as it would have on its day.
 */
function standingOn(
  chapter: Chapter,
  member: { status: MemberStatus; paidThrough: string | null },
  type: MembershipType | null,
  day: string,
): MemberStatus {
  if (member.status === 'honorary' || member.status === 'lifetime') return member.status;
  return memberStatus(
    {
      kind: type?.kind ?? null,
      paidThrough: member.paidThrough,
      graceDays: type?.graceDays ?? chapter.graceDays,
    },
    day,
  );
}

/**
 * What the Record payment dialog proposes: the member's type's fee (times the periods) in its
 * currency, and the period a renewal covers (see `proposePeriod`).
 */
export function proposePayment(
  deps: PaymentDeps,
  input: z.output<typeof paymentProposeInput>,
): PaymentProposal {
  const chapter = requireChapter(deps.db);
  const member = payable(deps, input.memberId);
  const type = member.typeId ? getMembershipType(deps.db, member.typeId) : null;
  const paidOn = input.paidOn ?? todayFor(chapter, deps.now());
  const periods = input.periods ?? 1;
  const period = proposePeriod({
    status: standingOn(chapter, member, type, paidOn),
    paidThrough: member.paidThrough,
    paidOn,
    periodMonths: type?.periodMonths ?? DEFAULT_PERIOD_MONTHS,
    periods,
  });
  return {
    memberId: member.id,
    typeId: type?.id ?? null,
    typeName: type?.name ?? null,
    amountMinor: (type?.feeMinor ?? 0) * periods,
    currency: type?.currency ?? chapter.currency,
    paidOn,
    periodFrom: period.from,
    periodTo: period.to,
    status: member.status,
    paidThrough: member.paidThrough,
  };
}

/**
 * The period a payment covers when the secretary gave none. Honorary and lifetime members have
 * nothing to renew. Otherwise the type's fee decides: `periods` whole periods if given, else as
 * many months as the amount pays for (a partial payment covers part of a period, two fees cover
 * two); with no fee to compare with, one period.
 */
function coveredPeriod(
  status: MemberStatus,
  paidThrough: string | null,
  paidOn: string,
  type: { feeMinor: number; currency: string; periodMonths: number | null } | null,
  amountMinor: number,
  currency: string,
  periods: number | undefined,
): { from: string; to: string } | null {
  if (status === 'honorary' || status === 'lifetime') return null;
  const months = type ? type.periodMonths : DEFAULT_PERIOD_MONTHS;
  if (!months) return null;
  let covered = months * (periods ?? 1);
  if (periods === undefined && type && type.feeMinor > 0 && type.currency === currency) {
    covered = Math.floor((amountMinor * months) / type.feeMinor);
    if (covered === 0) return null;
  }
  const proposal = proposePeriod({ status, paidThrough, paidOn, periodMonths: covered });
  return { from: proposal.from, to: periodEnd(proposal.from, covered) };
}

export interface RecordOptions {
  batchId?: string;
}

/** Records a payment (a row created once, never edited) with the next receipt number. */
export function recordPayment(
  deps: PaymentDeps,
  input: z.output<typeof paymentRecordInput>,
  options: RecordOptions = {},
): PaymentReceipt {
  const { db } = deps;
  const id = db.transaction(() => insertPayment(deps, input, options))();
  return withStanding(deps, getPayment(db, id));
}

/** The write of `recordPayment`, for callers that hold the transaction (statement matching). */
export function insertPayment(
  deps: PaymentDeps,
  input: z.output<typeof paymentRecordInput>,
  options: RecordOptions = {},
): string {
  const { db } = deps;
  const chapter = requireChapter(db);
  const member = payable(deps, input.memberId);
  const type = member.typeId ? getMembershipType(db, member.typeId) : null;
  const currency = input.currency ?? type?.currency ?? chapter.currency;
  const amount = parseAmount(input.amount, currency);
  if (!amount.ok) throw amountIssue(amount.problem, 'amount');
  const paidOn = input.paidOn ?? todayFor(chapter, deps.now());
  const period =
    input.periodFrom && input.periodTo
      ? { from: input.periodFrom, to: input.periodTo }
      : coveredPeriod(
          standingOn(chapter, member, type, paidOn),
          member.paidThrough,
          paidOn,
          type,
          amount.minor,
          currency,
          input.periods,
        );
  const ctx = deps.writeContext();
  const id = randomUUID();
  writeRow(
    ctx,
    'payments',
    id,
    {
      member_id: member.id,
      type_id: type?.id ?? null,
      amount_minor: amount.minor,
      currency,
      method: input.method,
      reference: input.reference || null,
      paid_on: paidOn,
      period_from: period?.from ?? null,
      period_to: period?.to ?? null,
      receipt_number: nextReceiptNumber(db, ctx.hlc.node),
      officer: ctx.officer,
      note: input.note || null,
      batch_id: options.batchId ?? null,
    },
    null,
  );
  return id;
}

/**
 * Voids a payment: a row of its own, never an edit of the payment, whose id is derived from the
 * payment's so that two officers voiding it offline converge on one void. Status follows at once
 * (a trigger recomputes the member's paid-through date).
 */
export function voidPayment(deps: PaymentDeps, input: z.output<typeof paymentVoidInput>): PaymentReceipt {
  const { db } = deps;
  db.transaction(() => {
    const payment = getPayment(db, input.id);
    if (payment.void)
      throw new AppError('CONFLICT', `This payment was already voided: ${payment.void.reason}`, {
        problem: problem('PAYMENT_ALREADY_VOIDED', { reason: payment.void.reason }),
      });
    writeVoid(deps, input.id, input.reason);
  })();
  return withStanding(deps, getPayment(db, input.id));
}

export function writeVoid(deps: PaymentDeps, paymentId: string, reason: string): void {
  const ctx = deps.writeContext();
  const chapter = requireChapter(deps.db);
  writeRow(ctx, 'payment_voids', voidIdFor(paymentId), {
    payment_id: paymentId,
    reason,
    voided_on: todayFor(chapter, deps.now()),
    officer: ctx.officer,
    deleted: 0,
  });
}

export function voidIdFor(paymentId: string): string {
  return derivedId(paymentId, 'void');
}

export function listPayments(db: Db, input: z.output<typeof paymentListInput>): PaymentPage {
  const where = ['p.deleted = 0'];
  const params: Record<string, string | number> = {};
  if (input.memberId) {
    where.push('p.member_id = @memberId');
    params.memberId = input.memberId;
  }
  if (input.month) {
    where.push(`p.paid_on BETWEEN @monthStart AND @monthEnd`);
    params.monthStart = `${input.month}-01`;
    params.monthEnd = periodEnd(`${input.month}-01`, 1);
  }
  if (input.from) {
    where.push('p.paid_on >= @from');
    params.from = input.from;
  }
  if (input.to) {
    where.push('p.paid_on <= @to');
    params.to = input.to;
  }
  if (input.method) {
    where.push('p.method = @method');
    params.method = input.method;
  }
  if (input.currency) {
    where.push('p.currency = @currency');
    params.currency = input.currency;
  }
  if (!input.includeVoided) {
    where.push('NOT EXISTS (SELECT 1 FROM payment_voids x WHERE x.payment_id = p.id AND x.deleted = 0)');
  }
  const whereSql = where.join(' AND ');
  const rows = statement(
    db,
    `${PAYMENT_SELECT} WHERE ${whereSql} ORDER BY p.paid_on DESC, p.receipt_number DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: input.limit, offset: input.offset }) as PaymentRow[];
  const { total } = statement(db, `SELECT count(*) AS total FROM payments p WHERE ${whereSql}`).get(
    params,
  ) as {
    total: number;
  };
  return { rows: rows.map(toPayment), total };
}
