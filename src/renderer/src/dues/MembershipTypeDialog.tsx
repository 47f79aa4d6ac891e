import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBERSHIP_KINDS, type MembershipKind } from '../../../shared/dues/status';
import type { Chapter } from '../../../shared/domain';
import type { MembershipType } from '../../../shared/payments';
import { toApiError } from '../api/ApiError';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field, type ControlProps } from '../components/Field';
import { serverErrors, type FieldErrors } from '../forms/fieldErrors';
import { useFormat } from '../i18n/useFormat';
import { checkType, isPerpetual, typeFormValues, type TypeFormValues } from './typeForm';
import { useModalDialog } from './useModalDialog';

interface MembershipTypeDialogProps {
  /** Absent when adding a type. */
  type?: MembershipType;
  /** What a new type starts with: a category of an imported file, its kind read from its name. */
  proposed?: { name: string; kind: MembershipKind | null };
  chapter: Chapter;
  onClose: () => void;
  onSaved: (type: MembershipType) => void;
}

const fieldId = (field: string) => `type-${field}`;

export function MembershipTypeDialog({
  type,
  proposed,
  chapter,
  onClose,
  onSaved,
}: MembershipTypeDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useModalDialog();
  const format = useFormat();
  const [initial] = useState(() => {
    const values = typeFormValues(type, chapter.currency, format.locale);
    return proposed && !type
      ? { ...values, name: proposed.name, kind: proposed.kind ?? values.kind }
      : values;
  });
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const perpetual = isPerpetual(values.kind);

  useEffect(() => {
    document.getElementById(fieldId('name'))?.focus();
  }, []);

  const setValue = <F extends keyof TypeFormValues>(field: F, value: TypeFormValues[F]) => {
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
    const checked = checkType(values, t);
    if ('errors' in checked) {
      showErrors(checked.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const { input } = checked;
      let saved: MembershipType;
      if (type) {
        const before = checkType(initial, t);
        const patch = Object.fromEntries(
          Object.entries(input).filter(([key, value]) =>
            'input' in before ? before.input[key as keyof typeof input] !== value : true,
          ),
        );
        saved =
          Object.keys(patch).length === 0
            ? type
            : await api.call('membershipTypes.update', { id: type.id, patch });
      } else {
        saved = await api.call('membershipTypes.create', input);
      }
      onSaved(saved);
    } catch (failure) {
      const apiError = toApiError(failure);
      if (apiError.fields.length > 0) showErrors(serverErrors(apiError.fields, t));
      else setFormError(apiError);
      setSaving(false);
    }
  };

  const field = (name: keyof TypeFormValues, render: (control: ControlProps) => ReactNode, hint?: string) => (
    <Field id={fieldId(name)} name={name} label={t(`types.fields.${name}`)} error={errors[name]} hint={hint}>
      {render}
    </Field>
  );

  const text = (name: keyof TypeFormValues, control: ControlProps, extra: Record<string, unknown> = {}) => (
    <input
      {...control}
      {...extra}
      className="input"
      autoComplete="off"
      value={values[name]}
      onChange={(event) => setValue(name, event.target.value)}
    />
  );

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="type-form-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <h2 id="type-form-title" className="dialog__title">
          {t(type ? 'types.editTitle' : 'types.addTitle')}
        </h2>
        {formError !== null && <ErrorBanner error={formError} onDismiss={() => setFormError(null)} />}
        {Object.keys(errors).length > 0 && (
          <p className="form__summary" role="alert">
            {t('errors.fixFields')}
          </p>
        )}
        <div className="form__grid">
          {field('name', (c) => text('name', c, { maxLength: 200 }))}
          {field(
            'kind',
            (c) => (
              <select
                {...c}
                className="input"
                value={values.kind}
                onChange={(event) => {
                  const kind = MEMBERSHIP_KINDS.find((k) => k === event.target.value);
                  if (kind) setValue('kind', kind);
                }}
              >
                {MEMBERSHIP_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`types.kinds.${kind}`)}
                  </option>
                ))}
              </select>
            ),
            perpetual ? t('types.perpetualHint') : undefined,
          )}
          {field('fee', (c) => text('fee', c, { inputMode: 'decimal' }), t('types.feeHint'))}
          {field('currency', (c) => (
            <input
              {...c}
              className="input input--code"
              autoComplete="off"
              spellCheck={false}
              maxLength={3}
              value={values.currency}
              onChange={(event) => setValue('currency', event.target.value.toUpperCase())}
            />
          ))}
          {!perpetual &&
            field('periodMonths', (c) =>
              text('periodMonths', c, { type: 'number', min: 1, max: 1200, inputMode: 'numeric' }),
            )}
          {!perpetual &&
            field(
              'graceDays',
              (c) => text('graceDays', c, { type: 'number', min: 0, max: 3650, inputMode: 'numeric' }),
              t('types.graceHint', { count: chapter.graceDays }),
            )}
        </div>
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
