import './customFields.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationInput } from '../../../shared/api';
import type { CustomField } from '../../../shared/custom-fields';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { CustomFieldDialog } from './CustomFieldDialog';

type Editing = { field?: CustomField } | null;

/**
 * Settings: the chapter's own member fields, in the order the member's page, form and exports show
 * them. Retiring hides a field and keeps its values; it can be brought back.
 */
export function CustomFieldsSection() {
  const { t } = useTranslation();
  const [fields, setFields] = useState<CustomField[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const load = () =>
    api.call('customFields.list', undefined).then(setFields, (failure: unknown) => setError(failure));

  useEffect(() => {
    void load();
  }, []);

  const inUse = (fields ?? []).filter((f) => !f.retired);
  const retired = (fields ?? []).filter((f) => f.retired);

  /** Runs changes one after another, then shows the list as saved. */
  const change = async (updates: OperationInput<'customFields.update'>[], said?: string) => {
    setBusy(true);
    setError(null);
    try {
      for (const update of updates) await api.call('customFields.update', update);
      if (said) setDone(said);
      await load();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  /** Swaps two neighbours; every field whose place then differs from its index is given it. */
  const move = (index: number, by: -1 | 1) => {
    const order = [...inUse];
    const [moved] = order.splice(index, 1);
    order.splice(index + by, 0, moved!);
    void change(
      order.flatMap((field, position) => (field.position === position ? [] : [{ id: field.id, position }])),
    );
  };

  return (
    <section aria-labelledby="custom-fields-title" className="card stack" data-testid="custom-fields">
      <div className="section-heading">
        <h2 id="custom-fields-title">{t('customFields.title')}</h2>
        <button type="button" className="button button--small" onClick={() => setEditing({})}>
          {t('customFields.add')}
        </button>
      </div>
      <p className="muted">{t('customFields.intro')}</p>
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {done && (
        <p role="status" className="muted">
          {done}
        </p>
      )}
      {fields === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : inUse.length === 0 ? (
        <p className="muted">{t('customFields.none')}</p>
      ) : (
        <div className="dues-table-wrap">
          <table className="dues-table" aria-labelledby="custom-fields-title">
            <thead>
              <tr>
                <th scope="col">{t('customFields.columns.label')}</th>
                <th scope="col">{t('customFields.columns.kind')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('customFields.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {inUse.map((field, index) => (
                <tr key={field.id} data-testid="custom-field">
                  <th scope="row">{field.label}</th>
                  <td>
                    {t(`customFields.kinds.${field.kind}`)}
                    {field.kind === 'choice' && <span className="muted"> · {field.choices.join(', ')}</span>}
                  </td>
                  <td>
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('customFields.editNamed', { label: field.label })}
                        onClick={() => setEditing({ field })}
                      >
                        {t('customFields.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('customFields.moveUp', { label: field.label })}
                        disabled={busy || index === 0}
                        onClick={() => move(index, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('customFields.moveDown', { label: field.label })}
                        disabled={busy || index === inUse.length - 1}
                        onClick={() => move(index, 1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('customFields.retireNamed', { label: field.label })}
                        title={t('customFields.retireHint')}
                        disabled={busy}
                        onClick={() =>
                          void change(
                            [{ id: field.id, retired: true }],
                            t('customFields.retiredToast', { label: field.label }),
                          )
                        }
                      >
                        {t('customFields.retire')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {retired.length > 0 && (
        <div className="stack">
          <h3>{t('customFields.retired')}</h3>
          <p className="muted">{t('customFields.retireHint')}</p>
          <ul className="custom-fields-retired">
            {retired.map((field) => (
              <li key={field.id} data-testid="retired-custom-field">
                <span>
                  {field.label} <span className="muted">· {t(`customFields.kinds.${field.kind}`)}</span>
                </span>{' '}
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('customFields.bringBackNamed', { label: field.label })}
                  disabled={busy}
                  onClick={() =>
                    void change(
                      // Back at the end of the fields in use.
                      [
                        {
                          id: field.id,
                          retired: false,
                          position: Math.max(-1, ...inUse.map((f) => f.position)) + 1,
                        },
                      ],
                      t('customFields.saved', { label: field.label }),
                    )
                  }
                >
                  {t('customFields.bringBack')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {editing && (
        <CustomFieldDialog
          {...(editing.field ? { field: editing.field } : {})}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setDone(t('customFields.saved', { label: saved.label }));
            void load();
          }}
        />
      )}
    </section>
  );
}
