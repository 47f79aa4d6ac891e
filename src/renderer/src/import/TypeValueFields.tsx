import { useTranslation } from 'react-i18next';
import type { ImportTypeValue } from '../../../shared/imports';
import type { MembershipType } from '../../../shared/payments';
import { useFormat } from '../i18n/useFormat';
import { chosenType, type TypeChoices } from './typeChoices';

interface TypeValueFieldsProps {
  /** The file's values of its membership type column, as the last preview resolved them. */
  values: readonly ImportTypeValue[];
  /** The column's name in the file. */
  column: string;
  types: readonly MembershipType[];
  choices: TypeChoices;
  onChoose: (value: string, typeId: string | null) => void;
  onCreate: (value: ImportTypeValue) => void;
}

const LISTED = 200;

/**
 * The categories a file gives its members ("Individuel", "Étudiant"…) and the type each becomes:
 * found by name in any of our languages, remembered from an earlier import, or chosen here; a
 * missing one can be created on the spot.
 */
export function TypeValueFields({
  values,
  column,
  types,
  choices,
  onChoose,
  onCreate,
}: TypeValueFieldsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (values.length === 0) return null;
  const given = types.filter((type) => !type.retired);

  const hintFor = (value: ImportTypeValue): string | null => {
    if (chosenType(choices, value.value) !== undefined) return null;
    if (value.retiredTypeId) {
      const retired = types.find((type) => type.id === value.retiredTypeId);
      return t('import.types.retired', { name: retired?.name ?? value.value });
    }
    if (value.source === 'name') return t('import.types.byName');
    if (value.source === 'remembered') return t('import.types.remembered');
    if (value.source === null) return t('import.types.unmatched');
    return null;
  };

  return (
    <section className="import-types stack" aria-labelledby="import-types-title" data-testid="import-types">
      <h3 id="import-types-title" className="import-subtitle">
        {t('import.types.title')}
      </h3>
      <p className="muted">{t('import.types.intro', { column })}</p>
      <div className="import-table-wrap">
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">{t('import.types.value')}</th>
              <th scope="col" className="import-table__number">
                {t('import.types.rows')}
              </th>
              <th scope="col">{t('import.types.type')}</th>
            </tr>
          </thead>
          <tbody>
            {values.map((value) => {
              const chosen = chosenType(choices, value.value);
              const shown = chosen !== undefined ? (chosen ?? '') : (value.typeId ?? '');
              const hint = hintFor(value);
              return (
                <tr key={value.value} data-testid="import-type-value">
                  <th scope="row">
                    <bdi>{value.value}</bdi>
                  </th>
                  <td className="import-table__number">{format.number(value.rows)}</td>
                  <td>
                    <div className="import-types__choice">
                      <select
                        className="input"
                        aria-label={t('import.types.typeFor', { value: value.value })}
                        value={shown}
                        onChange={(event) => onChoose(value.value, event.target.value || null)}
                      >
                        <option value="">{t('import.types.none')}</option>
                        {given.map((type) => (
                          <option key={type.id} value={type.id}>
                            {type.name}
                          </option>
                        ))}
                      </select>
                      {shown === '' && (
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => onCreate(value)}
                        >
                          {t('import.types.create', { value: value.value })}
                        </button>
                      )}
                    </div>
                    {hint && <p className="field__hint">{hint}</p>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {values.length >= LISTED && (
        <p className="muted">{t('import.types.listed', { shown: format.number(values.length) })}</p>
      )}
    </section>
  );
}
