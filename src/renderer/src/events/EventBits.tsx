import { useTranslation } from 'react-i18next';
import type { ChapterEvent, EventKind } from '../../../shared/events';
import { useFormat } from '../i18n/useFormat';

export function KindBadge({ kind }: { kind: EventKind }) {
  const { t } = useTranslation();
  return (
    <span className={`event-kind event-kind--${kind}`} data-testid="event-kind">
      {t(`events.kinds.${kind}`)}
    </span>
  );
}

export function CancelledBadge() {
  const { t } = useTranslation();
  return (
    <span className="event-cancelled" data-testid="event-cancelled">
      {t('events.cancelled')}
    </span>
  );
}

/** "12 of 30 registered · 3 waiting · 8 checked in", each figure once, in a line that wraps. */
export function CountsLine({ event }: { event: ChapterEvent }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { counts, capacity } = event;
  return (
    <ul className="event-counts" data-testid="event-counts">
      <li>
        {capacity === null
          ? t('events.counts.registered', {
              count: counts.registered,
              number: format.number(counts.registered),
            })
          : t('events.counts.registeredOf', {
              count: counts.registered,
              number: format.number(counts.registered),
              capacity: format.number(capacity),
            })}
      </li>
      {counts.waiting > 0 && (
        <li>
          {t('events.counts.waiting', { count: counts.waiting, number: format.number(counts.waiting) })}
        </li>
      )}
      {(counts.checkedIn > 0 || counts.walkIns > 0) && (
        <li>
          {t('events.counts.checkedIn', { count: counts.checkedIn, number: format.number(counts.checkedIn) })}
        </li>
      )}
    </ul>
  );
}
