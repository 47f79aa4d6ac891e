import type { TFunction } from 'i18next';
import { isCurrencyCode, parseAmount } from '../../../shared/dues/money';
import type { MembershipKind } from '../../../shared/dues/status';
import type { MembershipType } from '../../../shared/payments';
import type { FieldErrors } from '../forms/fieldErrors';
import { amountInputText } from './paymentForm';

/** Kinds whose members never lapse: no period, no grace. */
export function isPerpetual(kind: MembershipKind): boolean {
  return kind === 'honorary' || kind === 'lifetime';
}

export interface TypeFormValues {
  name: string;
  kind: MembershipKind;
  fee: string;
  currency: string;
  periodMonths: string;
  graceDays: string;
}

export interface TypeInput {
  name: string;
  kind: MembershipKind;
  fee: string;
  currency: string;
  periodMonths: number | null;
  graceDays: number | null;
}

/** The form's starting values; a fee is written as the secretary would type it in `locale` ("12,50"). */
export function typeFormValues(
  type: MembershipType | undefined,
  chapterCurrency: string,
  locale: string,
): TypeFormValues {
  if (!type) {
    return {
      name: '',
      kind: 'individual',
      fee: '',
      currency: chapterCurrency,
      periodMonths: '12',
      graceDays: '',
    };
  }
  return {
    name: type.name,
    kind: type.kind,
    fee: type.feeMinor > 0 ? amountInputText(type.feeMinor, type.currency, locale) : '0',
    currency: type.currency,
    periodMonths: type.periodMonths === null ? '' : String(type.periodMonths),
    graceDays: type.graceDays === null ? '' : String(type.graceDays),
  };
}

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** The type to send, or what to fix first. An empty fee is no fee; empty grace days is the chapter's. */
export function checkType(
  values: TypeFormValues,
  t: TFunction,
): { input: TypeInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = values.name.trim();
  if (!name) errors['name'] = t('validation.typeName');
  else if (name.length > 200) errors['name'] = t('validation.tooLong', { max: 200 });
  const currency = values.currency.trim().toUpperCase();
  if (!isCurrencyCode(currency)) errors['currency'] = t('validation.currency');
  const feeText = values.fee.trim();
  const free = feeText === '' || /^0+([.,]0*)?$/.test(feeText);
  if (!free && isCurrencyCode(currency)) {
    const parsed = parseAmount(feeText, currency);
    if (!parsed.ok) errors['fee'] = t(`payments.amountProblem.${parsed.problem}`);
  }
  const perpetual = isPerpetual(values.kind);
  let periodMonths: number | null = null;
  if (!perpetual) {
    periodMonths = wholeNumber(values.periodMonths);
    if (periodMonths === null || periodMonths < 1 || periodMonths > 1200)
      errors['periodMonths'] = t('validation.periodMonths');
  }
  let graceDays: number | null = null;
  if (!perpetual && values.graceDays.trim() !== '') {
    graceDays = wholeNumber(values.graceDays);
    if (graceDays === null || graceDays > 3650) errors['graceDays'] = t('validation.graceDays');
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { input: { name, kind: values.kind, fee: free ? '0' : feeText, currency, periodMonths, graceDays } };
}
