import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict, MembershipType } from '../../../shared/domain';
import { useFormat } from '../i18n/useFormat';
import { authorText, fieldLabel, fieldValueText, shortId } from './fieldDisplay';

interface ConflictItemProps {
  conflict: Conflict;
  types: MembershipType[];
  busy: boolean;
  onOpenMember: (id: string) => void;
  onRestore: () => void;
  onKeep: () => void;
}

export function ConflictItem({ conflict, types, busy, onOpenMember, onRestore, onKeep }: ConflictItemProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const isMember = conflict.table === 'members';
  const rowName = isMember
    ? conflict.rowLabel || t('members.unnamed')
    : t('conflicts.otherRecord', { id: conflict.rowLabel ?? shortId(conflict.rowId) });
  const value = (raw: unknown) => fieldValueText(conflict.column, raw, { t, formatDate: format.date, types });

  return (
    <li className="conflict card" data-testid="conflict">
      <h2 id={titleId} className="conflict__title">
        {isMember ? (
          <button type="button" className="link-button" onClick={() => onOpenMember(conflict.rowId)}>
            {rowName}
          </button>
        ) : (
          rowName
        )}
        <span aria-hidden="true">·</span>
        <span className="conflict__field">{fieldLabel(conflict.column, t)}</span>
      </h2>
      <p className="conflict__meta">
        {t('conflicts.noticed', { when: format.dateTime(conflict.detectedAt) })}
      </p>
      <dl className="conflict__values">
        <div className="conflict__value conflict__value--kept">
          <dt>{t('conflicts.kept')}</dt>
          <dd>
            <bdi data-testid="conflict-kept">{value(conflict.wonValue)}</bdi>
            <span className="conflict__from">
              {t('conflicts.from', { who: authorText(conflict.wonBy, t) })}
            </span>
          </dd>
        </div>
        <div className="conflict__value conflict__value--lost">
          <dt>{t('conflicts.lost')}</dt>
          <dd>
            <bdi data-testid="conflict-lost">{value(conflict.lostValue)}</bdi>
            <span className="conflict__from">
              {t('conflicts.from', { who: authorText(conflict.lostBy, t) })}
            </span>
          </dd>
        </div>
      </dl>
      <div className="button-row">
        <button
          type="button"
          className="button"
          aria-describedby={titleId}
          disabled={busy}
          onClick={onRestore}
        >
          {t('conflicts.restore')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-describedby={titleId}
          disabled={busy}
          onClick={onKeep}
        >
          {t('conflicts.keep')}
        </button>
      </div>
    </li>
  );
}
