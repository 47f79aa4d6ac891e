import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendee, EventDetail } from '../../../shared/events';
import { api } from '../api/client';
import { StatusBadge } from '../components/StatusBadge';
import { useFormat } from '../i18n/useFormat';
import { useEventTime } from './useEventTime';
import { DeletedBadge } from '../privacy/DeletedBadge';

interface AttendeeTableProps {
  event: EventDetail;
  onChanged: () => void;
  onOpenMember: (id: string) => void;
  onNotice: (text: string) => void;
  onError: (error: unknown) => void;
}

/** Cancelled registrations last: they are history, the others are who to expect. */
function ordered(attendees: Attendee[]): Attendee[] {
  return [
    ...attendees.filter((a) => a.state !== 'cancelled'),
    ...attendees.filter((a) => a.state === 'cancelled'),
  ];
}

export function AttendeeTable({ event, onChanged, onOpenMember, onNotice, onError }: AttendeeTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const time = useEventTime();
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  /** The row whose button went away with what it did: its name takes the focus once re-drawn. */
  const refocus = useRef<string | null>(null);
  /** The row whose "Cancel registration" question was answered No: its button takes the focus back. */
  const backToCancel = useRef<string | null>(null);
  const training = event.kind === 'training';
  const open = !event.cancelled;

  useEffect(() => {
    const id = refocus.current;
    if (!id) return;
    const target = document.querySelector<HTMLElement>(
      `[data-attendee="${CSS.escape(id)}"] [data-focus-target]`,
    );
    if (target) {
      refocus.current = null;
      target.focus();
    }
  }, [event]);

  useEffect(() => {
    const id = backToCancel.current;
    if (confirming !== null || !id) return;
    backToCancel.current = null;
    document.querySelector<HTMLElement>(`[data-attendee="${CSS.escape(id)}"] [data-cancel]`)?.focus();
  }, [confirming]);

  const run = async (
    attendee: Attendee,
    action: () => Promise<unknown>,
    notice?: string,
    focusName = false,
  ) => {
    setBusy(attendee.id);
    try {
      await action();
      if (focusName) refocus.current = attendee.id;
      if (notice) onNotice(notice);
      onChanged();
    } catch (failure) {
      onError(failure);
    } finally {
      setBusy(null);
      setConfirming(null);
    }
  };

  const name = (a: Attendee) => (a.erased ? t('events.erasedPerson') : a.name || t('members.unnamed'));
  const stateText = (a: Attendee) =>
    a.state === 'waiting' && a.waitingPosition !== null
      ? t('events.states.waitingAt', { position: format.number(a.waitingPosition) })
      : t(`events.states.${a.state}`);

  if (event.attendees.length === 0) {
    return <p className="empty-state">{t('events.attendees.none')}</p>;
  }
  return (
    <div className="events-table-wrap">
      <table className="events-table" aria-labelledby="attendees-title" data-testid="attendees">
        <thead>
          <tr>
            <th scope="col">{t('events.attendees.name')}</th>
            <th scope="col">{t('events.attendees.registration')}</th>
            <th scope="col">{t('events.attendees.checkedIn')}</th>
            <th scope="col">{t('events.attendees.standing')}</th>
            {training && <th scope="col">{t('events.attendees.completed')}</th>}
            <th scope="col">
              <span className="visually-hidden">{t('events.attendees.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ordered(event.attendees).map((a) => (
            <tr
              key={a.id}
              data-attendee={a.id}
              data-testid="attendee-row"
              className={a.state === 'cancelled' ? 'events-table__cancelled' : undefined}
            >
              <th scope="row">
                <span className="attendee__name">
                  {a.memberId && !a.erased ? (
                    <button
                      type="button"
                      className="link-button"
                      data-focus-target
                      onClick={() => onOpenMember(a.memberId!)}
                    >
                      {name(a)}
                    </button>
                  ) : (
                    <span tabIndex={-1} data-focus-target>
                      {name(a)}
                    </span>
                  )}
                  {a.guest && <span className="guest-badge">{t('events.guestBadge')}</span>}
                  {a.memberDeleted && <DeletedBadge />}
                </span>
                {(a.memberNumber || a.email) && (
                  <span className="attendee__detail muted">
                    {a.memberNumber}
                    {a.memberNumber && a.email && ' · '}
                    {a.email && <bdi>{a.email}</bdi>}
                  </span>
                )}
              </th>
              <td data-testid="attendee-state">{stateText(a)}</td>
              <td className="events-table__time" data-testid="attendee-checked-in">
                {a.checkedInAt ? time.time(a.checkedInAt, event.timeZone) : t('common.none')}
              </td>
              <td>{a.memberStatus ? <StatusBadge status={a.memberStatus} /> : t('common.none')}</td>
              {training && (
                <td>
                  {a.checkedInAt ? (
                    <input
                      type="checkbox"
                      className="events-table__check"
                      aria-label={t('events.attendees.completedFor', { name: name(a) })}
                      checked={a.completed}
                      disabled={busy === a.id}
                      onChange={(changed) => {
                        const completed = changed.target.checked;
                        void run(a, () =>
                          api.call('events.setCompleted', { eventId: event.id, attendeeId: a.id, completed }),
                        );
                      }}
                    />
                  ) : (
                    <span className="muted">{t('common.none')}</span>
                  )}
                </td>
              )}
              <td className="events-table__actions">
                {confirming === a.id ? (
                  <span className="events-confirm" role="group" aria-label={t('events.attendees.cancel')}>
                    <span>{t('events.attendees.cancelQuestion', { name: name(a) })}</span>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      disabled={busy === a.id}
                      onClick={() =>
                        void run(
                          a,
                          () =>
                            api.call('events.cancelRegistration', {
                              eventId: event.id,
                              registrationId: a.id,
                            }),
                          t('events.attendees.cancelled', { name: name(a) }),
                          true,
                        )
                      }
                    >
                      {t('events.attendees.cancelYes')}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      autoFocus
                      onClick={() => {
                        backToCancel.current = a.id;
                        setConfirming(null);
                      }}
                    >
                      {t('events.attendees.cancelNo')}
                    </button>
                  </span>
                ) : (
                  <span className="button-row events-table__buttons">
                    {open && a.state !== 'cancelled' && !a.checkedInAt && (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy === a.id}
                        aria-label={t('events.attendees.checkInFor', { name: name(a) })}
                        onClick={() =>
                          void run(a, () =>
                            api.call('events.checkIn', { eventId: event.id, registrationId: a.id }),
                          )
                        }
                      >
                        {t('events.attendees.checkIn')}
                      </button>
                    )}
                    {a.checkedInAt && (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy === a.id}
                        aria-label={t('events.attendees.undoFor', { name: name(a) })}
                        onClick={() =>
                          void run(a, () =>
                            api.call('events.undoCheckIn', { eventId: event.id, attendeeId: a.id }),
                          )
                        }
                      >
                        {t('events.attendees.undo')}
                      </button>
                    )}
                    {a.guest && (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy === a.id}
                        aria-label={t('events.attendees.makeMemberFor', { name: name(a) })}
                        onClick={() =>
                          void run(
                            a,
                            () => api.call('events.convertGuest', { eventId: event.id, attendeeId: a.id }),
                            t('events.attendees.converted', { name: name(a) }),
                            true,
                          )
                        }
                      >
                        {t('events.attendees.makeMember')}
                      </button>
                    )}
                    {(a.state === 'confirmed' || a.state === 'waiting') && (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy === a.id}
                        aria-label={t('events.attendees.cancelFor', { name: name(a) })}
                        data-cancel
                        onClick={() => setConfirming(a.id)}
                      >
                        {t('events.attendees.cancel')}
                      </button>
                    )}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
