import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatchView, ImportUndoView } from '../../../shared/imports';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { useFormat } from '../i18n/useFormat';
import { ConfirmButton } from './ConfirmButton';
import { KeptEdits } from './KeptEdits';

interface ImportHistoryProps {
  dataVersion: number;
  onUndone: () => void;
}

export function ImportHistory({ dataVersion, onUndone }: ImportHistoryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  /** One count of an import, worded with its plural ("1 refusé", "2 refusés"). */
  const count = (kind: 'created' | 'updated' | 'unchanged' | 'rejected' | 'possibleDuplicates', n: number) =>
    t(`import.history.${kind}`, { count: n, number: format.number(n) });
  const [batches, setBatches] = useState<ImportBatchView[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [undoError, setUndoError] = useState<unknown>(null);
  const [kept, setKept] = useState<ImportUndoView['keptEdits']>([]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api.call('imports.list').then(
      (found) => {
        if (!current) return;
        setBatches(found);
        setLoadError(null);
      },
      (error: unknown) => {
        if (current) setLoadError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [dataVersion, attempt]);

  const undo = async (id: string) => {
    setUndoError(null);
    try {
      setKept((await api.call('imports.undo', { id })).keptEdits);
      onUndone();
    } catch (error) {
      setUndoError(error);
    }
  };

  let body;
  if (batches === null) {
    body = loadError === null && <p className="muted">{t('app.loading')}</p>;
  } else if (batches.length === 0) {
    body = <p className="muted">{t('import.history.empty')}</p>;
  } else {
    body = (
      <div className="import-table-wrap">
        <table className="import-table" data-testid="import-history">
          <thead>
            <tr>
              <th scope="col">{t('import.history.file')}</th>
              <th scope="col">{t('import.history.date')}</th>
              <th scope="col">{t('import.history.officer')}</th>
              <th scope="col">{t('import.history.result')}</th>
              <th scope="col">{t('import.history.status')}</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((batch) => (
              <tr key={batch.id} data-testid="import-batch">
                <th scope="row" className="import-table__file">
                  {batch.fileName}
                </th>
                <td>{format.dateTime(batch.createdAt)}</td>
                <td>{batch.officer}</td>
                <td>
                  {t('import.history.counts', {
                    created: count('created', batch.created),
                    updated: count('updated', batch.updated),
                    unchanged: count('unchanged', batch.unchanged),
                    rejected: count('rejected', batch.rejected),
                    possibleDuplicates: count('possibleDuplicates', batch.possibleDuplicates),
                  })}
                </td>
                <td>
                  {batch.undoneAt ? (
                    t('import.history.undoneOn', { when: format.dateTime(batch.undoneAt) })
                  ) : (
                    <div className="import-history__status">
                      <span>{t('import.history.active')}</span>
                      <ConfirmButton
                        className="button--small"
                        label={t('import.undo.short')}
                        question={t('import.undo.confirm')}
                        yes={t('import.undo.yes')}
                        no={t('import.undo.no')}
                        busyLabel={t('import.undo.undoing')}
                        onConfirm={() => undo(batch.id)}
                      />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <section className="card stack" aria-labelledby="import-history-title">
      <h2 id="import-history-title">{t('import.history.title')}</h2>
      {loadError !== null && <ErrorBanner error={loadError} onRetry={() => setAttempt((n) => n + 1)} />}
      {undoError !== null && <ErrorBanner error={undoError} onDismiss={() => setUndoError(null)} />}
      <KeptEdits kept={kept} />
      {body}
    </section>
  );
}
