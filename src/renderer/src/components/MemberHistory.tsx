import { useTranslation } from 'react-i18next';
import type { HistoryEntry, MembershipType } from '../../../shared/domain';
import { useFormat } from '../i18n/useFormat';
import { groupHistory, type HistoryChange } from './historyEdits';

const NODE_ID_LENGTH = 8;

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
            <span>
              {t('member.changedBy', {
                officer: edit.officer ?? t('member.someone'),
                node: edit.nodeId.slice(0, NODE_ID_LENGTH),
              })}
            </span>
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

  let shown: string;
  if (value === null || value === undefined || value === '') shown = t('member.cleared');
  else if (field === 'consentEmail' || field === 'consentSms')
    shown = isTrue(value) ? t('common.yes') : t('common.no');
  else if (field === 'typeId') shown = types.find((type) => type.id === value)?.name ?? String(value);
  else if (field === 'joinedOn' || field === 'paidThrough') shown = format.date(String(value));
  else shown = String(value);

  return (
    <div className="history__change">
      <dt>{fieldLabel(field, t)}</dt>
      <dd>
        <bdi>{shown}</bdi>
      </dd>
    </div>
  );
}

const LABELLED = [
  'memberNumber',
  'firstName',
  'lastName',
  'email',
  'phone',
  'phoneE164',
  'country',
  'city',
  'organisation',
  'typeId',
  'joinedOn',
  'paidThrough',
  'notes',
  'consentEmail',
  'consentSms',
  'status',
] as const;

function fieldLabel(field: string, t: ReturnType<typeof useTranslation>['t']): string {
  const known = LABELLED.find((name) => name === field);
  return known ? t(`fields.${known}`) : field;
}

/** SQLite stores booleans as 0 and 1, and the log keeps them as stored. */
function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}
