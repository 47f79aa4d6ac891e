import './dues.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../shared/domain';
import type { MembershipType } from '../../../shared/payments';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { useFormat } from '../i18n/useFormat';
import { MembershipTypeDialog } from './MembershipTypeDialog';

/** What happened to a type, for the notice the app shows. */
export type TypeChange = 'added' | 'saved' | 'retired' | 'restored';

interface MembershipTypesSectionProps {
  chapter: Chapter;
  types: MembershipType[];
  onSaved: (type: MembershipType, change: TypeChange) => void;
}

type Editing = { type?: MembershipType } | null;

export function MembershipTypesSection({ chapter, types, onSaved }: MembershipTypesSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  /** Retiring asks nothing: it takes nothing from anyone and is undone by the same button. */
  const setRetired = async (type: MembershipType, retired: boolean) => {
    setBusy(type.id);
    setError(null);
    try {
      const saved = await api.call('membershipTypes.retire', { id: type.id, retired });
      onSaved(saved, retired ? 'retired' : 'restored');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="types-title" className="card stack">
      <div className="section-heading">
        <h2 id="types-title">{t('types.title')}</h2>
        <button type="button" className="button button--small" onClick={() => setEditing({})}>
          {t('types.add')}
        </button>
      </div>
      <p className="muted">{t('types.retireHint')}</p>
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {types.length === 0 ? (
        <p className="muted">{t('types.none')}</p>
      ) : (
        <div className="dues-table-wrap">
          <table className="dues-table" data-testid="membership-types" aria-labelledby="types-title">
            <thead>
              <tr>
                <th scope="col">{t('types.fields.name')}</th>
                <th scope="col">{t('types.fields.kind')}</th>
                <th scope="col" className="dues-table__number">
                  {t('types.fields.fee')}
                </th>
                <th scope="col">{t('types.columns.period')}</th>
                <th scope="col">{t('types.columns.grace')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('payments.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {types.map((type) => (
                <tr
                  key={type.id}
                  data-testid="membership-type"
                  className={type.retired ? 'dues-table__retired' : undefined}
                >
                  <th scope="row">
                    {type.name}
                    {type.retired && (
                      <>
                        {' '}
                        <span className="badge badge--retired" data-testid="type-retired">
                          {t('types.retiredMark')}
                        </span>
                      </>
                    )}
                  </th>
                  <td>{t(`types.kinds.${type.kind}`)}</td>
                  <td className="dues-table__number">
                    {type.feeMinor > 0 ? format.money(type.feeMinor, type.currency) : t('types.free')}
                  </td>
                  <td>
                    {type.periodMonths === null
                      ? t('types.noPeriod')
                      : t('types.months', { count: type.periodMonths })}
                  </td>
                  <td>
                    {type.periodMonths === null
                      ? t('common.none')
                      : type.graceDays === null
                        ? t('types.chapterGrace', { count: chapter.graceDays })
                        : t('types.days', { count: type.graceDays })}
                  </td>
                  <td>
                    <div className="dues-table__actions">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('types.editNamed', { name: type.name })}
                        onClick={() => setEditing({ type })}
                      >
                        {t('member.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t(type.retired ? 'types.restoreNamed' : 'types.retireNamed', {
                          name: type.name,
                        })}
                        disabled={busy === type.id}
                        onClick={() => void setRetired(type, !type.retired)}
                      >
                        {t(type.retired ? 'types.restore' : 'types.retire')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <MembershipTypeDialog
          chapter={chapter}
          {...(editing.type ? { type: editing.type } : {})}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            const added = !editing.type;
            setEditing(null);
            onSaved(saved, added ? 'added' : 'saved');
          }}
        />
      )}
    </section>
  );
}
