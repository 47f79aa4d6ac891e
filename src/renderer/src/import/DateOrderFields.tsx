import { useTranslation } from 'react-i18next';
import {
  IMPORT_DATE_ORDERS,
  type ImportDateField,
  type ImportDateOrder,
  type ImportDraftView,
  type ImportField,
  type ImportResultView,
} from '../../../shared/imports';
import { Field } from '../components/Field';
import { useFormat } from '../i18n/useFormat';
import { dateErrorCount, dateExample, mappedDateColumns, type DateOrders } from './dateOrders';
import { columnLetter } from './mapping';

interface DateOrderFieldsProps {
  draft: ImportDraftView;
  fields: readonly (ImportField | null)[];
  orders: DateOrders;
  /** The last finished preview's problems, to say when a column's dates do not read. */
  problems: ImportResultView['problems'] | null;
  /** The orders the last finished preview read the columns in, to show what "work it out" found. */
  inUse: ImportResultView['dateOrders'] | null;
  /** null: back to working the order out from the column. */
  onChange: (field: ImportDateField, order: ImportDateOrder | null) => void;
}

const isOrder = (value: string): value is ImportDateOrder =>
  (IMPORT_DATE_ORDERS as readonly string[]).includes(value);

/** One control per mapped date column, for the files whose dates fit both orders or fool the guess. */
export function DateOrderFields({ draft, fields, orders, problems, inUse, onChange }: DateOrderFieldsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = mappedDateColumns(fields);
  if (columns.length === 0) return null;

  const exampleFor = (column: number, order: ImportDateOrder): string | undefined => {
    const example = dateExample(draft.sample, column, order);
    if (!example) return undefined;
    return example.iso === null
      ? t('import.dates.unreadable', { value: example.value, order: t(`import.dates.orders.${order}`) })
      : t('import.dates.readAs', { value: example.value, date: format.longDate(example.iso) });
  };

  const hintFor = (field: ImportDateField, column: number): string | undefined => {
    const chosen = orders[field];
    if (chosen) return exampleFor(column, chosen);
    const found = inUse?.[field];
    if (!found || found.source === 'chosen') return t('import.dates.autoHint');
    const why = t(found.source === 'inferred' ? 'import.dates.inferred' : 'import.dates.countryDefault', {
      order: t(`import.dates.orders.${found.order}`),
    });
    return [why, exampleFor(column, found.order)].filter(Boolean).join(' ');
  };

  return (
    <section className="import-dates stack" aria-labelledby="import-dates-title">
      <h3 id="import-dates-title" className="import-subtitle">
        {t('import.dates.title')}
      </h3>
      <p className="muted">{t('import.dates.intro')}</p>
      <div className="import-dates__fields">
        {columns.map(({ field, column }) => {
          const order = orders[field];
          const unread = problems ? dateErrorCount(problems, field) : 0;
          return (
            <Field
              key={field}
              id={`import-date-order-${field}`}
              name={`dateOrder-${field}`}
              label={t('import.dates.orderFor', {
                column:
                  draft.headers[column]?.trim() ||
                  t('import.mapping.columnLetter', { letter: columnLetter(column) }),
                field: t(`import.fields.${field}`),
              })}
              hint={hintFor(field, column)}
              error={
                unread > 0
                  ? t('import.dates.errors', { count: unread, number: format.number(unread) })
                  : undefined
              }
            >
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={order ?? ''}
                  onChange={(event) => {
                    const value = event.target.value;
                    onChange(field, isOrder(value) ? value : null);
                  }}
                >
                  <option value="">{t('import.dates.auto')}</option>
                  {IMPORT_DATE_ORDERS.map((option) => (
                    <option key={option} value={option}>
                      {t(`import.dates.${option}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          );
        })}
      </div>
    </section>
  );
}
