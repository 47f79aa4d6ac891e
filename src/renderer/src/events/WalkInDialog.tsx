import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInResult } from '../../../shared/events';
import { toApiError } from '../api/ApiError';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import type { FieldErrors } from '../forms/fieldErrors';
import { eventServerErrors } from './eventForm';
import { GuestFields, checkGuest, emptyGuest, type GuestValues } from './GuestFields';
import { useDialog } from './useDialog';

interface WalkInDialogProps {
  eventId: string;
  /** What was typed in the search box, as a first guess at the name. */
  name: string;
  returnTo: () => HTMLElement | null;
  onClose: () => void;
  onCheckedIn: (result: CheckInResult) => void;
}

/** Someone at the door who is on no list and not a member: checked in as a guest in one step. */
export function WalkInDialog({ eventId, name, returnTo, onClose, onCheckedIn }: WalkInDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useDialog(undefined, returnTo);
  const [values, setValues] = useState<GuestValues>(() => ({ ...emptyGuest, guestName: name }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  // With a name already typed, the email comes next.
  useEffect(() => {
    document.getElementById(name ? 'walk-in-guestEmail' : 'walk-in-guestName')?.focus();
  }, [name]);

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(`walk-in-${first}`)?.focus();
  };

  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault();
    setFormError(null);
    const checked = checkGuest(values, t);
    if ('errors' in checked) {
      showErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      onCheckedIn(await api.call('events.checkIn', { eventId, ...checked.input }));
    } catch (failure) {
      const apiError = toApiError(failure);
      const found = eventServerErrors(apiError.fields, t);
      if (Object.keys(found).some((field) => field.startsWith('guest'))) showErrors(found);
      else setFormError(apiError);
      setSaving(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog--narrow"
      aria-labelledby="walk-in-title"
      onCancel={(cancelled) => {
        cancelled.preventDefault();
        onClose();
      }}
    >
      <form className="form" noValidate onSubmit={(submitted) => void submit(submitted)}>
        <h2 id="walk-in-title" className="dialog__title">
          {t('events.walkIn.title')}
        </h2>
        <p className="muted">{t('events.walkIn.intro')}</p>
        {formError !== null && <ErrorBanner error={formError} onDismiss={() => setFormError(null)} />}
        <div className="form__grid form__grid--single">
          <GuestFields
            idPrefix="walk-in"
            values={values}
            errors={errors}
            onChange={(next, field) => {
              setValues(next);
              setErrors(({ [field]: _fixed, ...rest }) => rest);
            }}
          />
        </div>
        <div className="form__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('events.walkIn.saving') : t('events.walkIn.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
