import { z } from 'zod';
import { foldText } from './text';
import { isCurrencyCode } from './dues/money';
import { MEMBERSHIP_KINDS, type MembershipKind, type MemberStatus } from './dues/status';
import { isIsoDate } from './dues/dates';
import { MAX_FILE_BASE64 } from './imports';
import { problemParams } from './problems';

/** How money reached the chapter. The CLI also takes `bank` and `mpesa`-style words (see methodFromText). */
export const PAYMENT_METHODS = ['cash', 'bank-transfer', 'mobile-money', 'card', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

const METHOD_WORDS: Record<string, PaymentMethod> = {
  cash: 'cash',
  especes: 'cash',
  espece: 'cash',
  efectivo: 'cash',
  dinheiro: 'cash',
  bank: 'bank-transfer',
  'bank-transfer': 'bank-transfer',
  transfer: 'bank-transfer',
  virement: 'bank-transfer',
  transferencia: 'bank-transfer',
  transferencia_bancaria: 'bank-transfer',
  'mobile-money': 'mobile-money',
  mobile: 'mobile-money',
  momo: 'mobile-money',
  mpesa: 'mobile-money',
  'm-pesa': 'mobile-money',
  'orange-money': 'mobile-money',
  orange: 'mobile-money',
  wave: 'mobile-money',
  'mtn-momo': 'mobile-money',
  'airtel-money': 'mobile-money',
  card: 'card',
  carte: 'card',
  tarjeta: 'card',
  cartao: 'card',
  cheque: 'other',
  check: 'other',
  other: 'other',
  autre: 'other',
};

/** A method as written in a file or on the command line ("M-Pesa", "Espèces", "bank"), or null. */
export function methodFromText(text: string): PaymentMethod | null {
  const key = foldText(text).replace(/[\s_]+/g, '-');
  return METHOD_WORDS[key] ?? METHOD_WORDS[key.replace(/-/g, '')] ?? null;
}

export const isoDateInput = z.string().trim().refine(isIsoDate, 'Use a date like 2024-03-31');

export const currencyInput = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isCurrencyCode, 'Not an ISO 4217 currency code (such as EUR, KES or XOF)');

/** An amount as people write it; the service reads it in the payment's currency. */
const amountText = z.string().trim().min(1, 'Give an amount').max(40);

export const membershipTypeFields = z.strictObject({
  name: z.string().trim().min(1, 'Give the type a name').max(200),
  kind: z.enum(MEMBERSHIP_KINDS),
  fee: amountText.or(z.literal('0')),
  currency: currencyInput.optional(),
  periodMonths: z.number().int().min(1, 'At least one month').max(1200).nullable(),
  /** Null: the chapter's grace period. */
  graceDays: z.number().int().min(0).max(3650).nullable(),
});

export const membershipTypeCreateInput = membershipTypeFields.partial({
  kind: true,
  fee: true,
  currency: true,
  periodMonths: true,
  graceDays: true,
});
export const membershipTypeUpdateInput = z.strictObject({
  id: z.uuid(),
  patch: membershipTypeFields.partial(),
});

export interface MembershipType {
  id: string;
  name: string;
  kind: MembershipKind;
  feeMinor: number;
  currency: string;
  /** Null for types that never lapse (honorary, lifetime). */
  periodMonths: number | null;
  /** Null: the chapter's grace period applies. */
  graceDays: number | null;
  /** No longer given to new members or by imports; members who have it keep it, and it still shows. */
  retired: boolean;
}

export const membershipTypeRetireInput = z.strictObject({
  id: z.uuid(),
  /** false brings a retired type back. */
  retired: z.boolean(),
});

