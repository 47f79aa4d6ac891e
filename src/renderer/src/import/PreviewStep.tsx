import { useTranslation } from 'react-i18next';
import type { ImportResultView } from '../../../shared/imports';
import { ErrorBanner } from '../components/ErrorBanner';
import { useFormat } from '../i18n/useFormat';
import type { Choices, DuplicateChoice } from './decisions';
import { DuplicateReview } from './DuplicateReview';
import { ImportResult } from './ImportResult';
import { JobProgressBar } from './JobProgressBar';
import type { JobStatus } from './useImportJob';

interface PreviewStepProps {
  fileName: string;
  status: JobStatus;
  /** The last finished preview, kept on screen while the next one runs. */
  result: ImportResultView | null;
  choices: Choices;
  /** False while the mapping cannot import anything. */
  ready: boolean;
  onPreview: () => void;
  onCancel: () => void;
  onChoose: (rowNumber: number, choice: DuplicateChoice) => void;
  onCommit: () => void;
}

export function PreviewStep(props: PreviewStepProps) {
  const { fileName, status, result, choices, ready, onPreview, onCancel, onChoose, onCommit } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const running = status.state === 'running';
  const toImport = result ? result.counts.created + result.counts.updated : 0;

  return (
    <section className="card stack" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{t('import.preview.title')}</h2>
      <div className="button-row">
        {/* Left enabled while running, so the focus stays put; a second click starts the preview afresh. */}
        <button type="button" className="button" disabled={!ready} onClick={onPreview}>
          {t('import.preview.run')}
        </button>
      </div>
      {status.state === 'running' && (
        <JobProgressBar progress={status.progress} cancellable={status.cancellable} onCancel={onCancel} />
      )}
      {status.state === 'cancelled' && <p className="import-note">{t('import.preview.cancelled')}</p>}
      {status.state === 'failed' && <ErrorBanner error={status.error} />}
      {result && (
        <>
          <p className="muted">{running ? t('import.preview.stale') : t('import.preview.intro')}</p>
          <ImportResult result={result} fileName={fileName} />
          {result.possibleDuplicates.length > 0 && (
            <DuplicateReview rows={result.possibleDuplicates} choices={choices} onChoose={onChoose} />
          )}
          <div className="import-commit">
            <button
              type="button"
              className="button button--primary"
              disabled={status.state !== 'done' || toImport === 0}
              onClick={onCommit}
            >
              {t('import.commit.run', { count: toImport, number: format.number(toImport) })}
            </button>
            {status.state === 'done' && toImport === 0 && (
              <p className="muted">{t('import.commit.nothing')}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
