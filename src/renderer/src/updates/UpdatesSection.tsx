import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/domain';
import type { UpdateStatus } from '../../../shared/updates';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { useFormat } from '../i18n/useFormat';
import { useByteSize } from '../sync/useByteSize';
import { useUpdateStatus } from './useUpdateStatus';

interface UpdatesSectionProps {
  /** Sync's status, which holds this laptop's network settings (the metered one is shared). */
  sync: SyncStatus | null;
  onNetworkSaved: (status: SyncStatus) => void;
}

/** What the update's state says, in words: each key named in full for the catalogue check. */
function useStateText(): (status: UpdateStatus) => string {
  const { t } = useTranslation();
  const size = useByteSize();
  return (status) => {
    const version = status.version ?? '';
    const done = size(status.progress?.transferred ?? 0);
    const total = size(status.progress?.total ?? 0);
    switch (status.state) {
      case 'unavailable':
        return t('updates.unavailable');
      case 'idle':
        return t('updates.idle');
      case 'checking':
        return t('updates.checking');
      case 'up-to-date':
        return t('updates.upToDate');
      case 'available':
        return t('updates.available', { version, size: total });
      case 'deferred-syncing':
        return t('updates.deferredSyncing', { version });
      case 'deferred-metered':
        return t('updates.deferredMetered', { version, size: total });
      case 'downloading':
        return t('updates.downloading', { version, done, total });
      case 'ready':
        return t('updates.ready', { version });
      case 'restarting':
        return t('updates.restarting');
      case 'error':
        if (status.failure === 'offline') return t('updates.offline');
        if (status.failure === 'interrupted') return t('updates.interrupted', { done, total });
        if (status.failure === 'corrupt') return t('updates.corrupt');
        return t('updates.feed');
    }
  };
}

/**
 * Settings' app updates: this version, what the update controller on the data thread is doing
 * (with a progress bar while it downloads), "Check now", "Download" (which also goes ahead on a
 * metered connection), "Restart to update" once ready, and the metered setting sync shares.
 */
export function UpdatesSection({ sync, onNetworkSaved }: UpdatesSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const stateText = useStateText();
  const { status, error, run } = useUpdateStatus();
  const [networkError, setNetworkError] = useState<unknown>(null);
  if (!status) return null;
  const canDownload =
    status.state === 'available' ||
    status.state === 'deferred-metered' ||
    (status.state === 'error' && status.failure === 'interrupted');
  const progress = status.progress;

  const setMetered = async (metered: boolean) => {
    if (!sync) return;
    setNetworkError(null);
    try {
      onNetworkSaved(await api.call('sync.setNetwork', { ...sync.network, metered }));
    } catch (failure) {
      setNetworkError(failure);
    }
  };

  return (
    <section className="card stack" data-testid="updates" aria-labelledby="updates-title">
      <h2 id="updates-title" tabIndex={-1}>
        {t('updates.title')}
      </h2>
      <p className="muted">{t('updates.intro')}</p>
      <p>{t('updates.current', { version: status.currentVersion })}</p>
      <p role="status" data-testid="update-state">
        {stateText(status)}
      </p>
      {progress && (status.state === 'downloading' || status.state === 'ready' || canDownload) && (
        <progress
          aria-label={t('updates.progress')}
          max={progress.total}
          value={progress.transferred}
          data-testid="update-progress"
        />
      )}
      {status.checkedAt && (
        <p className="muted">{t('updates.lastChecked', { when: format.dateTime(status.checkedAt) })}</p>
      )}
      <div className="button-row">
        {status.state !== 'unavailable' && (
          <button
            type="button"
            disabled={
              status.state === 'checking' || status.state === 'downloading' || status.state === 'ready'
            }
            onClick={() => void run(() => api.call('updates.check', undefined))}
          >
            {t('updates.checkNow')}
          </button>
        )}
        {canDownload && (
          <button
            type="button"
            onClick={() => void run(() => api.call('updates.download', { evenIfMetered: true }))}
          >
            {status.state === 'error' ? t('updates.resume') : t('updates.download')}
          </button>
        )}
        {status.state === 'ready' && (
          <button
            type="button"
            className="primary"
            onClick={() => void run(() => api.call('updates.restart', undefined))}
          >
            {t('updates.restart')}
          </button>
        )}
      </div>
      {sync && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={sync.network.metered}
            onChange={(event) => void setMetered(event.target.checked)}
          />
          {t('updates.metered')}
        </label>
      )}
      {error !== null && <ErrorBanner error={error} />}
      {networkError !== null && <ErrorBanner error={networkError} />}
    </section>
  );
}
