import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict, MembershipType } from '../../../shared/domain';
import { api } from '../api/client';
import { ConflictItem } from '../components/ConflictItem';
import { ErrorBanner } from '../components/ErrorBanner';

export type ConflictResolution = 'restored' | 'dismissed';

interface ConflictsScreenProps {
  types: MembershipType[];
  /** From the sync status: when it moves, a sync found new conflicts or another window resolved some. */
  openConflicts: number;
  dataVersion: number;
  onOpenMember: (id: string) => void;
  onResolved: (resolution: ConflictResolution) => void;
}

export function ConflictsScreen({
  types,
  openConflicts,
  dataVersion,
  onOpenMember,
  onResolved,
}: ConflictsScreenProps) {
  const { t } = useTranslation();
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    api.call('conflicts.list').then(
      (found) => {
        if (!current) return;
        setConflicts(found);
        setLoadError(null);
      },
      (error: unknown) => {
        if (current) setLoadError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [openConflicts, dataVersion, attempt]);

  const resolve = async (conflict: Conflict, resolution: ConflictResolution) => {
    setBusyId(conflict.id);
    setActionError(null);
    try {
      const operation = resolution === 'restored' ? 'conflicts.restore' : 'conflicts.dismiss';
      setConflicts(await api.call(operation, { id: conflict.id }));
      // The buttons that had the focus are gone with their entry.
      headingRef.current?.focus();
      onResolved(resolution);
    } catch (error) {
      setActionError(error);
    } finally {
      setBusyId(null);
    }
  };

  let list;
  if (conflicts === null) {
    list = loadError === null && <p className="muted">{t('app.loading')}</p>;
  } else if (conflicts.length === 0) {
    list = <p className="empty-state">{t('conflicts.empty')}</p>;
  } else {
    list = (
      <ul className="conflicts">
        {conflicts.map((conflict) => (
          <ConflictItem
            key={conflict.id}
            conflict={conflict}
            types={types}
            busy={busyId !== null}
            onOpenMember={onOpenMember}
            onRestore={() => void resolve(conflict, 'restored')}
            onKeep={() => void resolve(conflict, 'dismissed')}
          />
        ))}
      </ul>
    );
  }

  return (
    <main className="page page--narrow">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('conflicts.title')}
      </h1>
      <p className="muted">{t('conflicts.intro')}</p>
      {loadError !== null && <ErrorBanner error={loadError} onRetry={() => setAttempt((n) => n + 1)} />}
      {actionError !== null && <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />}
      {list}
    </main>
  );
}
