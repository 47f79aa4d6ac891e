import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CUSTOM_FIELD_KINDS,
  customFieldChoices,
  customFieldLabel,
  type CustomField,
  type CustomFieldKind,
} from '../../../shared/custom-fields';
import { toApiError } from '../api/ApiError';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { schemaErrors, serverErrors, type FieldErrors } from '../forms/fieldErrors';
import { useModalDialog } from '../dues/useModalDialog';

interface CustomFieldDialogProps {
  /** Absent when adding a field. */
  field?: CustomField;
  onClose: () => void;
  onSaved: (field: CustomField) => void;
}

const fieldId = (name: string) => `custom-field-${name}`;

/** The choices as typed, one per line, blank lines left out. */
const choiceLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function CustomFieldDialog({ field, onClose, onSaved }: CustomFieldDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useModalDialog();
  const [label, setLabel] = useState(field?.label ?? '');
  const [kind, setKind] = useState<CustomFieldKind>(field?.kind ?? 'text');
  const [choices, setChoices] = useState(field?.choices.join('\n') ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    document.getElementById(fieldId('label'))?.focus();
  }, []);

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const list = choiceLines(choices);
    const checked = {
      label: customFieldLabel.safeParse(label),
      choices: kind === 'choice' ? customFieldChoices.safeParse(list) : null,
    };
    // Each schema checks one value: its first issue, whatever its path, is the field's.
    const found: FieldErrors = {};
    if (!checked.label.success) found['label'] = Object.values(schemaErrors(checked.label.error, t))[0];
    if (checked.choices && !checked.choices.success) {
      found['choices'] = Object.values(schemaErrors(checked.choices.error, t))[0];
    }
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const withChoices = kind === 'choice' ? { choices: list } : {};
      const saved = field
        ? await api.call('customFields.update', {
            id: field.id,
            ...(label.trim() !== field.label ? { label } : {}),
            ...(kind === 'choice' && list.join('\n') !== field.choices.join('\n') ? withChoices : {}),
          })
        : await api.call('customFields.create', { label, kind, ...withChoices });
      onSaved(saved);
    } catch (failure) {
      const apiError = toApiError(failure);
      if (apiError.fields.length > 0) showErrors(serverErrors(apiError.fields, t));
      else setFormError(apiError);
      setSaving(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="custom-field-form-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <h2 id="custom-field-form-title" className="dialog__title">
          {field ? t('customFields.editTitle', { label: field.label }) : t('customFields.addTitle')}
        </h2>
        {formError !== null && <ErrorBanner error={formError} onDismiss={() => setFormError(null)} />}
        {Object.keys(errors).length > 0 && (
          <p className="form__summary" role="alert">
            {t('errors.fixFields')}
          </p>
        )}
        <div className="form__grid">
          <Field id={fieldId('label')} name="label" label={t('customFields.label')} error={errors['label']}>
            {(control) => (
              <input
                {...control}
                className="input"
                autoComplete="off"
                maxLength={80}
                value={label}
                onChange={(event) => {
                  setLabel(event.target.value);
                  setErrors(({ label: _fixed, ...rest }) => rest);
                }}
              />
            )}
          </Field>
          <Field
            id={fieldId('kind')}
            name="kind"
            label={t('customFields.kind')}
            hint={t('customFields.kindHint')}
          >
            {(control) => (
              <select
                {...control}
                className="input"
                value={kind}
                disabled={field !== undefined}
                onChange={(event) => {
                  const next = CUSTOM_FIELD_KINDS.find((k) => k === event.target.value);
                  if (next) setKind(next);
                }}
              >
                {CUSTOM_FIELD_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`customFields.kinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {kind === 'choice' && (
            <Field
              id={fieldId('choices')}
              name="choices"
              label={t('customFields.choices')}
              hint={t('customFields.choicesHint')}
              error={errors['choices']}
              className="field--wide"
            >
              {(control) => (
                <textarea
                  {...control}
                  className="input"
                  rows={5}
                  value={choices}
                  onChange={(event) => {
                    setChoices(event.target.value);
                    setErrors(({ choices: _fixed, ...rest }) => rest);
                  }}
                />
              )}
            </Field>
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
