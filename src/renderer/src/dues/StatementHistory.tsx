import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementBatchView } from '../../../shared/payments';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { ConfirmButton } from '../import/ConfirmButton';
import { useFormat } from '../i18n/useFormat';

interface StatementHistoryProps {
  dataVersion: number;
  onUndone: () => void;
}

export function StatementHistory({ dataVersion, onUndone }: StatementHistoryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [batches, setBatches] = useState<StatementBatchView[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [undoError, setUndoError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api.call('statements.list').then(
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
      await api.call('statements.undo', { id });
      onUndone();
    } catch (error) {
      setUndoError(error);
    }
  };

  let body;
  if (batches === null) {
    body = loadError === null && <p className="muted">{t('app.loading')}</p>;
  } else if (batches.length === 0) {
    body = <p className="muted">{t('statement.history.empty')}</p>;
  } else {
    body = (
      <div className="dues-table-wrap">
        <table
          className="dues-table"
          aria-labelledby="statement-history-title"
          data-testid="statement-history"
        >
          <thead>
            <tr>
              <th scope="col">{t('statement.history.file')}</th>
              <th scope="col">{t('statement.history.date')}</th>
              <th scope="col" className="dues-table__number">
                {t('statement.history.payments')}
              </th>
              <th scope="col">{t('statement.history.status')}</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((batch) => (
              <tr key={batch.id} data-testid="statement-batch">
                <th scope="row" className="dues-table__file">
                  {batch.fileName}
                </th>
                <td>{format.dateTime(batch.createdAt)}</td>
                <td className="dues-table__number">{format.number(batch.payments)}</td>
                <td>
                  {batch.undoneAt ? (
                    t('statement.history.undoneOn', { when: format.dateTime(batch.undoneAt) })
                  ) : (
                    <ConfirmButton
                      className="button--small"
                      label={t('statement.undo')}
                      question={t('statement.history.confirm', { count: batch.payments })}
                      yes={t('statement.history.yes')}
                      no={t('statement.history.no')}
                      busyLabel={t('statement.undoing')}
                      onConfirm={() => undo(batch.id)}
                    />
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
    <section className="card stack" aria-labelledby="statement-history-title">
      <h2 id="statement-history-title">{t('statement.history.title')}</h2>
      {loadError !== null && <ErrorBanner error={loadError} onRetry={() => setAttempt((n) => n + 1)} />}
      {undoError !== null && <ErrorBanner error={undoError} onDismiss={() => setUndoError(null)} />}
      {body}
    </section>
  );
}
