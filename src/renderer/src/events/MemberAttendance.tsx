import './events.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberAttendance as Attended } from '../../../shared/events';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { KindBadge } from './EventBits';
import { useEventTime } from './useEventTime';

interface MemberAttendanceProps {
  memberId: string;
  /** The chapter's zone: event days are its days. */
  timeZone: string | null;
  dataVersion: number;
  onOpenEvent?: (id: string) => void;
}

/** "Events attended" on a member's page, most recent first. */
export function MemberAttendance({ memberId, timeZone, dataVersion, onOpenEvent }: MemberAttendanceProps) {
  const { t } = useTranslation();
  const time = useEventTime();
  const [loaded, setLoaded] = useState<{ memberId: string; rows: Attended[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api.call('members.attendance', { id: memberId }).then(
      (rows) => {
        if (!current) return;
        setLoaded({ memberId, rows });
        setError(null);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [memberId, dataVersion, attempt]);

  const rows = loaded?.memberId === memberId ? loaded.rows : null;
  return (
    <section aria-labelledby="attended-title" className="card stack" data-testid="member-attendance">
      <h2 id="attended-title">{t('events.memberAttendance.title')}</h2>
      {error !== null && <ErrorBanner error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {rows === null ? (
        error === null && <p className="muted">{t('app.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('events.memberAttendance.none')}</p>
      ) : (
        <ul className="attended">
          {rows.map((row) => (
            <li key={row.eventId} className="attended__item" data-testid="attended-event">
              <span className="attended__date">{time.day(row.startsAt, timeZone)}</span>
              <span className="attended__title">
                {onOpenEvent ? (
                  <button type="button" className="link-button" onClick={() => onOpenEvent(row.eventId)}>
                    {row.title || t('events.untitled')}
                  </button>
                ) : (
                  row.title || t('events.untitled')
                )}
              </span>
              <KindBadge kind={row.kind} />
              {row.kind === 'training' && row.completed && (
                <span className="attended__completed">{t('events.memberAttendance.completed')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
