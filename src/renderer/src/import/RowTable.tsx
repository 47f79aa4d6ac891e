import { useTranslation } from 'react-i18next';
import type { ImportMergedRow, ImportRowRef } from '../../../shared/imports';
import { fieldOfColumn } from './labels';

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

export function RejectedTable({ rows }: { rows: readonly { rowNumber: number; reason: string }[] }) {
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
              <td>{row.reason}</td>
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
