import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';
import { percentDone, type JobProgress } from './pollJob';

interface JobProgressBarProps {
  progress: JobProgress;
  cancellable: boolean;
  onCancel: () => void;
}

export function JobProgressBar({ progress, cancellable, onCancel }: JobProgressBarProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = percentDone(progress);
  const phase = progress ? t(`import.progress.${progress.phase}`) : t('import.progress.starting');
  const detail = progress
    ? t('import.progress.detail', {
        count: progress.total,
        processed: format.number(progress.processed),
        total: format.number(progress.total),
        rate: format.number(progress.rowsPerSecond),
      })
    : '';
  return (
    <div className="import-progress">
      <div className="import-progress__text">
        <span className="import-progress__phase">{phase}</span>
        {detail && <span className="muted">{detail}</span>}
      </div>
      <div className="import-progress__row">
        <div
          role="progressbar"
          aria-label={t('import.progress.label')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          aria-valuetext={detail ? `${phase}: ${detail}` : phase}
          className={
            percent === null
              ? 'import-progress__track import-progress__track--waiting'
              : 'import-progress__track'
          }
        >
          <div className="import-progress__bar" style={{ inlineSize: `${percent ?? 0}%` }} />
        </div>
        <button type="button" className="button button--small" disabled={!cancellable} onClick={onCancel}>
          {t('import.progress.cancel')}
        </button>
      </div>
    </div>
  );
}
