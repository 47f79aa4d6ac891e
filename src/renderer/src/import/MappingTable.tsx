import { useTranslation } from 'react-i18next';
import type { ImportDraftView, ImportField } from '../../../shared/imports';
import { columnExamples, columnLetter, mappingWarnings } from './mapping';
import {
  CustomColumnOptions,
  customSelectValue,
  NewFieldKind,
  readCustomSelect,
} from '../customFields/CustomColumnOptions';
import type { CustomColumns } from '../customFields/useCustomColumns';

interface MappingTableProps {
  draft: ImportDraftView;
  fields: readonly (ImportField | null)[];
  onChange: (column: number, field: ImportField | null) => void;
  /** Columns no field of ours takes can go to the chapter's own fields, or make one. */
  custom?: CustomColumns;
}

export function MappingTable({ draft, fields, onChange, custom }: MappingTableProps) {
  const { t, i18n } = useTranslation();
  const labelOf = (index: number) =>
    draft.headers[index]?.trim() || t('import.mapping.columnLetter', { letter: columnLetter(index) });
  const warnings = mappingWarnings(fields);
  const list = new Intl.ListFormat(i18n.resolvedLanguage ?? i18n.language, { type: 'conjunction' });

  return (
    <section className="card stack" aria-labelledby="import-mapping-title">
      <h2 id="import-mapping-title">{t('import.mapping.title')}</h2>
      <p className="muted">{t('import.mapping.intro')}</p>
      <div className="import-table-wrap">
        <table className="import-table import-mapping">
          <thead>
            <tr>
              <th scope="col">{t('import.mapping.column')}</th>
              <th scope="col">{t('import.mapping.examples')}</th>
              <th scope="col">{t('import.mapping.field')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.headers.map((_, index) => {
              const label = labelOf(index);
              const examples = columnExamples(draft.sample, index);
              return (
                <tr key={index} data-testid="mapping-row">
                  <th scope="row">{label}</th>
                  <td>
                    {examples.length > 0 ? (
                      <ul className="import-examples">
                        {examples.map((example, n) => (
                          <li key={n}>{example}</li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">{t('import.mapping.noExamples')}</span>
                    )}
                  </td>
                  <td>
                    <select
                      className="input"
                      aria-label={t('import.mapping.fieldFor', { column: label })}
                      value={fields[index] ?? customSelectValue(custom?.choices[index])}
                      onChange={(event) => {
                        const choice = readCustomSelect(event.target.value, label);
                        custom?.choose(index, choice ?? null);
                        onChange(index, draft.fieldOptions.find((f) => f === event.target.value) ?? null);
                      }}
                    >
                      <option value="">{t('import.mapping.skip')}</option>
                      {draft.fieldOptions.map((field) => (
                        <option key={field} value={field}>
                          {t(`import.fields.${field}`)}
                        </option>
                      ))}
                      {custom && <CustomColumnOptions fields={custom.fields} header={label} />}
                    </select>
                    {custom && !fields[index] && (
                      <NewFieldKind
                        choice={custom.choices[index]}
                        onChange={(c) => custom.choose(index, c)}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div aria-live="polite" className="import-mapping__warnings">
        {warnings.duplicates.map(({ field, columns }) => (
          <p key={field} className="import-note import-note--warning" data-testid="mapping-warning">
            {t('import.mapping.duplicate', {
              columns: list.format(
                columns.map((column) => t('import.mapping.quoted', { label: labelOf(column) })),
              ),
              field: t(`import.fields.${field}`),
            })}
          </p>
        ))}
        {warnings.noIdentity && (
          <p className="import-note import-note--warning" data-testid="mapping-warning">
            {t('import.mapping.noIdentity')}
          </p>
        )}
      </div>
    </section>
  );
}
