import { useTranslation } from 'react-i18next';
import type { ImportResultView } from '../../../shared/imports';
import { saveBase64File } from './download';
import { rejectsFileName } from './labels';
import { ProblemList } from './ProblemList';
import { ResultCounts } from './ResultCounts';

interface ImportResultProps {
  result: ImportResultView;
  fileName: string;
}

/** What an import did, or would do: the same view for the preview and for the finished import. */
export function ImportResult({ result, fileName }: ImportResultProps) {
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
      <ProblemList kind="errors" problems={result.errors} />
      <ProblemList kind="warnings" problems={result.warnings} />
    </div>
  );
}
