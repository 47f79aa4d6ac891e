import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useUpdateStatus } from './useUpdateStatus';
import './updates.css';

/**
 * A quiet notice, not a dialog, once an update is downloaded: the secretary restarts when it suits
 * (the work on screen is never interrupted), or puts it off until the next start.
 */
export function UpdateNotice() {
  const { t } = useTranslation();
  const { status, run } = useUpdateStatus();
  const [later, setLater] = useState<string | null>(null);
  if (!status || (status.state !== 'ready' && status.state !== 'restarting') || later === status.version)
    return null;
  return (
    <div className="update-notice" data-testid="update-notice" role="status" aria-live="polite">
      <span>{t('updates.notice', { version: status.version })}</span>
      {status.state === 'ready' ? (
        <>
          <button
            type="button"
            className="primary"
            onClick={() => void run(() => api.call('updates.restart', undefined))}
          >
            {t('updates.restart')}
          </button>
          <button type="button" onClick={() => setLater(status.version)}>
            {t('updates.later')}
          </button>
        </>
      ) : (
        <span>{t('updates.restarting')}</span>
      )}
    </div>
  );
}
