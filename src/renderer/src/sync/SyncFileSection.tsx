import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SYNC_FILE_BYTES, type SyncFileImported } from '../../../shared/sync-file';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { bytesToBase64 } from '../import/base64';
import { saveBase64File } from '../import/download';
import { useFormat } from '../i18n/useFormat';
import { useByteSize } from './useByteSize';

interface SyncFileSectionProps {
  /** A file was loaded (or saved): the lists and the sync status are read again. */
  onChanged: () => void;
}

/** A size in MB as typed ("5", "0,5"), in bytes; null for empty, NaN for what is not a size. */
function megabytes(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Math.floor(Number(trimmed) * 1e6) : NaN;
}

/**
 * Settings' sync files: "Save changes to a file" downloads them (a save dialog in the desktop app,
 * as "Save a backup as…"), split to a size when asked; "Load a sync file" sends a picked file to be
 * applied and says what it did. sync/file on the data thread does the work.
 */
export function SyncFileSection({ onChanged }: SyncFileSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const size = useByteSize();
  const [all, setAll] = useState(false);
  const [split, setSplit] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<{ name: string; result: SyncFileImported } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const maxBytes = megabytes(split);
  const splitInvalid = maxBytes !== null && !(maxBytes >= 1000);

  const clear = () => {
    setError(null);
    setNotice(null);
    setFileProblem(null);
    setLoaded(null);
  };

  const save = async () => {
    if (splitInvalid) return;
    clear();
    setBusy(t('syncFiles.saving'));
    try {
      const written = await api.call('sync.exportFile', { all, maxBytes });
      for (const file of written.files) saveBase64File(file.fileName, 'application/gzip', file.contentBase64);
      setNotice(
        t('syncFiles.saved', {
          changes: format.number(written.changes),
          size: size(written.bytes),
          names: written.files.map((f) => f.fileName).join(', '),
        }),
      );
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  const load = async (file: File) => {
    clear();
    if (file.size > MAX_SYNC_FILE_BYTES) {
      setFileProblem(t('syncFiles.tooLarge', { name: file.name }));
      return;
    }
    setBusy(t('syncFiles.loading', { name: file.name }));
    let buffer: ArrayBuffer;
    try {
      buffer = await file.arrayBuffer();
    } catch {
      // The browser could not read it (moved, no permission): said in words, nothing sent.
      setFileProblem(t('syncFiles.unreadable', { name: file.name }));
      setBusy(null);
      return;
    }
    try {
      const result = await api.call('sync.importFile', {
        fileName: file.name,
        contentBase64: bytesToBase64(new Uint8Array(buffer)),
      });
      setLoaded({ name: file.name, result });
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="sync-files-title" className="card stack" data-testid="sync-files">
      <h2 id="sync-files-title" tabIndex={-1}>
        {t('syncFiles.title')}
      </h2>
      <p className="muted">{t('syncFiles.intro')}</p>
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <label className="checkbox">
        <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} />
        {t('syncFiles.all')}
      </label>
      <div className="field">
        <label htmlFor="sync-file-split" className="field__label">
          {t('syncFiles.split')}
        </label>
        <input
          id="sync-file-split"
          className="input"
          inputMode="decimal"
          value={split}
          aria-invalid={splitInvalid}
          aria-describedby="sync-file-split-hint"
          onChange={(event) => setSplit(event.target.value)}
        />
        <p id="sync-file-split-hint" className={splitInvalid ? 'field__error' : 'field__hint'}>
          {splitInvalid ? t('syncFiles.splitInvalid') : t('syncFiles.splitHint')}
        </p>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={busy !== null || splitInvalid}
          onClick={() => void save()}
        >
          {t('syncFiles.save')}
        </button>
      </div>
      <div className="field">
        <label htmlFor="sync-file-load" className="field__label">
          {t('syncFiles.load')}
        </label>
        <input
          id="sync-file-load"
          type="file"
          className="input"
          accept=".chapterdesk,application/gzip"
          disabled={busy !== null}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void load(file);
          }}
        />
      </div>
      {busy && (
        <p role="status" className="muted">
          {busy}
        </p>
      )}
      {fileProblem && (
        <p role="alert" className="field__error">
          {fileProblem}
        </p>
      )}
      {notice && (
        <p role="status" className="muted">
          {notice}
        </p>
      )}
      {loaded && (
        <div role="status" data-testid="sync-file-loaded">
          <p>{t('syncFiles.loaded', { name: loaded.name })}</p>
          <dl className="details">
            <div className="details__row">
              <dt>{t('syncFiles.applied')}</dt>
              <dd data-testid="sync-file-applied">{format.number(loaded.result.applied)}</dd>
            </div>
            <div className="details__row">
              <dt>{t('syncFiles.alreadyHad')}</dt>
              <dd data-testid="sync-file-already">{format.number(loaded.result.alreadyHad)}</dd>
            </div>
            <div className="details__row">
              <dt>{t('syncFiles.conflicts')}</dt>
              <dd data-testid="sync-file-conflicts">{format.number(loaded.result.conflicts)}</dd>
            </div>
          </dl>
        </div>
      )}
    </section>
  );
}
