import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Payment, PaymentReceipt } from '../../../shared/payments';
import { toApiError } from '../api/ApiError';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { serverErrors } from '../forms/fieldErrors';
import { useFormat } from '../i18n/useFormat';
import { useModalDialog } from './useModalDialog';

interface VoidPaymentDialogProps {
  payment: Payment;
  onClose: () => void;
  onVoided: (receipt: PaymentReceipt) => void;
  /** Where the focus goes once the payment's Void button is gone. */
  returnFocus?: () => HTMLElement | null;
}

/** A payment is never deleted: voiding keeps it, struck through, with the reason. */
export function VoidPaymentDialog({ payment, onClose, onVoided, returnFocus }: VoidPaymentDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const dialogRef = useModalDialog(returnFocus);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    document.getElementById('void-reason')?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (!reason.trim()) {
      setError(t('validation.reason'));
      document.getElementById('void-reason')?.focus();
      return;
    }
    setSaving(true);
    try {
      onVoided(await api.call('payments.void', { id: payment.id, reason: reason.trim() }));
    } catch (failure) {
      const apiError = toApiError(failure);
      const fieldError = serverErrors(apiError.fields, t)['reason'];
      if (fieldError) setError(fieldError);
      else setFormError(apiError);
      setSaving(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog--small"
      aria-labelledby="void-title"
      aria-describedby="void-what"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <h2 id="void-title" className="dialog__title">
          {t('payments.voidTitle', { receipt: payment.receiptNumber })}
        </h2>
        <p id="void-what" className="muted">
          {t('payments.voidWhat', {
            amount: format.money(payment.amountMinor, payment.currency),
            date: format.date(payment.paidOn),
          })}
        </p>
        {formError !== null && <ErrorBanner error={formError} onDismiss={() => setFormError(null)} />}
        <Field id="void-reason" name="reason" label={t('payments.voidReason')} error={error}>
          {(control) => (
            <textarea
              {...control}
              className="input"
              rows={3}
              maxLength={500}
              required
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                setError(undefined);
              }}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--danger" disabled={saving}>
            {saving ? t('payments.voiding') : t('payments.voidConfirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
