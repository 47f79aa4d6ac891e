import './dues.css';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../shared/dues/dates';
import type { Chapter, Member } from '../../../shared/domain';
import {
  PAYMENT_METHODS,
  type MembershipType,
  type PaymentProposal,
  type PaymentReceipt,
} from '../../../shared/payments';
import { toApiError } from '../api/ApiError';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field, type ControlProps } from '../components/Field';
import { DateInput, useDateFormat } from '../locale/DateInput';
import { StatusBadge } from '../components/StatusBadge';
import { serverErrors, type FieldErrors } from '../forms/fieldErrors';
import { wordError } from '../i18n/errorWords';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useFormat } from '../i18n/useFormat';
import { MemberCombobox } from './MemberCombobox';
import {
  amountInputText,
  autoPeriod,
  checkPayment,
  parsePeriods,
  type PaymentFormValues,
} from './paymentForm';
import { useModalDialog } from './useModalDialog';

interface RecordPaymentDialogProps {
  chapter: Chapter;
  types: MembershipType[];
  /** The member whose page it was opened from. */
  memberId?: string | null;
  onClose: () => void;
  onRecorded: (receipt: PaymentReceipt) => void;
}

const fieldId = (field: string) => `payment-${field}`;
const PROPOSE_DELAY_MS = 250;

type Edited = { amount: boolean; currency: boolean };

