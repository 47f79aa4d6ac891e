import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KEEP_BACKUPS, type BackupList, type RestoreResult } from '../../../shared/backup';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { saveBase64File } from '../import/download';
import { useFormat } from '../i18n/useFormat';
import { RestoreFromFile } from './RestoreFromFile';
import { useRestore, type RestoreSource } from './useRestore';
import './backup.css';

/** How a backup's size reads: "1.2 MB", "340 kB". */
export function useSize(): (bytes: number) => string {
  const format = useFormat();
  return (bytes) =>
    bytes >= 1_000_000
      ? new Intl.NumberFormat(format.locale, {
          style: 'unit',
          unit: 'megabyte',
          maximumFractionDigits: 1,
        }).format(bytes / 1_000_000)
      : new Intl.NumberFormat(format.locale, {
          style: 'unit',
          unit: 'kilobyte',
          maximumFractionDigits: 0,
        }).format(Math.max(1, bytes / 1_000));
}

interface BackupSectionProps {
  /** A backup was put in place of the chapter: everything on screen is read again. */
  onRestored: (result: RestoreResult, source: RestoreSource) => void;
}

/**
 * Settings' backups: "Save a backup as…" downloads a fresh copy of the chapter; "Restore from
 * backup…" lists the automatic backups and takes a file saved elsewhere, and asks before it
 * replaces anything (services/backup on the data thread does the work).
 */
export function BackupSection({ onRestored }: BackupSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const size = useSize();
  const [list, setList] = useState<BackupList | null>(null);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const restore = useRestore((result, source) => {
    setNotice(
      'name' in source
        ? t('backup.restored', { when: format.dateTime(source.createdAt) })
        : t('backup.restoredFile', { name: source.fileName }),
    );
    setOpen(false);
    setVersion((n) => n + 1);
    onRestored(result, source);
  });

  useEffect(() => {
    if (!open) return;
    let current = true;
    api.call('backup.list').then(
      (found) => {
        if (current) setList(found);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [open, version]);

  const saveAs = async () => {
    setSaving(true);
    setError(null);
    setNotice(null);
    try {
      const file = await api.call('backup.export');
      saveBase64File(file.fileName, 'application/vnd.sqlite3', file.contentBase64);
      setNotice(t('backup.saved', { name: file.fileName }));
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  const busy = saving || restore.state.step === 'restoring' || restore.state.step === 'reading';
  const shownError = error ?? restore.error;
  return (
    <section aria-labelledby="backup-title" className="card stack" data-testid="backups">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="muted">{t('backup.intro', { count: KEEP_BACKUPS })}</p>
      {shownError !== null && (
        <ErrorBanner
          error={shownError}
          onDismiss={() => {
            setError(null);
            restore.dismissError();
          }}
        />
      )}
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void saveAs()}>
          {saving ? t('backup.saving') : t('backup.saveAs')}
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={open}
          aria-controls="backup-restore"
          disabled={busy}
          onClick={() => {
            setNotice(null);
            restore.cancel();
            setOpen((shown) => !shown);
          }}
        >
          {open ? t('backup.closeRestore') : t('backup.restoreFrom')}
        </button>
      </div>
      {notice && (
        <p role="status" className="muted">
          {notice}
        </p>
      )}
      {open && (
        <div id="backup-restore" className="stack">
          <h3 className="backup-heading">{t('backup.automatic')}</h3>
          {list && list.backups.length === 0 && <p className="muted">{t('backup.none')}</p>}
          {list && list.backups.length > 0 && (
            <ul className="backup-list" data-testid="backup-list">
              {list.backups.map((backup) => {
                const when = format.dateTime(backup.createdAt);
                return (
                  <li key={backup.name}>
                    <span>
                      {when}{' '}
                      <span className="muted">
                        · {t(`backup.kind.${backup.kind}`)} · {size(backup.bytes)}
                      </span>
                    </span>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('backup.restoreThisLabel', { when })}
                      disabled={busy}
                      onClick={() => restore.choose({ name: backup.name, createdAt: backup.createdAt })}
                    >
                      {t('backup.restoreThis')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <RestoreFromFile id="backup-file" restore={restore} busy={busy} />
          {list && <p className="muted backup-folder">{t('backup.folder', { folder: list.folder })}</p>}
        </div>
      )}
    </section>
  );
}
