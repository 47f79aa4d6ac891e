import { useTranslation } from 'react-i18next';
import type { ImportResultView } from '../../../shared/imports';
import { saveBase64File } from './download';
import { rejectsFileName } from './labels';
import { ProblemGroups } from './ProblemGroups';
import { ResultCounts } from './ResultCounts';

interface ImportResultProps {
  result: ImportResultView;
  fileName: string;
  /** Offered on a category of the file that names no membership type (before importing). */
  onCreateType?: (value: string) => void;
}

/** What an import did, or would do: the same view for the preview and for the finished import. */
export function ImportResult({ result, fileName, onCreateType }: ImportResultProps) {
  const { t } = useTranslation();
  const { rejectsCsv } = result;
  return (
    <div className="stack">
      <ResultCounts result={result} />
      {rejectsCsv && (
        <div className="import-rejects">
          <button
            type="button"
            className="button"
            onClick={() =>
              saveBase64File(rejectsFileName(fileName, t('import.rejects.suffix')), 'text/csv', rejectsCsv)
            }
          >
            {t('import.rejects.download')}
          </button>
          <p className="field__hint">{t('import.rejects.hint')}</p>
        </div>
      )}
      <ProblemGroups problems={result.problems} rowCounts={result.problemRows} onCreateType={onCreateType} />
    </div>
  );
}
