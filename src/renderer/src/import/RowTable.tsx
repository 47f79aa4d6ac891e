import { useTranslation } from 'react-i18next';
import type { ImportMergedRow, ImportRejectedRow, ImportRowRef } from '../../../shared/imports';
import { fieldOfColumn } from './labels';
import { problemText } from './problemWords';

interface RowTableProps {
  rows: readonly ImportRowRef[];
  /** Show the fields each row changes (for updates). */
  changes?: boolean;
}

export function RowTable({ rows, changes = false }: RowTableProps) {
  const { t } = useTranslation();
  const changeLabel = (column: string) => {
    const field = fieldOfColumn(column);
    return field ? t(`import.fields.${field}`) : column;
  };
  return (
    <div className="import-table-wrap">
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">{t('import.rows.row')}</th>
            <th scope="col">{t('import.rows.name')}</th>
            <th scope="col">{t('import.rows.email')}</th>
            {changes && <th scope="col">{t('import.rows.changes')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rowNumber}>
              <td className="import-table__number">{row.rowNumber}</td>
              <td>{row.name || <span className="muted">{t('import.rows.unnamed')}</span>}</td>
              <td>{row.email ?? ''}</td>
              {changes && <td>{(row.fields ?? []).map(changeLabel).join(', ')}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Rows not imported, each with why, in the user's language (the rejects file carries the English). */
export function RejectedTable({ rows }: { rows: readonly ImportRejectedRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="import-table-wrap">
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">{t('import.rows.row')}</th>
            <th scope="col">{t('import.rows.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rowNumber}>
              <td className="import-table__number">{row.rowNumber}</td>
              <td>
                {problemText({ code: row.code, params: {} }, t)}
                {row.value && (
                  <>
                    {' '}
                    (<bdi>{row.value}</bdi>)
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Rows merged into an earlier row of the file: which into which, and who they are. */
export function MergedTable({ rows }: { rows: readonly ImportMergedRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="import-table-wrap">
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">{t('import.rows.row')}</th>
            <th scope="col">{t('import.rows.mergedInto')}</th>
            <th scope="col">{t('import.rows.name')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rowNumber}>
              <td className="import-table__number">{row.rowNumber}</td>
              <td className="import-table__number">{row.into}</td>
              <td>
                <bdi>{row.name}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
