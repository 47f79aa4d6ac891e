import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { memberCreateInput, memberFields, type Member, type MembershipType } from '../../../shared/domain';
import { normalisePhone } from '../../../shared/phone';
import { api } from '../api/client';
import { toApiError } from '../api/ApiError';
import { schemaErrors, serverErrors, type FieldErrors } from '../forms/fieldErrors';
import {
  changedFields,
  formValues,
  type ConsentField,
  type MemberFormValues,
  type TextField,
} from '../forms/memberFormValues';
import { DateInput, useDateFormat } from '../locale/DateInput';
import { OptionCombobox } from '../locale/OptionCombobox';
import { countryOptions } from '../locale/options';
import { ErrorBanner } from './ErrorBanner';
import { CustomFieldInputs, useCustomFieldForm } from '../customFields/CustomFieldInputs';
import { Field, type ControlProps } from './Field';
import { useModalDialog } from '../dues/useModalDialog';

interface MemberFormDialogProps {
  /** Absent when adding a member. */
  member?: Member;
  /** Prefilled values for a new member. */
  defaults?: Partial<Member>;
  types: MembershipType[];
  chapterCountry: string;
  onSaved: (member: Member) => void;
  onClose: () => void;
}

const fieldId = (field: string) => `member-${field}`;

export function MemberFormDialog({
  member,
  defaults,
  types,
  chapterCountry,
  onSaved,
  onClose,
}: MemberFormDialogProps) {
  const { t, i18n } = useTranslation();
  // Modal (the focus stays inside), and on closing the focus goes back to the button that opened
  // it: the dialog leaves the page with React, which would otherwise drop the focus to <body>.
  const dialogRef = useModalDialog();
  const [initial] = useState(() => formValues(member ?? defaults));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  /** Text typed in the country box that names no country (the stored country is then empty). */
  const [unknownCountry, setUnknownCountry] = useState(false);
  const countries = useMemo(
    () => countryOptions(i18n.resolvedLanguage ?? i18n.language),
    [i18n.resolvedLanguage, i18n.language],
  );
  /** Why the typed joining date is not a date; the stored value keeps the last real one meanwhile. */
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const dateFormat = useDateFormat(chapterCountry);
  /** The chapter's own fields: their values save with the member's. */
  const custom = useCustomFieldForm(member?.id);

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const firstField = Object.keys(found)[0];
    if (firstField) document.getElementById(fieldId(firstField))?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (dateProblem || unknownCountry || Object.keys(custom.dateProblems).length > 0) {
      showErrors({
        ...(unknownCountry ? { country: t('pickers.chooseCountry') } : {}),
        ...(dateProblem ? { joinedOn: dateProblem } : {}),
        ...custom.dateProblems,
      });
      return;
    }
    const input = member ? changedFields(initial, values) : values;
    const parsed = (member ? memberFields : memberCreateInput).safeParse(input);
    if (!parsed.success) {
      showErrors(schemaErrors(parsed.error, t));
      return;
    }
    const customFields = custom.changed();
    const withCustom = Object.keys(customFields).length > 0 ? { customFields } : {};
    if (member && Object.keys(parsed.data).length === 0 && !withCustom.customFields) {
      onClose();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const saved = member
        ? await api.call('members.update', { id: member.id, patch: parsed.data, ...withCustom })
        : await api.call('members.create', { ...parsed.data, ...withCustom });
      onSaved(saved);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.fields.length > 0) showErrors(serverErrors(apiError.fields, t));
      else setFormError(apiError);
      setSaving(false);
    }
  };

  const setValue = <F extends keyof MemberFormValues>(field: F, value: MemberFormValues[F]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  const text = (field: TextField, control: ControlProps, type = 'text', autoComplete = 'off') => (
    <input
      {...control}
      type={type}
      autoComplete={autoComplete}
      className="input"
      value={values[field]}
      onChange={(event) => setValue(field, event.target.value)}
    />
  );

  const field = (
    name: TextField,
    render: (control: ControlProps) => ReactNode,
    { hint, wide = false }: { hint?: string | undefined; wide?: boolean } = {},
  ) => (
    <Field
      id={fieldId(name)}
      name={name}
      label={t(`fields.${name}`)}
      error={errors[name]}
      hint={hint}
      className={wide ? 'field--wide' : undefined}
    >
      {render}
    </Field>
  );

  const consent = (name: ConsentField) => (
    <label className="checkbox">
      <input
        type="checkbox"
        id={fieldId(name)}
        name={name}
        checked={values[name]}
        onChange={(event) => setValue(name, event.target.checked)}
      />
      {t(`fields.${name}`)}
    </label>
  );

  const phoneAs = normalisePhone(values.phone, values.country || chapterCountry).e164;

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="member-form-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <h2 id="member-form-title" className="dialog__title">
          {t(member ? 'form.editTitle' : 'form.createTitle')}
        </h2>
        {formError !== null && <ErrorBanner error={formError} onDismiss={() => setFormError(null)} />}
        {Object.keys(errors).length > 0 && (
          <p className="form__summary" role="alert">
            {t('errors.fixFields')}
          </p>
        )}
        <div className="form__grid">
          {field('firstName', (c) => text('firstName', c))}
          {field('lastName', (c) => text('lastName', c))}
          {field('email', (c) => text('email', c, 'email'))}
          {field('phone', (c) => text('phone', c, 'tel'), {
            hint: phoneAs ? t('form.phoneAs', { phone: phoneAs }) : undefined,
          })}
          {field('memberNumber', (c) => text('memberNumber', c))}
          {field('typeId', (c) => (
            <select
              {...c}
              className="input"
              value={values.typeId}
              onChange={(event) => setValue('typeId', event.target.value)}
            >
              <option value="">{t('form.noType')}</option>
              {/* A retired type is given to no one new; a member who has it keeps it, named as retired. */}
              {types
                .filter((type) => !type.retired || type.id === member?.typeId)
                .map((type) => (
                  <option key={type.id} value={type.id}>
                    {type.retired ? t('types.retiredOption', { name: type.name }) : type.name}
                  </option>
                ))}
            </select>
          ))}
          {field('addressLine1', (c) => text('addressLine1', c, 'text', 'address-line1'), { wide: true })}
          {field('addressLine2', (c) => text('addressLine2', c, 'text', 'address-line2'), { wide: true })}
          {field('postalCode', (c) => text('postalCode', c, 'text', 'postal-code'))}
          {field('city', (c) => text('city', c, 'text', 'address-level2'))}
          {field('region', (c) => text('region', c, 'text', 'address-level1'))}
          {field(
            'country',
            (c) => (
              <OptionCombobox
                control={c}
                options={countries}
                value={values.country}
                onChange={(country, typed) => {
                  setUnknownCountry(!country && typed.trim() !== '');
                  setValue('country', country);
                }}
                autoComplete="country"
              />
            ),
            { hint: t('form.countryHint') },
          )}
          {field('organisation', (c) => text('organisation', c), { wide: true })}
          {field('joinedOn', (c) => (
            <DateInput
              control={c}
              value={values.joinedOn}
              format={dateFormat}
              onChange={(iso, problem) => {
                setDateProblem(problem);
                if (iso !== null) setValue('joinedOn', iso);
              }}
              onLeave={(problem) => {
                if (problem) setErrors((current) => ({ ...current, joinedOn: problem }));
              }}
            />
          ))}
          {field(
            'notes',
            (c) => (
              <textarea
                {...c}
                className="input"
                rows={3}
                value={values.notes}
                onChange={(event) => setValue('notes', event.target.value)}
              />
            ),
            { wide: true },
          )}
        </div>
        <CustomFieldInputs
          form={custom}
          errors={errors}
          dateFormat={dateFormat}
          onEdited={(key) => setErrors(({ [key]: _fixed, ...rest }) => rest)}
        />
        <fieldset className="form__consent">
          <legend>{t('form.consent')}</legend>
          {consent('consentEmail')}
          {consent('consentSms')}
        </fieldset>
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
