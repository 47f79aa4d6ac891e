import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/domain';
import { useNow } from '../hooks/useNow';
import { useSyncText } from '../sync/useSyncText';

interface SyncIndicatorProps {
  status: SyncStatus | null;
  failed: boolean;
  onSyncNow: () => Promise<void>;
  /** Absent before the chapter exists, when the setup screen offers to join instead. */
  onOpenSettings?: (() => void) | undefined;
}

export function SyncIndicator({ status, failed, onSyncNow, onOpenSettings }: SyncIndicatorProps) {
  const { t } = useTranslation();
  if (!status) {
    return (
      <div className="sync-status" data-testid="sync-status" data-state="unknown">
        <span className="sync-status__dot" aria-hidden="true" />
        <p className="sync-status__headline" aria-live="polite">
          {failed ? t('sync.unavailable') : ''}
        </p>
      </div>
    );
  }
  return <KnownSyncStatus status={status} onSyncNow={onSyncNow} onOpenSettings={onOpenSettings} />;
}

function KnownSyncStatus({
  status,
  onSyncNow,
  onOpenSettings,
}: Omit<SyncIndicatorProps, 'failed'> & { status: SyncStatus }) {
  const { t } = useTranslation();
  const now = useNow();
  const { description, headline, pending, details } = useSyncText(status, now);
  const [asking, setAsking] = useState(false);
  // The headline says what failed in the user's language; the server's or the network's own
  // reason, in English, is for support: a tooltip here, and under Settings.
  const reason = status.state === 'error' ? description.reason : null;

  const syncNow = async () => {
    setAsking(true);
    await onSyncNow();
    setAsking(false);
  };

  let action = null;
  if (onOpenSettings && (!description.enrolled || description.needsNewCode)) {
    action = (
      <button type="button" className="link-button" onClick={onOpenSettings}>
        {description.enrolled ? t('settings.newCode') : t('sync.setUp')}
      </button>
    );
  } else if (description.enrolled) {
    action = (
      <button
        type="button"
        className="button button--small"
        disabled={asking || status.state === 'syncing'}
        onClick={() => void syncNow()}
      >
        {t('sync.syncNow')}
      </button>
    );
  }

  return (
    <div
      className="sync-status"
      data-testid="sync-status"
      data-state={status.state}
      data-pending={status.pending}
      data-last-sync={status.lastSyncAt ?? ''}
    >
      <span className="sync-status__dot" aria-hidden="true" />
      <div className="sync-status__text">
        {/* Only what changes rarely is announced; the ticking figures below would chatter. */}
        <p className="sync-status__headline" aria-live="polite" aria-atomic="true">
          {headline && <span>{headline}</span>}
          {pending && <span className="sync-status__pending">{pending}</span>}
        </p>
        {details.length > 0 && (
          <p className="sync-status__details" title={reason ?? undefined}>
            {details.join(' · ')}
          </p>
        )}
      </div>
      {action}
    </div>
  );
}
