import type { TFunction } from 'i18next';
import { isIsoDate, periodEnd } from '../../../shared/dues/dates';
import { isCurrencyCode, minorDigits, parseAmount } from '../../../shared/dues/money';
import type {
  MembershipType,
  PaymentMethod,
  PaymentProposal,
  PaymentRecordInput,
} from '../../../shared/payments';
import type { FieldErrors } from '../forms/fieldErrors';

/**
 * An amount in minor units as the secretary would type it in her language, without grouping so
 * it reads back unambiguously ("12,50" in French, "12.50" in English, "5000" for XOF). Empty for
 * nothing to propose.
 */
export function amountInputText(minor: number, currency: string, locale: string): string {
  if (!Number.isFinite(minor) || minor <= 0) return '';
  let digits = 2;
  try {
    digits = minorDigits(currency);
  } catch {
    // Not a currency Intl knows: the form says so when it is submitted.
  }
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(minor / 10 ** digits);
}

export function amountError(text: string, currency: string, t: TFunction): string | undefined {
  if (!isCurrencyCode(currency)) return undefined;
  if (!text.trim()) return t('payments.amountProblem.AMOUNT_MISSING');
  const parsed = parseAmount(text, currency);
  return parsed.ok ? undefined : t(`payments.amountProblem.${parsed.problem}`);
}

export interface PaymentFormValues {
  memberId: string | null;
  amount: string;
  currency: string;
  method: PaymentMethod;
  reference: string;
  paidOn: string;
  periods: string;
  periodFrom: string;
  periodTo: string;
}

export function parsePeriods(text: string): number | null {
  const value = Number(text.trim());
  return /^\d+$/.test(text.trim()) && value >= 1 && value <= 100 ? value : null;
}

/** What to send to `payments.record`, or what to fix first, in the secretary's language. */
export function checkPayment(
  values: PaymentFormValues,
  t: TFunction,
): { input: PaymentRecordInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const currency = values.currency.trim().toUpperCase();
  if (!values.memberId) errors['memberId'] = t('validation.memberId');
  const amount = amountError(values.amount, currency, t);
  if (amount) errors['amount'] = amount;
  if (!isCurrencyCode(currency)) errors['currency'] = t('validation.currency');
  if (!isIsoDate(values.paidOn)) errors['paidOn'] = t('validation.paidOn');
  const periods = parsePeriods(values.periods);
  if (periods === null) errors['periods'] = t('validation.periods');
  const from = values.periodFrom.trim();
  const to = values.periodTo.trim();
  if (from && !isIsoDate(from)) errors['periodFrom'] = t('validation.periodFrom');
  if (to && !isIsoDate(to)) errors['periodTo'] = t('validation.paidOn');
  else if (Boolean(from) !== Boolean(to))
    errors[from ? 'periodTo' : 'periodFrom'] = t('validation.periodBoth');
  else if (from && to && to < from) errors['periodTo'] = t('validation.periodTo');
  if (Object.keys(errors).length > 0 || !values.memberId) return { errors };
  const reference = values.reference.trim();
  return {
    input: {
      memberId: values.memberId,
      amount: values.amount.trim(),
      currency,
      method: values.method,
      paidOn: values.paidOn,
      ...(periods !== null ? { periods } : {}),
      ...(reference ? { reference } : {}),
      ...(from && to ? { periodFrom: from, periodTo: to } : {}),
    },
  };
}

/** A month's worth of the fee or more; a smaller amount covers no period. */
export interface AutoPeriod {
  from: string;
  to: string;
}

/**
 * The period the dialog shows until the secretary types her own: from the proposal's start (the
 * day after the current paid-through date for a renewal, the payment date otherwise), for as many
 * months as the amount pays at the type's fee, so half the fee covers half the period and two fees
 * two periods, as the service computes it. Without a fee to compare with, `periods` whole periods.
 * Honorary and lifetime members have nothing to renew.
 */
export function autoPeriod(
  proposal: Pick<PaymentProposal, 'status' | 'periodFrom'>,
  type: Pick<MembershipType, 'feeMinor' | 'currency' | 'periodMonths'> | null,
  amountText: string,
  currency: string,
  periods: number | null,
): AutoPeriod | null {
  if (proposal.status === 'honorary' || proposal.status === 'lifetime') return null;
  const months = type ? type.periodMonths : DEFAULT_PERIOD_MONTHS;
  if (!months) return null;
  let covered = months * (periods ?? 1);
  const code = currency.trim().toUpperCase();
  if (type && type.feeMinor > 0 && type.currency === code && isCurrencyCode(code)) {
    const amount = parseAmount(amountText, code);
    if (amount.ok) covered = Math.floor((amount.minor * months) / type.feeMinor);
  }
  if (covered <= 0) return null;
  return { from: proposal.periodFrom, to: periodEnd(proposal.periodFrom, covered) };
}

/** As the service: a member without a type with a period pays for a year. */
const DEFAULT_PERIOD_MONTHS = 12;
