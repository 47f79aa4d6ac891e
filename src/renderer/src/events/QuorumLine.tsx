import { useTranslation } from 'react-i18next';
import type { QuorumState } from '../../../shared/events';
import { useFormat } from '../i18n/useFormat';
import { useEventTime } from './useEventTime';

interface QuorumLineProps {
  event: { timeZone: string | null; quorum: string | null };
  quorum: QuorumState;
  /** At the door the figure is announced as it changes. */
  live?: boolean;
}

/** "Quorum met at 18:04 · 12 present / 12 required · rule: 50% of 23 members in good standing". */
export function QuorumLine({ event, quorum, live = false }: QuorumLineProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const time = useEventTime();
  const headline = quorum.met
    ? quorum.metAt
      ? t('events.quorum.metAt', { time: time.time(quorum.metAt, event.timeZone) })
      : t('events.quorum.met')
    : t('events.quorum.notMet', {
        count: quorum.required - quorum.present,
        number: format.number(quorum.required - quorum.present),
      });
  return (
    <div
      className={quorum.met ? 'quorum quorum--met' : 'quorum'}
      data-testid="quorum"
      data-met={quorum.met}
      {...(live ? { 'aria-live': 'polite' as const, 'aria-atomic': true } : {})}
    >
      <p className="quorum__headline">
        <strong>{headline}</strong>
      </p>
      <p className="quorum__figures" data-testid="quorum-figures">
        {t('events.quorum.figures', {
          present: format.number(quorum.present),
          required: format.number(quorum.required),
        })}
      </p>
      {event.quorum && (
        <p className="quorum__rule muted">
          {t('events.quorum.rule', {
            count: quorum.eligible,
            rule: event.quorum,
            eligible: format.number(quorum.eligible),
          })}
        </p>
      )}
    </div>
  );
}
