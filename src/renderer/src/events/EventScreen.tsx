import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../shared/events';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { useFormat } from '../i18n/useFormat';
import { PrintButton } from '../print/PrintButton';
import { AttendeeTable } from './AttendeeTable';
import { CancelledBadge, KindBadge } from './EventBits';
import { EventFormDialog } from './EventFormDialog';
import { foreignZone } from './eventTime';
import { ImportRegistrationsDialog } from './ImportRegistrationsDialog';
import { QuorumLine } from './QuorumLine';
import { RegisterForm } from './RegisterForm';
import { useEventTime } from './useEventTime';

interface EventScreenProps {
  id: string;
  dataVersion: number;
  onBack: () => void;
  onChanged: () => void;
  onOpenEvent: (id: string) => void;
  onOpenMember: (id: string) => void;
  onCheckIn: () => void;
  onNotice: (text: string) => void;
}

export function EventScreen({
  id,
  dataVersion,
  onBack,
  onChanged,
  onOpenEvent,
  onOpenMember,
  onCheckIn,
  onNotice,
}: EventScreenProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const time = useEventTime();
  const [event, setEvent] = useState<EventDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [editing, setEditing] = useState(false);
  const [importing, setImporting] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  /** "Keep it" was answered: the Cancel event button, back on screen, takes the focus again. */
  const backToCancel = useRef(false);

  useEffect(() => {
    if (confirmCancel || !backToCancel.current) return;
    backToCancel.current = false;
    cancelRef.current?.focus();
  }, [confirmCancel]);

  useEffect(() => {
    let current = true;
    api.call('events.get', { id }).then(
      (found) => {
        if (!current) return;
        setEvent(found);
        setLoadError(null);
      },
      (failure: unknown) => {
        if (current) setLoadError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [id, dataVersion, attempt]);

  // The heading takes the focus when the page opens, so keyboard and screen-reader users know where they are.
  const shownId = event?.id;
  useEffect(() => {
    if (shownId) headingRef.current?.focus();
  }, [shownId]);

  const act = async (action: () => Promise<unknown>, after?: () => void) => {
    setBusy(true);
    setActionError(null);
    try {
      await action();
      onChanged();
      after?.();
    } catch (failure) {
      setActionError(failure);
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <button type="button" className="button button--quiet back-link" onClick={onBack}>
      <span aria-hidden className="back-link__arrow">
        ←
      </span>
      {t('events.back')}
    </button>
  );

  if (!event) {
    return (
      <main className="page page--narrow events-page">
        {back}
        {loadError !== null ? (
          <ErrorBanner error={loadError} onRetry={() => setAttempt((n) => n + 1)} />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </main>
    );
  }

  const zone = foreignZone(event.timeZone);
  const { counts } = event;
  const figures: { key: string; value: number; label: string }[] = [
    {
      key: 'registered',
      value: counts.registered,
      label:
        event.capacity === null
          ? t('events.figures.registered', { count: counts.registered })
          : t('events.figures.registeredOf', {
              count: counts.registered,
              capacity: format.number(event.capacity),
            }),
    },
    { key: 'waiting', value: counts.waiting, label: t('events.figures.waiting', { count: counts.waiting }) },
    {
      key: 'checkedIn',
      value: counts.checkedIn,
      label: t('events.figures.checkedIn', { count: counts.checkedIn }),
    },
    { key: 'walkIns', value: counts.walkIns, label: t('events.figures.walkIns', { count: counts.walkIns }) },
    ...(event.kind === 'training'
      ? [
          {
            key: 'completed',
            value: counts.completed,
            label: t('events.figures.completed', { count: counts.completed }),
          },
        ]
      : []),
  ];

  return (
    <main className="page page--narrow events-page">
      {back}
      <div className="page__heading">
        <h1 ref={headingRef} tabIndex={-1}>
          {event.title || t('events.untitled')}
        </h1>
        <p className="event-item__meta">
          <KindBadge kind={event.kind} />
          {event.cancelled && <CancelledBadge />}
        </p>
        <div className="page__heading-action button-row events-actions">
          <button
            type="button"
            className="button button--primary"
            disabled={event.cancelled}
            onClick={onCheckIn}
          >
            {t('events.checkIn.open')}
          </button>
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('events.edit')}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const copy = await api.call('events.duplicate', { id: event.id });
                onNotice(t('events.duplicated', { title: copy.title }));
                onOpenEvent(copy.id);
              })
            }
          >
            {t('events.duplicate')}
          </button>
          {event.cancelled ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void act(
                  () => api.call('events.reinstate', { id: event.id }),
                  () => {
                    onNotice(t('events.reinstated', { title: event.title }));
                    headingRef.current?.focus();
                  },
                )
              }
            >
              {t('events.reinstate')}
            </button>
          ) : (
            !confirmCancel && (
              <button
                ref={cancelRef}
                type="button"
                className="button button--danger"
                onClick={() => setConfirmCancel(true)}
              >
                {t('events.cancel')}
              </button>
            )
          )}
        </div>
      </div>
      {confirmCancel && !event.cancelled && (
        <div className="events-confirm events-confirm--block" role="group" aria-label={t('events.cancel')}>
          <p>{t('events.cancelQuestion', { title: event.title })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() =>
                void act(
                  () => api.call('events.cancel', { id: event.id }),
                  () => {
                    setConfirmCancel(false);
                    onNotice(t('events.cancelledNotice', { title: event.title }));
                    headingRef.current?.focus();
                  },
                )
              }
            >
              {t('events.cancelYes')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              autoFocus
              onClick={() => {
                backToCancel.current = true;
                setConfirmCancel(false);
              }}
            >
              {t('events.cancelNo')}
            </button>
          </div>
        </div>
      )}
      {event.cancelled && (
        <p className="events-notice events-notice--warning" data-testid="event-cancelled-note">
          {t('events.cancelledNote')}
        </p>
      )}
      {loadError !== null && <ErrorBanner error={loadError} onRetry={() => setAttempt((n) => n + 1)} />}
      {actionError !== null && <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />}

      <section className="card stack" aria-labelledby="event-details-title">
        <h2 id="event-details-title">{t('events.details')}</h2>
        <dl className="details">
          <div className="details__row details__row--wide">
            <dt>{t('events.fields.when')}</dt>
            <dd data-testid="event-when">
              {time.range(event.startsAt, event.endsAt, event.timeZone)}
              {zone && <span className="muted"> ({zone})</span>}
            </dd>
          </div>
          {event.venue && (
            <div className="details__row">
              <dt>{t('events.fields.venue')}</dt>
              <dd>{event.venue}</dd>
            </div>
          )}
          {event.onlineLink && (
            <div className="details__row">
              <dt>{t('events.fields.onlineLink')}</dt>
              <dd>
                <a href={event.onlineLink} target="_blank" rel="noreferrer noopener">
                  <bdi>{event.onlineLink}</bdi>
                </a>
              </dd>
            </div>
          )}
          <div className="details__row">
            <dt>{t('events.fields.capacity')}</dt>
            <dd>{event.capacity === null ? t('events.noLimit') : format.number(event.capacity)}</dd>
          </div>
          {event.kind === 'agm' && (
            <div className="details__row">
              <dt>{t('events.fields.quorum')}</dt>
              <dd>{event.quorum ?? t('events.noQuorum')}</dd>
            </div>
          )}
          {event.description && (
            <div className="details__row details__row--wide">
              <dt>{t('events.fields.description')}</dt>
              <dd className="details__notes">{event.description}</dd>
            </div>
          )}
        </dl>
      </section>

      <section className="card stack" aria-labelledby="event-figures-title">
        <h2 id="event-figures-title">{t('events.attendance')}</h2>
        <ul className="event-figures">
          {figures.map((figure) => (
            <li key={figure.key} className="event-figure" data-testid={`figure-${figure.key}`}>
              <span className="event-figure__value">{format.number(figure.value)}</span>
              <span className="event-figure__label">{figure.label}</span>
            </li>
          ))}
        </ul>
        {event.quorumState && <QuorumLine event={event} quorum={event.quorumState} />}
      </section>

      {!event.cancelled && (
        <section className="card stack">
          <RegisterForm
            eventId={event.id}
            onRegistered={(attendee) => {
              onChanged();
              onNotice(
                attendee.state === 'waiting' && attendee.waitingPosition !== null
                  ? t('events.register.doneWaiting', {
                      name: attendee.name || t('members.unnamed'),
                      position: format.number(attendee.waitingPosition),
                    })
                  : t('events.register.done', { name: attendee.name || t('members.unnamed') }),
              );
            }}
          />
        </section>
      )}

      <section className="card stack" aria-labelledby="attendees-title">
        <div className="events-section-heading">
          <h2 id="attendees-title">
            {t('events.attendees.title', {
              count: event.attendees.length,
              number: format.number(event.attendees.length),
            })}
          </h2>
          <div className="button-row">
            {!event.cancelled && (
              <button type="button" className="button button--small" onClick={() => setImporting(true)}>
                {t('events.import.open')}
              </button>
            )}
            {!event.cancelled && (
              <PrintButton
                className="button button--small"
                label={t('print.open.signIn')}
                request={() => ({ kind: 'signIn', eventId: event.id })}
              />
            )}
            {(event.kind === 'training' || event.kind === 'workshop') && (
              <PrintButton
                className="button button--small"
                label={t('print.open.certificates')}
                request={() => ({ kind: 'certificates', eventId: event.id })}
              />
            )}
          </div>
        </div>
        <AttendeeTable
          event={event}
          onChanged={onChanged}
          onOpenMember={onOpenMember}
          onNotice={onNotice}
          onError={setActionError}
        />
      </section>

      {editing && (
        <EventFormDialog
          event={event}
          timeZone={event.timeZone}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setEvent((current) => current && { ...current, ...saved });
            onChanged();
            onNotice(t('events.saved', { title: saved.title }));
          }}
        />
      )}
      {importing && (
        <ImportRegistrationsDialog
          eventId={event.id}
          onClose={() => setImporting(false)}
          onImported={(result) => {
            setImporting(false);
            onChanged();
            onNotice(
              t('events.import.done', {
                count: result.members + result.guests,
                number: format.number(result.members + result.guests),
              }),
            );
          }}
        />
      )}
    </main>
  );
}
