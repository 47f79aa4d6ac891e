import { useTranslation } from 'react-i18next';
import type { ImportUndoView } from '../../../shared/imports';
import { fieldOfColumn } from './labels';

/** After an undo: the fields it left alone because someone edited them after the import. */
export function KeptEdits({ kept }: { kept: ImportUndoView['keptEdits'] }) {
  const { t, i18n } = useTranslation();
  if (kept.length === 0) return null;
  const fields = new Intl.ListFormat(i18n.language, { type: 'unit' });
  const label = (column: string) => {
    const field = fieldOfColumn(column);
    return field ? t(`import.fields.${field}`) : column;
  };
  return (
    <div className="import-note" role="status" data-testid="import-kept-edits">
      <p>{t('import.undo.kept', { count: kept.length })}</p>
      <ul>
        {kept.map((member) => (
          <li key={member.memberId}>
            <bdi>{member.name}</bdi>
            {t('import.undo.keptFields', { fields: fields.format(member.fields.map(label)) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
