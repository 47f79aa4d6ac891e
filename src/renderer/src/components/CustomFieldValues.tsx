import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField, CustomFieldValue } from '../../../shared/custom-fields';
import { api } from '../api/client';
import { customValueText } from '../customFields/customValueText';
import { useFormat } from '../i18n/useFormat';
import { ErrorBanner } from './ErrorBanner';

interface CustomFieldValuesProps {
  memberId: string;
  /** Changes when the member may have been edited (a save, a sync): the values are read again. */
  dataVersion: number;
}

/**
 * The member's values of the chapter's own fields, in the fields' order; nothing at all when the
 * chapter has none. Retired fields are not shown (their values stay, and come back with them).
 */
export function CustomFieldValues({ memberId, dataVersion }: CustomFieldValuesProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [loaded, setLoaded] = useState<{ fields: CustomField[]; values: CustomFieldValue[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    Promise.all([
      api.call('customFields.list', undefined),
      api.call('members.fieldValues', { id: memberId }),
    ]).then(
      ([fields, values]) => {
        if (!current) return;
        setLoaded({ fields: fields.filter((f) => !f.retired), values });
        setError(null);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [memberId, dataVersion, attempt]);

  if (error !== null) return <ErrorBanner error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!loaded || loaded.fields.length === 0) return null;
  const byField = new Map(loaded.values.map((v) => [v.field.id, v.value]));
  return (
    <section aria-labelledby="custom-values-title" className="card" data-testid="custom-values">
      <h2 id="custom-values-title">{t('customFields.memberTitle')}</h2>
      <dl className="details">
        {loaded.fields.map((field) => {
          const value = byField.get(field.id);
          return (
            <div key={field.id} className="details__row">
              <dt>{field.label}</dt>
              <dd>
                {value === undefined ? (
                  t('common.none')
                ) : (
                  <bdi className="details__notes">{customValueText(field.kind, value, format, t)}</bdi>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
