import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProblemGroup, ImportProblemSeverity } from '../../../shared/imports';
import { useFormat } from '../i18n/useFormat';
import { groupSummary, rowText } from './problemWords';

/** Rows of a group shown at a time: a messy file of 100,000 rows can have as many. */
const PAGE = 100;

const SEVERITIES: readonly ImportProblemSeverity[] = ['rejected', 'error', 'warning'];

interface ProblemGroupsProps {
  problems: readonly ImportProblemGroup[];
  /** How many rows each kind of problem touches: a row with two problems counts once. */
  rowCounts: Record<ImportProblemSeverity, number>;
  /** Offered on a category of the file that names no membership type of the chapter. */
  onCreateType?: (value: string) => void;
}

/**
 * What went wrong, said once per problem: rows not imported first, then values left out, then
 * what is worth a look, each group naming its rows in order.
 */
export function ProblemGroups({ problems, rowCounts, onCreateType }: ProblemGroupsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      {SEVERITIES.map((severity) => {
        const groups = problems.filter((p) => p.severity === severity);
        if (groups.length === 0) return null;
        const rows = rowCounts[severity];
        return (
          <section
            key={severity}
            className={`import-problems import-problems--${severity}`}
            data-testid={`import-problems-${severity}`}
          >
            <h3 className="import-subtitle">
              {t(`import.problems.${severity}`, { count: rows, number: format.number(rows) })}
            </h3>
            <ul className="import-problems__list">
              {groups.map((group, index) => (
                <ProblemGroupItem key={index} group={group} onCreateType={onCreateType} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function ProblemGroupItem({
  group,
  onCreateType,
}: {
  group: ImportProblemGroup;
  onCreateType?: (value: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [shown, setShown] = useState(PAGE);
  const summary = groupSummary(group, t, format.number);
  const type = group.code === 'unknown_type' ? String(group.params.type ?? '') : '';
  const create = type && onCreateType && (
    <button type="button" className="link-button" onClick={() => onCreateType(type)}>
      {t('import.problems.createType', { type })}
    </button>
  );
  if (group.count === 1) {
    return (
      <li data-testid="import-problem">
        {summary} {create}
      </li>
    );
  }
  const more = Math.min(PAGE, group.rows.length - shown);
  return (
    <li data-testid="import-problem">
      <details>
        <summary>{summary}</summary>
        <ul className="import-problems__rows" data-testid="import-problem-rows">
          {group.rows.slice(0, shown).map((row, index) => (
            <li key={index}>
              <bdi>{rowText(row, t)}</bdi>
            </li>
          ))}
        </ul>
        {more > 0 && (
          <button type="button" className="link-button" onClick={() => setShown((n) => n + PAGE)}>
            {t('import.problems.more', { number: format.number(more) })}
          </button>
        )}
        {group.count > group.rows.length && shown >= group.rows.length && (
          <p className="muted">
            {t('import.problems.rowsListed', {
              shown: format.number(group.rows.length),
              total: format.number(group.count),
            })}
          </p>
        )}
      </details>
      {create}
    </li>
  );
}
