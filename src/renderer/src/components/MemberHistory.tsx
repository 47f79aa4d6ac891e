import { useTranslation } from 'react-i18next';
import type { HistoryEntry, MembershipType } from '../../../shared/domain';
import { useFormat } from '../i18n/useFormat';
import { authorText, fieldLabel, fieldValueText, isTrue } from './fieldDisplay';
import { groupHistory, type HistoryChange } from './historyEdits';

interface MemberHistoryProps {
  entries: HistoryEntry[];
  types: MembershipType[];
}

export function MemberHistory({ entries, types }: MemberHistoryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const edits = groupHistory(entries);
  if (edits.length === 0) return <p className="muted">{t('member.noHistory')}</p>;
  return (
    <ol className="history" data-testid="history">
      {edits.map((edit) => (
        <li key={edit.hlc} className="history__edit" data-testid="history-edit">
          <p className="history__meta">
            <time dateTime={edit.at}>{format.dateTime(edit.at)}</time>
            <span>{authorText(edit.by, t)}</span>
          </p>
          <dl className="history__changes">
            {edit.changes.map((change) => (
              <ChangeLine key={change.field} change={change} types={types} />
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}

function ChangeLine({ change, types }: { change: HistoryChange; types: MembershipType[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { field, value } = change;

  if (field === 'deleted') {
    return (
      <div className="history__change">
        <dt>{t('fields.deleted')}</dt>
        <dd>{isTrue(value) ? t('member.wasDeleted') : t('member.wasRestored')}</dd>
      </div>
    );
  }

  return (
    <div className="history__change">
      <dt>{fieldLabel(field, t)}</dt>
      <dd>
        <bdi>{fieldValueText(field, value, { t, formatDate: format.date, types })}</bdi>
      </dd>
    </div>
  );
}