export function RecordPaymentDialog({
  chapter,
  types,
  memberId,
  onClose,
  onRecorded,
}: RecordPaymentDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const dialogRef = useModalDialog();
  const [member, setMember] = useState<Member | null>(null);
  const [memberError, setMemberError] = useState<unknown>(null);
  const [values, setValues] = useState<PaymentFormValues>(() => ({
    memberId: memberId ?? null,
    amount: '',
    currency: chapter.currency,
    method: 'cash',
    reference: '',
    paidOn: todayIn(chapter.timeZone, new Date()),
    periods: '1',
    periodFrom: '',
    periodTo: '',
  }));
  /** What the secretary typed herself is never overwritten by a new proposal. */
  const edited = useRef<Edited>({ amount: false, currency: false });
  const [periodEdited, setPeriodEdited] = useState(false);
  const [proposal, setProposal] = useState<PaymentProposal | null>(null);
  const [proposalError, setProposalError] = useState<unknown>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  /** Why a typed date is not one, per field; the stored value keeps the last real date meanwhile. */
  const [dateProblems, setDateProblems] = useState<FieldErrors>({});
  const dateFormat = useDateFormat(chapter.country);

  // After showModal(): from a member's page the member is known and the amount comes next.
  useEffect(() => {
    document.getElementById(fieldId(memberId ? 'amount' : 'memberId'))?.focus();
  }, [memberId]);

  useEffect(() => {
    if (!memberId) return;
    let current = true;
    api.call('members.get', { id: memberId }).then(
      (found) => {
        if (current) setMember(found);
      },
      (failure: unknown) => {
        if (current) setMemberError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [memberId]);

  const periods = parsePeriods(values.periods);
  const proposeFor = useDebouncedValue(
    values.memberId && /^\d{4}-\d{2}-\d{2}$/.test(values.paidOn) && periods !== null
      ? `${values.memberId}|${values.paidOn}|${periods}`
      : '',
    PROPOSE_DELAY_MS,
  );

  const locale = format.locale;
  useEffect(() => {
    if (!proposeFor) return;
    const [id, paidOn, count] = proposeFor.split('|') as [string, string, string];
    let current = true;
    api.call('payments.propose', { memberId: id, paidOn, periods: Number(count) }).then(
      (found) => {
        if (!current) return;
        setProposal(found);
        setProposalError(null);
        setValues((v) => ({
          ...v,
          ...(edited.current.currency ? {} : { currency: found.currency }),
          ...(edited.current.amount
            ? {}
            : { amount: amountInputText(found.amountMinor, found.currency, locale) }),
        }));
      },
      (failure: unknown) => {
        if (!current) return;
        setProposal(null);
        setProposalError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [proposeFor, locale]);

  const currentProposal = proposal && proposal.memberId === values.memberId ? proposal : null;
  const proposedType = currentProposal?.typeId
    ? (types.find((type) => type.id === currentProposal.typeId) ?? null)
    : null;
  const proposedPeriod = currentProposal
    ? autoPeriod(currentProposal, proposedType, values.amount, values.currency, periods)
    : null;
  // Until the secretary types a period of her own, the period follows the member, date and amount.
  const periodFrom = periodEdited ? values.periodFrom : (proposedPeriod?.from ?? '');
  const periodTo = periodEdited ? values.periodTo : (proposedPeriod?.to ?? '');

  const editPeriod = (field: 'periodFrom' | 'periodTo', value: string) => {
    setValues((current) => ({ ...current, periodFrom, periodTo, [field]: value }));
    setPeriodEdited(true);
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  const setValue = <F extends keyof PaymentFormValues>(field: F, value: PaymentFormValues[F]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const typedDates = Object.fromEntries(Object.entries(dateProblems).filter(([, problem]) => problem));
    if (Object.keys(typedDates).length > 0) {
      showErrors(typedDates);
      return;
    }
    const checked = checkPayment({ ...values, periodFrom, periodTo }, t);
    if ('errors' in checked) {
      showErrors(checked.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      onRecorded(await api.call('payments.record', checked.input));
    } catch (failure) {
      const apiError = toApiError(failure);
      if (apiError.fields.length > 0) showErrors(serverErrors(apiError.fields, t));
      else setFormError(apiError);
      setSaving(false);
    }
  };

  const field = (
    name: string,
    label: string,
    render: (control: ControlProps) => ReactNode,
    { hint, wide = false }: { hint?: string | undefined; wide?: boolean } = {},
  ) => (
    <Field
      id={fieldId(name)}
      name={name}
      label={label}
      error={errors[name]}
      hint={hint}
      className={wide ? 'field--wide' : undefined}
    >
      {render}
    </Field>
  );

  const dateInput = (control: ControlProps, value: string, onIso: (iso: string) => void) => (
    <DateInput
      control={control}
      value={value}
      format={dateFormat}
      onChange={(iso, problem) => {
        setDateProblems((current) => ({ ...current, [control.name]: problem ?? undefined }));
        if (iso !== null) onIso(iso);
      }}
      onLeave={(problem) => {
        if (problem) setErrors((current) => ({ ...current, [control.name]: problem }));
      }}
    />
  );

  const standing = currentProposal && (
    <p className="payment-standing" data-testid="payment-standing">
      <StatusBadge status={currentProposal.status} />
      <span>
        {currentProposal.paidThrough
          ? t('payments.standing.paidThrough', { date: format.date(currentProposal.paidThrough) })
          : t('payments.standing.never')}
        {currentProposal.typeName && ` · ${currentProposal.typeName}`}
      </span>
    </p>
  );

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="payment-form-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <h2 id="payment-form-title" className="dialog__title">
          {t('payments.record')}
        </h2>
        {memberError !== null && <ErrorBanner error={memberError} />}
        {formError !== null && <ErrorBanner error={formError} onDismiss={() => setFormError(null)} />}
        {Object.keys(errors).length > 0 && (
          <p className="form__summary" role="alert">
            {t('errors.fixFields')}
          </p>
        )}
        <div className="form__grid">
          {field(
            'memberId',
            t('payments.member.label'),
            (control) => (
              <MemberCombobox
                control={control}
                selected={member}
                placeholder={t('members.searchPlaceholder')}
                onSelect={(chosen) => {
                  setMember(chosen);
                  setValue('memberId', chosen?.id ?? null);
                  if (!chosen) setProposal(null);
                }}
              />
            ),
            { wide: true },
          )}
          {(standing || proposalError !== null) && (
            <div className="field--wide payment-proposal" aria-live="polite">
              {standing}
              {proposalError !== null && (
                <p className="field__hint">
                  {t('payments.noProposal', { reason: wordError(proposalError, t).text })}
                </p>
              )}
            </div>
          )}
          {field(
            'amount',
            t('payments.amount'),
            (control) => (
              <input
                {...control}
                className="input"
                inputMode="decimal"
                autoComplete="off"
                value={values.amount}
                onChange={(event) => {
                  edited.current.amount = true;
                  setValue('amount', event.target.value);
                }}
              />
            ),
            {
              hint:
                currentProposal && currentProposal.amountMinor > 0
                  ? t('payments.amountProposed', {
                      amount: format.money(currentProposal.amountMinor, currentProposal.currency),
                    })
                  : undefined,
            },
          )}
          {field('currency', t('payments.currency'), (control) => (
            <input
              {...control}
              className="input input--code"
              autoComplete="off"
              maxLength={3}
              spellCheck={false}
              value={values.currency}
              onChange={(event) => {
                edited.current.currency = true;
                setValue('currency', event.target.value.toUpperCase());
              }}
            />
          ))}
          {field('method', t('payments.method'), (control) => (
            <select
              {...control}
              className="input"
              value={values.method}
              onChange={(event) => {
                const method = PAYMENT_METHODS.find((m) => m === event.target.value);
                if (method) setValue('method', method);
              }}
            >
              {PAYMENT_METHODS.map((method) => (
                <option key={method} value={method}>
                  {t(`payments.methods.${method}`)}
                </option>
              ))}
            </select>
          ))}
          {field(
            'reference',
            t('payments.reference'),
            (control) => (
              <input
                {...control}
                className="input"
                autoComplete="off"
                spellCheck={false}
                maxLength={100}
                value={values.reference}
                onChange={(event) => setValue('reference', event.target.value)}
              />
            ),
            { hint: t('payments.referenceHint') },
          )}
          {field('paidOn', t('payments.paidOn'), (control) =>
            dateInput(control, values.paidOn, (iso) => setValue('paidOn', iso)),
          )}
          {field('periods', t('payments.periods'), (control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={100}
              step={1}
              inputMode="numeric"
              className="input"
              value={values.periods}
              onChange={(event) => setValue('periods', event.target.value)}
            />
          ))}
          {field('periodFrom', t('payments.periodFrom'), (control) =>
            dateInput(control, periodFrom, (iso) => editPeriod('periodFrom', iso)),
          )}
          {field('periodTo', t('payments.periodTo'), (control) =>
            dateInput(control, periodTo, (iso) => editPeriod('periodTo', iso)),
          )}
          {periodEdited && proposedPeriod && (
            <p className="field--wide payment-proposal">
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setPeriodEdited(false);
                  setErrors(({ periodFrom: _from, periodTo: _to, ...rest }) => rest);
                }}
              >
                {t('payments.useProposedPeriod', {
                  from: format.date(proposedPeriod.from),
                  to: format.date(proposedPeriod.to),
                })}
              </button>
            </p>
          )}
          {!periodEdited && currentProposal && !proposedPeriod && (
            <p className="field--wide field__hint payment-proposal" data-testid="no-period">
              {currentProposal.status === 'honorary' || currentProposal.status === 'lifetime'
                ? t('payments.noPeriodPerpetual')
                : t('payments.noPeriodSmall')}
            </p>
          )}
        </div>
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('common.saving') : t('payments.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
