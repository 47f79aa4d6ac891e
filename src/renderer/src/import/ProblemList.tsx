import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResultView } from '../../../shared/imports';
import { useFormat } from '../i18n/useFormat';

/** A messy file of 100,000 rows can have as many problems; they are shown a page at a time. */
const PAGE = 100;

interface ProblemListProps {
  kind: 'errors' | 'warnings';
  problems: ImportResultView['errors'];
}

/** The server's messages already name the row and the field, in words the secretary can act on. */
export function ProblemList({ kind, problems }: ProblemListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [shown, setShown] = useState(PAGE);
  if (problems.length === 0) return null;
  const more = Math.min(PAGE, problems.length - shown);
  return (
    <details open className={`import-problems import-problems--${kind}`} data-testid={`import-${kind}`}>
      <summary>
        {t(`import.problems.${kind}`, { count: problems.length, number: format.number(problems.length) })}
      </summary>
      <ul className="import-problems__list">
        {problems.slice(0, shown).map((problem, index) => (
          <li key={index}>{problem.message}</li>
        ))}
      </ul>
      {more > 0 && (
        <button type="button" className="link-button" onClick={() => setShown((n) => n + PAGE)}>
          {t('import.problems.more', { number: format.number(more) })}
        </button>
      )}
    </details>
  );
}
