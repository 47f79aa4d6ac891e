import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_KINDS, fieldLabelFromHeader, type CustomField } from '../../../shared/custom-fields';
import type { CustomChoice } from './useCustomColumns';

const NEW = 'custom:new';

/** The value a mapping select shows for a column going to one of the chapter's fields, or ''. */
export function customSelectValue(choice: CustomChoice | undefined): string {
  if (!choice) return '';
  return 'fieldId' in choice ? `custom:${choice.fieldId}` : NEW;
}

/** What a mapping select's value means: a custom choice, or undefined when it is one of ours. */
export function readCustomSelect(value: string, header: string): CustomChoice | undefined {
  if (value === NEW) return { newField: { label: fieldLabelFromHeader(header), kind: 'text' } };
  return value.startsWith('custom:') ? { fieldId: value.slice('custom:'.length) } : undefined;
}

/** The chapter's own fields in a column's select, and the offer to make one of the column. */
export function CustomColumnOptions({ fields, header }: { fields: readonly CustomField[]; header: string }) {
  const { t } = useTranslation();
  return (
    <optgroup label={t('customFields.importGroup')}>
      {fields.map((field) => (
        <option key={field.id} value={`custom:${field.id}`}>
          {field.label}
        </option>
      ))}
      <option value={NEW}>{t('customFields.createFrom', { label: header })}</option>
    </optgroup>
  );
}

interface NewFieldKindProps {
  choice: CustomChoice | undefined;
  onChange: (choice: CustomChoice) => void;
}

/** Beside a column that becomes a new field: what kind of field it is (its values are checked by it). */
export function NewFieldKind({ choice, onChange }: NewFieldKindProps) {
  const { t } = useTranslation();
  if (!choice || !('newField' in choice)) return null;
  const { label, kind } = choice.newField;
  return (
    <select
      className="input import-mapping__kind"
      aria-label={t('customFields.newFieldKind', { label })}
      value={kind}
      onChange={(event) => {
        const next = CUSTOM_FIELD_KINDS.find((k) => k === event.target.value);
        if (next) onChange({ newField: { label, kind: next } });
      }}
    >
      {CUSTOM_FIELD_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(`customFields.kinds.${k}`)}
        </option>
      ))}
    </select>
  );
}
