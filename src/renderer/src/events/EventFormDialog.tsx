import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, type ChapterEvent } from '../../../shared/events';
import { toApiError } from '../api/ApiError';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field, type ControlProps } from '../components/Field';
import type { FieldErrors } from '../forms/fieldErrors';
import {
  checkEvent,
  eventFormValues,
  eventPatch,
  eventServerErrors,
  type EventFormValues,
} from './eventForm';
import { addMinutes, minutesBetween, zoneOf } from './eventTime';
import { useDialog } from './useDialog';

interface EventFormDialogProps {
  /** Absent for a new event. */
  event?: ChapterEvent;
  /** The chapter's zone, in which the times are typed. */
  timeZone: string | null;
  onClose: () => void;
  onSaved: (event: ChapterEvent) => void;
}

const fieldId = (field: string) => `event-${field}`;

export function EventFormDialog({ event, timeZone, onClose, onSaved }: EventFormDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useDialog();
  const zone = event ? event.timeZone : timeZone;
  const [initial] = useState(() => eventFormValues(event ?? null, zone, new Date()));
  const [values, setValues] = useState(initial);
  /** Until the end is typed, it follows the start and keeps the event's length. */
  const [endEdited, setEndEdited] = useState(Boolean(event));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    document.getElementById(fieldId('title'))?.focus();
  }, []);

  const setValue = <F extends keyof EventFormValues>(field: F, value: EventFormValues[F]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  const setStart = (startsAt: string) => {
    setValues((current) => {
      const length = minutesBetween(current.startsAt, current.endsAt);
      const endsAt =
        !endEdited && length !== null && length >= 0 && startsAt
          ? addMinutes(startsAt, length)
          : current.endsAt;
      return { ...current, startsAt, endsAt };
    });
    setErrors(({ startsAt: _start, ...rest }) => rest);
  };

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault();
    setFormError(null);
    const checked = checkEvent(values, t);
    if ('errors' in checked) {
      showErrors(checked.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      if (event) {
        const patch = eventPatch(initial, values, checked.input);
        onSaved(
          Object.keys(patch).length === 0 ? event : await api.call('events.update', { id: event.id, patch }),
        );
      } else {
        onSaved(await api.call('events.create', checked.input));
      }
    } catch (failure) {
      const apiError = toApiError(failure);
      const found = eventServerErrors(apiError.fields, t);
      if (Object.keys(found).some((field) => document.getElementById(fieldId(field)))) showErrors(found);
      else setFormError(apiError);
      setSaving(false);
    }
  };

  const field = (
    name: keyof EventFormValues,
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

  const zoneName = zoneOf(zone).replaceAll('_', ' ');
  const title = event ? t('events.form.editTitle') : t('events.form.createTitle');
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="event-form-title"
      onCancel={(cancelled) => {
        cancelled.preventDefault();
        onClose();
      }}
    >
      <form className="form" noValidate onSubmit={(submitted) => void submit(submitted)}>
        <h2 id="event-form-title" className="dialog__title">
          {title}
        </h2>
        {formError !== null && <ErrorBanner error={formError} onDismiss={() => setFormError(null)} />}
        {Object.keys(errors).length > 0 && (
          <p className="form__summary" role="alert">
            {t('errors.fixFields')}
          </p>
        )}
        <div className="form__grid">
          {field(
            'title',
            t('events.fields.title'),
            (control) => (
              <input
                {...control}
                className="input"
                autoComplete="off"
                maxLength={200}
                value={values.title}
                onChange={(changed) => setValue('title', changed.target.value)}
              />
            ),
            { wide: true },
          )}
          {field('kind', t('events.fields.kind'), (control) => (
            <select
              {...control}
              className="input"
              value={values.kind}
              onChange={(changed) => {
                const kind = EVENT_KINDS.find((k) => k === changed.target.value);
                if (kind) setValue('kind', kind);
              }}
            >
              {EVENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`events.kinds.${kind}`)}
                </option>
              ))}
            </select>
          ))}
          {field(
            'capacity',
            t('events.fields.capacity'),
            (control) => (
              <input
                {...control}
                type="number"
                min={1}
                step={1}
                inputMode="numeric"
                className="input"
                value={values.capacity}
                onChange={(changed) => setValue('capacity', changed.target.value)}
              />
            ),
            { hint: t('events.form.capacityHint') },
          )}
          {field(
            'startsAt',
            t('events.fields.startsAt'),
            (control) => (
              <input
                {...control}
                type="datetime-local"
                className="input"
                value={values.startsAt}
                onChange={(changed) => setStart(changed.target.value)}
              />
            ),
            { hint: t('events.form.zoneHint', { zone: zoneName }) },
          )}
          {field('endsAt', t('events.fields.endsAt'), (control) => (
            <input
              {...control}
              type="datetime-local"
              className="input"
              min={values.startsAt || undefined}
              value={values.endsAt}
              onChange={(changed) => {
                setEndEdited(true);
                setValue('endsAt', changed.target.value);
              }}
            />
          ))}
          {field('venue', t('events.fields.venue'), (control) => (
            <input
              {...control}
              className="input"
              autoComplete="off"
              maxLength={500}
              value={values.venue}
              onChange={(changed) => setValue('venue', changed.target.value)}
            />
          ))}
          {field('onlineLink', t('events.fields.onlineLink'), (control) => (
            <input
              {...control}
              type="url"
              className="input"
              autoComplete="off"
              spellCheck={false}
              // A link's scheme reads the same in every language.
              // eslint-disable-next-line no-restricted-syntax
              placeholder="https://"
              value={values.onlineLink}
              onChange={(changed) => setValue('onlineLink', changed.target.value)}
            />
          ))}
          {values.kind === 'agm' &&
            field(
              'quorum',
              t('events.fields.quorum'),
              (control) => (
                <input
                  {...control}
                  className="input"
                  autoComplete="off"
                  inputMode="decimal"
                  value={values.quorum}
                  onChange={(changed) => setValue('quorum', changed.target.value)}
                />
              ),
              { hint: t('events.form.quorumHint') },
            )}
          {field(
            'description',
            t('events.fields.description'),
            (control) => (
              <textarea
                {...control}
                className="input"
                rows={2}
                maxLength={5000}
                value={values.description}
                onChange={(changed) => setValue('description', changed.target.value)}
              />
            ),
            { wide: true },
          )}
        </div>
        <div className="form__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('common.saving') : event ? t('common.save') : t('events.form.create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
