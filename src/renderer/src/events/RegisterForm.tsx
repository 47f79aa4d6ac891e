import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/domain';
import type { Attendee } from '../../../shared/events';
import { toApiError } from '../api/ApiError';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { MemberCombobox } from '../dues/MemberCombobox';
import type { FieldErrors } from '../forms/fieldErrors';
import { eventServerErrors } from './eventForm';
import { GuestFields, checkGuest, emptyGuest, type GuestValues } from './GuestFields';

type Who = 'member' | 'guest';

interface RegisterFormProps {
  eventId: string;
  onRegistered: (attendee: Attendee) => void;
}

const focus = (field: string) => document.getElementById(`register-${field}`)?.focus();

/** Registers a member found by search, or a guest by name, email and phone. */
export function RegisterForm({ eventId, onRegistered }: RegisterFormProps) {
  const { t } = useTranslation();
  const [who, setWho] = useState<Who>('member');
  const [member, setMember] = useState<Member | null>(null);
  const [guest, setGuest] = useState<GuestValues>(emptyGuest);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  /** Bumped after each registration so the member search starts empty again. */
  const [round, setRound] = useState(0);

  const nextFocus = useRef<string | null>(null);

  // After a registration the form is fresh (the member search remounts): ready for the next person.
  useEffect(() => {
    if (nextFocus.current) focus(nextFocus.current);
    nextFocus.current = null;
  }, [round]);

  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault();
    setFormError(null);
    let input;
    if (who === 'member') {
      if (!member) {
        setErrors({ memberId: t('validation.memberId') });
        focus('memberId');
        return;
      }
      input = { eventId, memberId: member.id };
    } else {
      const checked = checkGuest(guest, t);
      if ('errors' in checked) {
        setErrors(checked.errors);
        focus(Object.keys(checked.errors)[0] ?? 'guestName');
        return;
      }
      input = { eventId, ...checked.input };
    }
    setErrors({});
    setSaving(true);
    try {
      const attendee = await api.call('events.register', input);
      setMember(null);
      setGuest(emptyGuest);
      nextFocus.current = who === 'member' ? 'memberId' : 'guestName';
      setRound((n) => n + 1);
      onRegistered(attendee);
    } catch (failure) {
      const apiError = toApiError(failure);
      const found = eventServerErrors(apiError.fields, t);
      if (Object.keys(found).length > 0) {
        setErrors(found);
        focus(Object.keys(found)[0] ?? '');
      } else if (apiError.problem?.code === 'ALREADY_REGISTERED') {
        const field = who === 'member' ? 'memberId' : 'guestName';
        setErrors({ [field]: t('events.register.already') });
        focus(field);
      } else setFormError(apiError);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(submitted) => void submit(submitted)}
      aria-labelledby="register-title"
    >
      <div className="events-section-heading">
        <h2 id="register-title">{t('events.register.title')}</h2>
        <div className="segmented" role="group" aria-label={t('events.register.who')}>
          {(['member', 'guest'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className="segmented__option"
              aria-pressed={who === option}
              onClick={() => {
                setWho(option);
                setErrors({});
              }}
            >
              {t(`events.register.${option}`)}
            </button>
          ))}
        </div>
      </div>
      {formError !== null && <ErrorBanner error={formError} onDismiss={() => setFormError(null)} />}
      {who === 'member' ? (
        <Field
          id="register-memberId"
          name="memberId"
          label={t('events.register.memberLabel')}
          error={errors['memberId']}
        >
          {(control) => (
            <div className="register-row">
              <MemberCombobox
                key={round}
                control={control}
                selected={member}
                placeholder={t('members.searchPlaceholder')}
                onSelect={(chosen) => {
                  setMember(chosen);
                  setErrors({});
                }}
              />
              <button type="submit" className="button button--primary" disabled={saving}>
                {saving ? t('events.register.saving') : t('events.register.submit')}
              </button>
            </div>
          )}
        </Field>
      ) : (
        <>
          <div className="form__grid">
            <GuestFields
              idPrefix="register"
              values={guest}
              errors={errors}
              onChange={(next, field) => {
                setGuest(next);
                setErrors(({ [field]: _fixed, ...rest }) => rest);
              }}
            />
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? t('events.register.saving') : t('events.register.submitGuest')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
