import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryState } from '../../../shared/backup';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { useFormat } from '../i18n/useFormat';
import { DiagnosticsSection } from '../diagnostics/DiagnosticsSection';
import { RestoreFromFile } from './RestoreFromFile';
import { useRestore } from './useRestore';
import './backup.css';

/**
 * Shown instead of the app when the chapter file is damaged (DB_DAMAGED): what happened, the newest
 * backup that passes its check, and a file saved elsewhere as the other way back. The data thread
 * answers only backups meanwhile; once one is restored the app starts again on it.
 */
export function RecoveryScreen({ onRestored }: { onRestored: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [recovery, setRecovery] = useState<RecoveryState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const restore = useRestore(() => onRestored());

  useEffect(() => {
    headingRef.current?.focus();
    let current = true;
    api.call('backup.recovery').then(
      (found) => {
        if (current) setRecovery(found);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  const newest = recovery?.damaged ? recovery.newestGood : null;
  const busy = restore.state.step === 'restoring' || restore.state.step === 'reading';
  const shownError = error ?? restore.error;
  return (
    <main className="page page--narrow">
      <section className="card stack" aria-labelledby="recovery-title" data-testid="recovery">
        <h1 id="recovery-title" ref={headingRef} tabIndex={-1}>
          {t('backup.recovery.title')}
        </h1>
        <p>{t('backup.recovery.text')}</p>
        {shownError !== null && <ErrorBanner error={shownError} onDismiss={restore.dismissError} />}
        {recovery?.damaged && newest && (
          <>
            <p>
              {t('backup.recovery.newest', {
                when: format.dateTime(newest.createdAt),
                kind: t(`backup.kind.${newest.kind}`),
              })}
            </p>
            <div className="button-row">
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => restore.choose({ name: newest.name, createdAt: newest.createdAt })}
              >
                {t('backup.recovery.restoreNewest')}
              </button>
            </div>
          </>
        )}
        {recovery?.damaged && !newest && <p>{t('backup.recovery.noBackup')}</p>}
        <RestoreFromFile id="recovery-file" restore={restore} busy={busy} />
        <p className="muted">{t('backup.recovery.afterwards')}</p>
        {recovery?.damaged && (
          <p className="muted backup-folder">{t('backup.folder', { folder: recovery.folder })}</p>
        )}
      </section>
      <DiagnosticsSection />
    </main>
  );
}
