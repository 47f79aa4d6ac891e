import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter, SyncStatus } from '../../../shared/domain';
import { api } from '../api/client';
import { useNow } from '../hooks/useNow';
import { useSyncText } from '../sync/useSyncText';

const CHECK_MS = 2_000;

interface ChapterArrivalProps {
  status: SyncStatus;
  onArrived: (chapter: Chapter) => void;
}

/**
 * A laptop that joined a chapter has no chapter until the first sync brings it: this waits for it,
 * showing how the sync goes, and hands over as soon as `chapter.get` has one.
 */
export function ChapterArrival({ status, onArrived }: ChapterArrivalProps) {
  const { t } = useTranslation();
  const now = useNow();
  const { headline, details } = useSyncText(status, now);

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      api.call('chapter.get').then(
        (chapter) => {
          if (!current) return;
          if (chapter) onArrived(chapter);
          else timer = setTimeout(check, CHECK_MS);
        },
        () => {
          if (current) timer = setTimeout(check, CHECK_MS);
        },
      );
    };
    check();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [onArrived]);

  return (
    <main className="page page--narrow">
      <h1>{t('setup.waitingTitle')}</h1>
      <div className="card stack" aria-busy="true">
        <p>{t('setup.waiting', { server: status.serverUrl ?? '' })}</p>
        <p className="muted">{[headline, ...details].filter(Boolean).join(' · ')}</p>
      </div>
    </main>
  );
}
