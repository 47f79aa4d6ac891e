import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../shared/custom-fields';
import { api } from '../api/client';

interface CustomFieldFilterProps {
  fieldId: string;
  fieldValue: string;
  onChange: (change: { fieldId?: string; fieldValue?: string }) => void;
}

/**
 * Members filters: one of the chapter's own fields, and the value looked for (any value when left
 * empty). Choices and yes/no are picked from their list; text is found anywhere in a value.
 */
export function CustomFieldFilter({ fieldId, fieldValue, onChange }: CustomFieldFilterProps) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<CustomField[]>([]);

  useEffect(() => {
    let current = true;
    api.call('customFields.list', undefined).then(
      (all) => {
        if (current) setFields(all.filter((f) => !f.retired));
      },
      // Without the list there is nothing to filter by: the other filters work as before.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  if (fields.length === 0) return null;
  const field = fields.find((f) => f.id === fieldId);
  const options: [string, string][] | null =
    field?.kind === 'choice'
      ? field.choices.map((c) => [c, c])
      : field?.kind === 'yesno'
        ? [
            ['yes', t('common.yes')],
            ['no', t('common.no')],
          ]
        : null;
  return (
    <>
      <div className="field">
        <label htmlFor="filter-custom-field" className="field__label">
          {t('customFields.filterLabel')}
        </label>
        <select
          id="filter-custom-field"
          className="input"
          value={fieldId}
          onChange={(event) => onChange({ fieldId: event.target.value, fieldValue: '' })}
        >
          <option value="">{t('customFields.filterAny')}</option>
          {fields.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      {field && (
        <div className="field">
          <label htmlFor="filter-custom-value" className="field__label">
            {t('customFields.filterValue', { label: field.label })}
          </label>
          {options ? (
            <select
              id="filter-custom-value"
              className="input"
              value={fieldValue}
              onChange={(event) => onChange({ fieldValue: event.target.value })}
            >
              <option value="">{t('customFields.anyValue')}</option>
              {options.map(([value, words]) => (
                <option key={value} value={value}>
                  {words}
                </option>
              ))}
            </select>
          ) : (
            <input
              id="filter-custom-value"
              className="input"
              autoComplete="off"
              placeholder={t('customFields.anyValue')}
              inputMode={field.kind === 'number' ? 'decimal' : undefined}
              value={fieldValue}
              onChange={(event) => onChange({ fieldValue: event.target.value })}
            />
          )}
        </div>
      )}
    </>
  );
}
