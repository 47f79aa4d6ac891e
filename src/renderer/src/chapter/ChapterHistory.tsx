import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../shared/domain';
import { countryName, currencyName } from '../../../shared/locale/countries';
import { authorText } from '../components/fieldDisplay';
import { groupHistory } from '../components/historyEdits';
import { useFormat } from '../i18n/useFormat';
import { isLanguage } from '../i18n/languages';
import { delimiterName } from './delimiters';

const FIELDS = [
  'name',
  'country',
  'currency',
  'timeZone',
  'graceDays',
  'locale',
  'csvDelimiter',
  'officers',
  'retentionYears',
] as const;
type ChapterField = (typeof FIELDS)[number];
const isChapterField = (field: string): field is ChapterField =>
  (FIELDS as readonly string[]).includes(field);

/** The chapter's changes, newest first, each with when, who and on which laptop. */
export function ChapterHistory({ entries, language }: { entries: HistoryEntry[]; language: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const edits = groupHistory(entries);

  const valueText = (field: ChapterField, value: unknown): string => {
    if (value === null || value === undefined) return t('chapterSettings.none');
    const text = String(value);
    if (field === 'country') return countryName(text, language);
    if (field === 'currency') return currencyName(text, language);
    if (field === 'locale') return isLanguage(text) ? t(`language.${text}`) : text;
    if (field === 'csvDelimiter') return delimiterName(text, t);
    if (field === 'officers') return (JSON.parse(text) as string[]).join(', ');
    return text;
  };

  return (
    <ol className="history" data-testid="chapter-history">
      {edits.map((edit) => (
        <li key={edit.hlc} className="history__edit" data-testid="chapter-history-edit">
          <p className="history__meta">
            <time dateTime={edit.at}>{format.dateTime(edit.at)}</time>
            <span>{authorText(edit.by, t)}</span>
          </p>
          <dl className="history__changes">
            {edit.changes
              .filter((change): change is { field: ChapterField; value: unknown } =>
                isChapterField(change.field),
              )
              .map((change) => (
                <div key={change.field} className="history__change">
                  <dt>{t(`chapterSettings.${change.field}`)}</dt>
                  <dd>
                    <bdi>{valueText(change.field, change.value)}</bdi>
                  </dd>
                </div>
              ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}
