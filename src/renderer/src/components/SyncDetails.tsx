import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/domain';
import { useNow } from '../hooks/useNow';
import { useFormat } from '../i18n/useFormat';
import { useSyncText } from '../sync/useSyncText';

interface SyncDetailsProps {
  status: SyncStatus;
  onSyncNow: () => Promise<void>;
  onNewCode: () => void;
  onOpenConflicts: () => void;
}

/** Everything known about this laptop's sync, at length, for the settings screen. */
export function SyncDetails({ status, onSyncNow, onNewCode, onOpenConflicts }: SyncDetailsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  const { description, headline, pending, details } = useSyncText(status, now);
  const [asking, setAsking] = useState(false);

  const syncNow = async () => {
    setAsking(true);
    await onSyncNow();
    setAsking(false);
  };

  return (
    <>
      <dl className="details" data-testid="sync-details">
        <div className="details__row">
          <dt>{t('settings.server')}</dt>
          <dd>
            <bdi dir="ltr" data-testid="sync-server">
              {status.serverUrl}
            </bdi>
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('settings.status')}</dt>
          <dd>{[headline ?? pending, ...details].filter(Boolean).join(' · ')}</dd>
        </div>
        {description.reason && (
          <div className="details__row details__row--wide">
            <dt>{t('settings.reason')}</dt>
            {/* The sync server's or the network's own words, which come in English. */}
            <dd lang="en">{description.reason}</dd>
          </div>
        )}
        <div className="details__row">
          <dt>{t('settings.lastSync')}</dt>
          <dd>
            {status.lastSyncAt ? (
              <time dateTime={status.lastSyncAt}>{format.dateTime(status.lastSyncAt)}</time>
            ) : (
              t('settings.never')
            )}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('settings.pending')}</dt>
          <dd>{format.number(status.pending)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('settings.openConflicts')}</dt>
          <dd>
            {status.openConflicts > 0 ? (
              <button type="button" className="link-button" onClick={onOpenConflicts}>
                {format.number(status.openConflicts)}
              </button>
            ) : (
              format.number(0)
            )}
          </dd>
        </div>
        {status.heldChanges > 0 && (
          <div className="details__row details__row--wide">
            <dt>{t('settings.heldChanges')}</dt>
            <dd>
              {format.number(status.heldChanges)} · {t('settings.heldChangesHint')}
            </dd>
          </div>
        )}
      </dl>
      <div className="button-row">
        <button
          type="button"
          className={description.needsNewCode ? 'button' : 'button button--primary'}
          disabled={asking || status.state === 'syncing'}
          onClick={() => void syncNow()}
        >
          {t('sync.syncNow')}
        </button>
        <button
          type="button"
          className={description.needsNewCode ? 'button button--primary' : 'button'}
          onClick={onNewCode}
        >
          {t('settings.newCode')}
        </button>
      </div>
    </>
  );
}