export const paymentRecordInput = z
  .strictObject({
    memberId: z.uuid(),
    amount: amountText,
    currency: currencyInput.optional(),
    method: z.enum(PAYMENT_METHODS),
    reference: z.string().trim().max(100).optional(),
    paidOn: isoDateInput.optional(),
    periodFrom: isoDateInput.optional(),
    periodTo: isoDateInput.optional(),
    /** How many of the type's periods the payment covers when no period is given. */
    periods: z.number().int().min(1).max(100).optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((p) => !p.periodFrom || !p.periodTo || p.periodTo >= p.periodFrom, {
    message: 'The period ends before it starts',
    path: ['periodTo'],
    params: problemParams('PERIOD_ENDS_BEFORE_START'),
  })
  .refine((p) => Boolean(p.periodFrom) === Boolean(p.periodTo), {
    message: 'Give both the start and the end of the period, or neither',
    path: ['periodTo'],
    params: problemParams('PERIOD_HALF_GIVEN'),
  });
export type PaymentRecordInput = z.input<typeof paymentRecordInput>;

export const paymentProposeInput = z.strictObject({
  memberId: z.uuid(),
  paidOn: isoDateInput.optional(),
  periods: z.number().int().min(1).max(100).optional(),
});

/** What the Record payment dialog fills in before the secretary changes anything. */
export interface PaymentProposal {
  memberId: string;
  typeId: string | null;
  typeName: string | null;
  amountMinor: number;
  currency: string;
  paidOn: string;
  periodFrom: string;
  periodTo: string;
  status: MemberStatus;
  paidThrough: string | null;
}

export interface PaymentVoid {
  reason: string;
  voidedOn: string;
  officer: string | null;
}

export interface Payment {
  id: string;
  receiptNumber: string;
  memberId: string;
  memberName: string | null;
  memberNumber: string | null;
  /**
   * The member was erased for good: the payment stays for the accounts, shown as an erased
   * member's with its receipt number (their name and number are gone).
   */
  memberErased: boolean;
  /** The member was deleted after paying: the payment stays, shown as a deleted member's. */
  memberDeleted: boolean;
  typeId: string | null;
  amountMinor: number;
  currency: string;
  method: PaymentMethod;
  reference: string | null;
  paidOn: string;
  periodFrom: string | null;
  periodTo: string | null;
  officer: string | null;
  note: string | null;
  batchId: string | null;
  createdAt: string;
  void: PaymentVoid | null;
}

/** A recorded payment with where it leaves the member. */
export interface PaymentReceipt extends Payment {
  status: MemberStatus;
  paidThrough: string | null;
}

export const paymentListInput = z.strictObject({
  memberId: z.uuid().optional(),
  /** YYYY-MM: payments made that month. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  method: z.enum(PAYMENT_METHODS).optional(),
  currency: currencyInput.optional(),
  /** Paid on or after / on or before these days (the Dues screen's last 12 months). */
  from: isoDateInput.optional(),
  to: isoDateInput.optional(),
  includeVoided: z.boolean().default(true),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});

export interface PaymentPage {
  rows: Payment[];
  total: number;
}

export const paymentVoidInput = z.strictObject({
  id: z.uuid(),
  reason: z.string().trim().min(1, 'Say why the payment is void').max(500),
});

export const duesSummaryInput = z.union([
  z.undefined(),
  z.null(),
  z.strictObject({ on: isoDateInput.optional() }),
]);

export interface MoneyTotal {
  currency: string;
  amountMinor: number;
  count: number;
}

/** Days ahead the Dues screen calls "expiring". */
export const EXPIRING_DAYS = 30;
/** Months of collections the Dues screen shows. */
export const COLLECTED_MONTHS = 12;

export interface DuesSummary {
  on: string;
  /** The first day the collections count (the first of the month 11 months before `on`). */
  collectedFrom: string;
  counts: Record<MemberStatus, number> & { total: number };
  /** Active members whose paid-through date falls in the next 30 days. */
  expiring: number;
  /** Lapsed and in-grace members of a paying type: what they would owe at their type's fee. */
  outstanding: MoneyTotal[];
  collectedByMonth: (MoneyTotal & { month: string })[];
  collectedByMethod: (MoneyTotal & { method: PaymentMethod })[];
}

export const statementInspectInput = z.strictObject({
  fileName: z.string().trim().min(1).max(260),
  data: z.base64().max(MAX_FILE_BASE64),
});

export const STATEMENT_LINE_STATES = ['match', 'already-recorded', 'unmatched', 'ignored'] as const;
export type StatementLineState = (typeof STATEMENT_LINE_STATES)[number];
export const MATCH_REASONS = ['account', 'member-number', 'email', 'phone', 'name', 'manual'] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

export interface StatementLineView {
  /** The line's row in the file, as a spreadsheet shows it. */
  line: number;
  state: StatementLineState;
  reference: string | null;
  payer: string | null;
  paidOn: string | null;
  amountMinor: number | null;
  currency: string;
  method: PaymentMethod;
  memberId: string | null;
  memberName: string | null;
  why: MatchReason | null;
  /** Ignored lines: failed, reversed, outgoing, unreadable (with the field). */
  ignoredBecause: string | null;
}

export interface StatementDraft {
  draftId: string;
  fileName: string;
  provider: string;
  lines: StatementLineView[];
}

export const statementCommitInput = z.strictObject({
  draftId: z.uuid(),
  /** Unmatched (or wrongly matched) lines assigned by hand; memberId null leaves a line out. */
  assignments: z
    .array(z.strictObject({ line: z.number().int().min(1), memberId: z.uuid().nullable() }))
    .max(100_000)
    .default([]),
});

export interface StatementResult {
  batchId: string | null;
  lines: number;
  matched: number;
  alreadyRecorded: number;
  unmatched: { line: number; reference: string | null; payer: string | null; amount: string | null }[];
  payments: Payment[];
}

export interface StatementBatchView {
  id: string;
  fileName: string;
  createdAt: string;
  payments: number;
  undoneAt: string | null;
}
