import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import type { FieldErrors } from '../forms/fieldErrors';

export interface GuestValues {
  guestName: string;
  guestEmail: string;
  guestPhone: string;
}

export const emptyGuest: GuestValues = { guestName: '', guestEmail: '', guestPhone: '' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkGuest(
  values: GuestValues,
  t: TFunction,
): { input: { guestName: string; guestEmail?: string; guestPhone?: string } } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = values.guestName.trim();
  const email = values.guestEmail.trim();
  const phone = values.guestPhone.trim();
  if (!name) errors['guestName'] = t('events.validation.guestName');
  else if (name.length > 200) errors['guestName'] = t('validation.tooLong', { max: 200 });
  if (email && !EMAIL.test(email)) errors['guestEmail'] = t('events.validation.email');
  if (phone.length > 60) errors['guestPhone'] = t('validation.tooLong', { max: 60 });
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      guestName: name,
      ...(email ? { guestEmail: email } : {}),
      ...(phone ? { guestPhone: phone } : {}),
    },
  };
}

interface GuestFieldsProps {
  idPrefix: string;
  values: GuestValues;
  errors: FieldErrors;
  onChange: (values: GuestValues, field: keyof GuestValues) => void;
}

/** Name, email and phone of someone who is not a member (yet). */
export function GuestFields({ idPrefix, values, errors, onChange }: GuestFieldsProps) {
  const { t } = useTranslation();
  const fields = [
    { name: 'guestName', label: t('events.guest.name'), type: 'text' },
    { name: 'guestEmail', label: t('events.guest.email'), type: 'email' },
    { name: 'guestPhone', label: t('events.guest.phone'), type: 'tel' },
  ] as const;
  return (
    <>
      {fields.map((field) => (
        <Field
          key={field.name}
          id={`${idPrefix}-${field.name}`}
          name={field.name}
          label={field.label}
          error={errors[field.name]}
        >
          {(control) => (
            <input
              {...control}
              type={field.type}
              className="input"
              autoComplete="off"
              spellCheck={false}
              maxLength={field.name === 'guestEmail' ? 320 : field.name === 'guestPhone' ? 60 : 200}
              value={values[field.name]}
              onChange={(changed) => onChange({ ...values, [field.name]: changed.target.value }, field.name)}
            />
          )}
        </Field>
      ))}
    </>
  );
}
