import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/domain';
import { toApiError } from '../api/ApiError';
import { api } from '../api/client';
import { checkEnrolment, type EnrolField, type EnrolValues } from '../forms/enrolForm';
import { serverErrors, type FieldErrors } from '../forms/fieldErrors';
import { EnrolErrorBanner } from './EnrolErrorBanner';
import { Field } from './Field';

interface ConnectFormProps {
  /** Keeps field ids unique when two forms could share a page. */
  idPrefix: string;
  /** Joining a chapter from the server also records who uses this laptop. */
  askName: boolean;
  initialServerUrl?: string | undefined;
  submitLabel: string;
  busyLabel: string;
  onEnrolled: (status: SyncStatus) => void;
  /** Further buttons beside the submit one (a Cancel). */
  extraActions?: ReactNode;
}

export function ConnectForm({
  idPrefix,
  askName,
  initialServerUrl = '',
  submitLabel,
  busyLabel,
  onEnrolled,
  extraActions,
}: ConnectFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<EnrolValues>({
    serverUrl: initialServerUrl,
    code: '',
    officerName: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = (field: string) => `${idPrefix}-${field}`;

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const firstField = Object.keys(found)[0];
    if (firstField) document.getElementById(fieldId(firstField))?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = checkEnrolment(values, askName, t);
    if ('errors' in checked) {
      showErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onEnrolled(await api.call('sync.enroll', checked.input));
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.fields.length > 0) showErrors(serverErrors(apiError.fields, t));
      else setFailure(apiError);
    } finally {
      setBusy(false);
    }
  };

  /** Addresses and codes read left to right in every language. */
  const text = (name: EnrolField, label: string, hint: string, autoComplete: string, technical: boolean) => (
    <Field id={fieldId(name)} name={name} label={label} error={errors[name]} hint={hint}>
      {(control) => (
        <input
          {...control}
          type={name === 'serverUrl' ? 'url' : 'text'}
          dir={technical ? 'ltr' : undefined}
          className="input"
          autoComplete={autoComplete}
          spellCheck={false}
          value={values[name]}
          onChange={(event) => {
            setValues((current) => ({ ...current, [name]: event.target.value }));
            setErrors(({ [name]: _fixed, ...rest }) => rest);
          }}
        />
      )}
    </Field>
  );

  return (
    <form className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
      {failure !== null && <EnrolErrorBanner error={failure} onDismiss={() => setFailure(null)} />}
      {text('serverUrl', t('settings.serverUrl'), t('settings.serverUrlHint'), 'url', true)}
      {text('code', t('settings.code'), t('settings.codeHint'), 'one-time-code', true)}
      {askName && text('officerName', t('setup.officerName'), t('setup.officerNameHint'), 'name', false)}
      <div className="form__actions">
        {extraActions}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
