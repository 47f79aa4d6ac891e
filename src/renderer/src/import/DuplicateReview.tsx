import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';
import {
  canHoldBack,
  choiceValue,
  heldBackCount,
  mergeTargets,
  parseChoice,
  shownChoice,
  updatesByDefault,
  type DuplicateChoice,
  type PossibleDuplicateRow,
  type Review,
} from './decisions';
import { useMemberNames } from './useMemberNames';

interface DuplicateReviewProps {
  /** The first possible duplicates (the preview lists a few hundred at most). */
  rows: readonly PossibleDuplicateRow[];
  /** All of them, listed or not. */
  total: number;
  review: Review;
  onChoose: (rowNumber: number, choice: DuplicateChoice) => void;
  onDecideAll: (action: 'keep' | 'skip') => void;
}

export function DuplicateReview({ rows, total, review, onChoose, onDecideAll }: DuplicateReviewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useMemberNames(rows.flatMap(mergeTargets));
  const held = heldBackCount(rows, review);
  const nameOf = (memberId: string) => names.get(memberId) ?? t('import.duplicates.existingMember');
  const cutShort = total > rows.length;
  const counts = { shown: format.number(rows.length), total: format.number(total) };

  return (
    <section className="import-review stack" aria-labelledby="import-review-title">
      <h3 id="import-review-title" className="import-subtitle">
        {t('import.duplicates.title')}
      </h3>
      <p className="muted">{t('import.duplicates.intro')}</p>
      <div className="import-review__bulk" role="group" aria-labelledby="import-review-bulk">
        <p id="import-review-bulk" className="import-review__bulk-label">
          {t('import.duplicates.bulk')}
        </p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => onDecideAll('keep')}>
            {cutShort
              ? t('import.duplicates.keepAllOf', { count: total, number: counts.total })
              : t('import.duplicates.keepAll')}
          </button>
          <button type="button" className="button" onClick={() => onDecideAll('skip')}>
            {t('import.duplicates.skipAll')}
          </button>
        </div>
        {cutShort && <p className="import-note">{t('import.duplicates.listed', counts)}</p>}
      </div>
      <p role="status" className="import-review__held">
        {review.keepUnlisted
          ? t('import.duplicates.keptAll', { count: total, number: counts.total })
          : held > 0 && t('import.duplicates.held', { count: held, number: format.number(held) })}
      </p>
      <ul className="import-review__list">
        {rows.map((row) => {
          const id = `import-choice-${row.rowNumber}`;
          const targets = mergeTargets(row);
          return (
            <li key={row.rowNumber} className="import-review__item" data-testid="duplicate-row">
              <p className="import-review__who">
                <strong>{t('import.duplicates.rowTitle', { row: row.rowNumber })}</strong>
                <span>{row.name || t('import.rows.unnamed')}</span>
                {row.email && <span className="muted">{row.email}</span>}
              </p>
              <ul className="import-review__reasons">
                {row.duplicates.map((duplicate, index) => (
                  <li key={index}>
                    {duplicate.kind === 'row'
                      ? t('import.duplicates.sameAsRow', {
                          row: duplicate.rowNumber,
                          reason: duplicate.reason,
                        })
                      : t('import.duplicates.sameAsMember', {
                          name: nameOf(duplicate.memberId),
                          reason: duplicate.reason,
                        })}
                  </li>
                ))}
              </ul>
              <div className="field">
                <label htmlFor={id} className="field__label">
                  {t('import.duplicates.choiceFor', { row: row.rowNumber })}
                </label>
                <select
                  id={id}
                  className="input"
                  value={choiceValue(shownChoice(row, review))}
                  onChange={(event) => onChoose(row.rowNumber, parseChoice(event.target.value))}
                >
                  {updatesByDefault(row) ? (
                    <option value="hold">{t('import.duplicates.update')}</option>
                  ) : (
                    <>
                      {canHoldBack(row, review) && (
                        <option value="hold">{t('import.duplicates.hold')}</option>
                      )}
                      <option value="keep">{t('import.duplicates.keep')}</option>
                    </>
                  )}
                  {targets.map((memberId) => (
                    <option key={memberId} value={choiceValue({ action: 'merge', memberId })}>
                      {names.has(memberId)
                        ? t('import.duplicates.mergeInto', { name: nameOf(memberId) })
                        : t('import.duplicates.merge')}
                    </option>
                  ))}
                  <option value="skip">{t('import.duplicates.skip')}</option>
                </select>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
