import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCounts, ImportResultView } from '../../../shared/imports';
import { useFormat } from '../i18n/useFormat';
import { MergedTable, RejectedTable, RowTable } from './RowTable';

type CountKind = Exclude<keyof ImportCounts, 'rows'>;

const TEST_IDS: Record<CountKind, string> = {
  created: 'count-created',
  updated: 'count-updated',
  unchanged: 'count-unchanged',
  rejected: 'count-rejected',
  possibleDuplicates: 'count-possible-duplicates',
  merged: 'count-merged',
};
const KINDS = Object.keys(TEST_IDS) as CountKind[];

/** Each count, opening onto the rows behind it (the first few hundred: the counts are exact). */
export function ResultCounts({ result }: { result: ImportResultView }) {
  const { t } = useTranslation();
  const format = useFormat();

  const rowsBehind = (kind: CountKind): { shown: number; table: ReactNode } => {
    if (kind === 'rejected')
      return { shown: result.rejected.length, table: <RejectedTable rows={result.rejected} /> };
    if (kind === 'merged')
      return { shown: result.merged.length, table: <MergedTable rows={result.merged} /> };
    const rows = result[kind];
    return { shown: rows.length, table: <RowTable rows={rows} changes={kind === 'updated'} /> };
  };

  return (
    <ul className="import-counts" aria-label={t('import.counts.title')}>
      {KINDS.map((kind) => {
        const count = result.counts[kind];
        const heading = (
          <>
            <span className="import-count__number" data-testid={TEST_IDS[kind]}>
              {format.number(count)}
            </span>
            <span className="import-count__label">{t(`import.counts.${kind}`, { count })}</span>
          </>
        );
        if (count === 0) {
          return (
            <li key={kind} className="import-count import-count--empty">
              <div className="import-count__summary">{heading}</div>
            </li>
          );
        }
        const { shown, table } = rowsBehind(kind);
        return (
          <li key={kind} className={`import-count import-count--${kind}`}>
            <details>
              <summary className="import-count__summary">{heading}</summary>
              <div className="import-count__rows">
                {shown < count && (
                  <p className="muted">
                    {t('import.counts.truncated', {
                      shown: format.number(shown),
                      total: format.number(count),
                    })}
                  </p>
                )}
                {table}
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
