import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/domain';
import { useFormat } from '../i18n/useFormat';
import { describeSync, type SyncDescription } from './describeSync';

export interface SyncText {
  description: SyncDescription;
  /** What is happening or what to do; null when the pending count says it all. */
  headline: string | null;
  pending: string | null;
  /** Progress, last sync and next try: figures that tick along, kept out of announcements. */
  details: string[];
}

export function useSyncText(status: SyncStatus, nowMs: number): SyncText {
  const { t } = useTranslation();
  const format = useFormat();
  const description = describeSync(status);
  const { headline, pending, progress, lastSyncAt, nextAttemptAt } = description;
  const details: string[] = [];
  if (progress?.phase === 'push') {
    details.push(
      progress.total === null
        ? t('sync.sendingCount', { done: format.number(progress.done) })
        : t('sync.sending', { done: format.number(progress.done), total: format.number(progress.total) }),
    );
  } else if (progress?.phase === 'pull') {
    details.push(t('sync.receiving', { done: format.number(progress.done) }));
  }
  if (lastSyncAt && status.state !== 'syncing') {
    details.push(t('sync.syncedAgo', { when: format.relative(lastSyncAt, nowMs) ?? t('sync.justNow') }));
  }
  if (status.meteredWait === 'budget') details.push(t('network.waitBudgetShort'));
  if (status.meteredWait === 'large-push') details.push(t('network.waitLargeShort'));
  if (nextAttemptAt) {
    const due = Date.parse(nextAttemptAt) > nowMs ? format.relative(nextAttemptAt, nowMs) : null;
    details.push(t('sync.nextTry', { when: due ?? t('sync.inAMoment') }));
  }
  return {
    description,
    headline: headline && t(`sync.${headline}`),
    pending: pending > 0 ? t('sync.pending', { count: pending, number: format.number(pending) }) : null,
    details,
  };
}
