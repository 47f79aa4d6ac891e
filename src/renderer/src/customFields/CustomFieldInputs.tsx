import './customFields.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../shared/custom-fields';
import type { DateFormat } from '../../../shared/locale/dates';
import { api } from '../api/client';
import { Field } from '../components/Field';
import type { FieldErrors } from '../forms/fieldErrors';
import { DateInput } from '../locale/DateInput';

/** How the member form and the contract's errors name a field of the chapter's own. */
export const customKey = (fieldId: string) => `custom:${fieldId}`;

export interface CustomFieldForm {
  /** The fields in use, in order; empty until loaded (and when the chapter has none). */
  fields: CustomField[];
  values: Readonly<Record<string, string>>;
  setValue: (fieldId: string, value: string) => void;
  /** Why a typed date is not one, by field key, while it is not. */
  dateProblems: Readonly<Record<string, string>>;
  setDateProblem: (fieldId: string, problem: string | null) => void;
  /** The values that differ from the member's, by field id ('' empties one): what to save. */
  changed: () => Record<string, string | null>;
  loadError: unknown;
}

/** The member's values of the chapter's own fields, as the form edits them. */
export function useCustomFieldForm(memberId: string | undefined): CustomFieldForm {
  const [fields, setFields] = useState<CustomField[]>([]);
  const [initial, setInitial] = useState<Record<string, string>>({});
  const [values, setValues] = useState<Record<string, string>>({});
  const [dateProblems, setDateProblems] = useState<Record<string, string>>({});
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    Promise.all([
      api.call('customFields.list', undefined),
      memberId ? api.call('members.fieldValues', { id: memberId }) : Promise.resolve([]),
    ]).then(
      ([all, stored]) => {
        if (!current) return;
        const loaded = Object.fromEntries(stored.map((v) => [v.field.id, v.value]));
        setFields(all.filter((f) => !f.retired));
        setInitial(loaded);
        setValues(loaded);
      },
      (failure: unknown) => {
        if (current) setLoadError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [memberId]);

  return {
    fields,
    values,
    setValue: (fieldId, value) => setValues((now) => ({ ...now, [fieldId]: value })),
    dateProblems,
    setDateProblem: (fieldId, problem) =>
      setDateProblems(({ [customKey(fieldId)]: _fixed, ...rest }) =>
        problem === null ? rest : { ...rest, [customKey(fieldId)]: problem },
      ),
    changed: () =>
      Object.fromEntries(
        fields.flatMap((f) => {
          const value = values[f.id] ?? '';
          return value.trim() === (initial[f.id] ?? '') ? [] : [[f.id, value]];
        }),
      ),
    loadError,
  };
}

interface CustomFieldInputsProps {
  form: CustomFieldForm;
  errors: FieldErrors;
  dateFormat: DateFormat;
  /** A field was edited: its error, if any, no longer stands. */
  onEdited: (key: string) => void;
}

/** The inputs of the chapter's own fields in the member form, each as its kind asks. */
export function CustomFieldInputs({ form, errors, dateFormat, onEdited }: CustomFieldInputsProps) {
  const { t } = useTranslation();
  if (form.fields.length === 0) return null;
  const set = (field: CustomField, value: string) => {
    form.setValue(field.id, value);
    onEdited(customKey(field.id));
  };
  return (
    <fieldset className="form__custom" data-testid="custom-inputs">
      <legend>{t('customFields.formTitle')}</legend>
      <div className="form__grid">
        {form.fields.map((field) => {
          const key = customKey(field.id);
          const value = form.values[field.id] ?? '';
          return (
            <Field
              key={field.id}
              id={`member-${key}`}
              name={key}
              label={field.label}
              error={errors[key]}
              className={field.kind === 'text' ? 'field--wide' : undefined}
            >
              {(control) => {
                switch (field.kind) {
                  case 'date':
                    return (
                      <DateInput
                        control={control}
                        value={value}
                        format={dateFormat}
                        onChange={(iso, problem) => {
                          form.setDateProblem(field.id, problem);
                          if (iso !== null) set(field, iso);
                        }}
                      />
                    );
                  case 'yesno':
                  case 'choice': {
                    const options =
                      field.kind === 'yesno'
                        ? [
                            ['yes', t('common.yes')],
                            ['no', t('common.no')],
                          ]
                        : // A choice since removed from the list still shows as the member's.
                          [...field.choices, ...(value && !field.choices.includes(value) ? [value] : [])].map(
                            (choice) => [choice, choice],
                          );
                    return (
                      <select
                        {...control}
                        className="input"
                        value={value}
                        onChange={(event) => set(field, event.target.value)}
                      >
                        <option value="">{t('customFields.noValue')}</option>
                        {options.map(([option, words]) => (
                          <option key={option} value={option}>
                            {words}
                          </option>
                        ))}
                      </select>
                    );
                  }
                  default:
                    return (
                      <input
                        {...control}
                        className="input"
                        autoComplete="off"
                        inputMode={field.kind === 'number' ? 'decimal' : undefined}
                        maxLength={500}
                        value={value}
                        onChange={(event) => set(field, event.target.value)}
                      />
                    );
                }
              }}
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}
