import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { ConfirmButton } from './ConfirmButton';
import type { ImportUndoView } from '../../../shared/imports';
import { ImportAnnouncement } from './ImportAnnouncement';
import { ImportResult } from './ImportResult';
import { KeptEdits } from './KeptEdits';
import { JobProgressBar } from './JobProgressBar';
import type { JobStatus } from './useImportJob';

interface CommitStepProps {
  fileName: string;
  status: Exclude<JobStatus, { state: 'idle' }>;
  onCancel: () => void;
  onBack: () => void;
  onUndone: () => void;
  onOpenMembers: () => void;
  onAnother: () => void;
}

export function CommitStep(props: CommitStepProps) {
  const { fileName, status, onCancel, onBack, onUndone, onOpenMembers, onAnother } = props;
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [undone, setUndone] = useState<ImportUndoView | null>(null);
  const [undoError, setUndoError] = useState<unknown>(null);

  // The button that started the import is gone, and so is its focus: the heading is where to carry on.
  useEffect(() => heading.current?.focus(), [status.state]);

  const undo = async (batchId: string) => {
    setUndoError(null);
    try {
      setUndone(await api.call('imports.undo', { id: batchId }));
      onUndone();
    } catch (error) {
      setUndoError(error);
    }
  };

  const batchId = status.state === 'done' ? status.result.batchId : null;
  const title = {
    running: t('import.commit.running'),
    done: t('import.commit.title'),
    cancelled: t('import.commit.stopped'),
    failed: t('import.commit.stopped'),
  }[status.state];
  return (
    <section className="card stack" aria-labelledby="import-commit-title">
      <h2 id="import-commit-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <ImportAnnouncement status={status} />
      {status.state === 'running' && (
        <JobProgressBar progress={status.progress} cancellable={status.cancellable} onCancel={onCancel} />
      )}
      {(status.state === 'cancelled' || status.state === 'failed') && (
        <>
          {status.state === 'cancelled' ? (
            <p className="import-note">{t('import.commit.cancelled')}</p>
          ) : (
            <ErrorBanner error={status.error} />
          )}
          <div className="button-row">
            <button type="button" className="button" onClick={onBack}>
              {t('import.commit.back')}
            </button>
          </div>
        </>
      )}
      {status.state === 'done' && (
        <>
          <ImportResult result={status.result} fileName={fileName} />
          {undoError !== null && <ErrorBanner error={undoError} onDismiss={() => setUndoError(null)} />}
          {undone ? (
            <>
              <p role="status" className="import-note" data-testid="import-undone">
                {t('import.commit.undone')}
              </p>
              <KeptEdits kept={undone.keptEdits} />
            </>
          ) : (
            batchId && (
              <ConfirmButton
                label={t('import.undo.button')}
                question={t('import.undo.confirm')}
                yes={t('import.undo.yes')}
                no={t('import.undo.no')}
                busyLabel={t('import.undo.undoing')}
                onConfirm={() => undo(batchId)}
              />
            )
          )}
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={onOpenMembers}>
              {t('import.commit.toMembers')}
            </button>
            <button type="button" className="button" onClick={onAnother}>
              {t('import.commit.another')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
