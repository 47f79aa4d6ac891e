import './dues.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../shared/domain';
import type { MembershipType } from '../../../shared/payments';
import { useFormat } from '../i18n/useFormat';
import { MembershipTypeDialog } from './MembershipTypeDialog';

interface MembershipTypesSectionProps {
  chapter: Chapter;
  types: MembershipType[];
  onSaved: (type: MembershipType, added: boolean) => void;
}

type Editing = { type?: MembershipType } | null;

export function MembershipTypesSection({ chapter, types, onSaved }: MembershipTypesSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState<Editing>(null);

  return (
    <section aria-labelledby="types-title" className="card stack">
      <div className="section-heading">
        <h2 id="types-title">{t('types.title')}</h2>
        <button type="button" className="button button--small" onClick={() => setEditing({})}>
          {t('types.add')}
        </button>
      </div>
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
                <tr key={type.id} data-testid="membership-type">
                  <th scope="row">{type.name}</th>
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
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('types.editNamed', { name: type.name })}
                      onClick={() => setEditing({ type })}
                    >
                      {t('member.edit')}
                    </button>
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
            onSaved(saved, added);
          }}
        />
      )}
    </section>
  );
}
