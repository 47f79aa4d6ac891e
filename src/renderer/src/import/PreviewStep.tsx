import { useTranslation } from 'react-i18next';
import type {
  ImportDateField,
  ImportDateOrder,
  ImportDraftView,
  ImportField,
  ImportResultView,
  ImportTypeValue,
} from '../../../shared/imports';
import type { MembershipType } from '../../../shared/payments';
import { ErrorBanner } from '../components/ErrorBanner';
import { useFormat } from '../i18n/useFormat';
import { DateOrderFields } from './DateOrderFields';
import type { DateOrders } from './dateOrders';
import type { DuplicateChoice, Review } from './decisions';
import { DuplicateReview } from './DuplicateReview';
import { ImportResult } from './ImportResult';
import { JobProgressBar } from './JobProgressBar';
import { columnLetter } from './mapping';
import type { TypeChoices } from './typeChoices';
import { TypeValueFields } from './TypeValueFields';
import type { JobStatus } from './useImportJob';

interface PreviewStepProps {
  draft: ImportDraftView;
  fields: readonly (ImportField | null)[];
  dateOrders: DateOrders;
  status: JobStatus;
  /** The last finished preview, kept on screen while the next one runs. */
  result: ImportResultView | null;
  review: Review;
  /** False while the mapping cannot import anything. */
  ready: boolean;
  types: readonly MembershipType[];
  typeChoices: TypeChoices;
  onTypeChoice: (value: string, typeId: string | null) => void;
  onCreateType: (value: ImportTypeValue) => void;
  onDateOrder: (field: ImportDateField, order: ImportDateOrder | null) => void;
  onPreview: () => void;
  onCancel: () => void;
  onChoose: (rowNumber: number, choice: DuplicateChoice) => void;
  onDecideAll: (action: 'keep' | 'skip') => void;
  onCommit: () => void;
}

export function PreviewStep(props: PreviewStepProps) {
  const { draft, fields, dateOrders, status, result, review, ready, types, typeChoices } = props;
  const { onDateOrder, onPreview, onCancel, onChoose, onDecideAll, onCommit, onTypeChoice, onCreateType } =
    props;
  const { t } = useTranslation();
  const format = useFormat();
  const running = status.state === 'running';
  const toImport = result ? result.counts.created + result.counts.updated : 0;
  const typeAt = fields.indexOf('membershipType');
  const typeColumn =
    draft.headers[typeAt]?.trim() || t('import.mapping.columnLetter', { letter: columnLetter(typeAt) });

  return (
    <section className="card stack" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{t('import.preview.title')}</h2>
      <DateOrderFields
        draft={draft}
        fields={fields}
        orders={dateOrders}
        problems={result?.problems ?? null}
        inUse={result?.dateOrders ?? null}
        onChange={onDateOrder}
      />
      <div className="button-row">
        {/* Left enabled while running, so the focus stays put; a second click starts the preview afresh. */}
        <button type="button" className="button" disabled={!ready} onClick={onPreview}>
          {t('import.preview.run')}
        </button>
      </div>
      {status.state === 'running' && (
        <JobProgressBar progress={status.progress} cancellable={status.cancellable} onCancel={onCancel} />
      )}
      {status.state === 'cancelled' && <p className="import-note">{t('import.preview.cancelled')}</p>}
      {status.state === 'failed' && <ErrorBanner error={status.error} />}
      {result && (
        <>
          <p className="muted">{running ? t('import.preview.stale') : t('import.preview.intro')}</p>
          <TypeValueFields
            values={result.typeValues}
            column={typeColumn}
            types={types}
            choices={typeChoices}
            onChoose={onTypeChoice}
            onCreate={onCreateType}
          />
          <ImportResult
            result={result}
            fileName={draft.fileName}
            onCreateType={(value) =>
              onCreateType(
                result.typeValues.find((v) => v.value === value) ?? {
                  value,
                  rows: 0,
                  typeId: null,
                  typeName: null,
                  source: null,
                  retiredTypeId: null,
                  suggestedKind: null,
                },
              )
            }
          />
          {result.possibleDuplicates.length > 0 && (
            <DuplicateReview
              rows={result.possibleDuplicates}
              total={result.counts.possibleDuplicates}
              review={review}
              onChoose={onChoose}
              onDecideAll={onDecideAll}
            />
          )}
          <div className="import-commit">
            <button
              type="button"
              className="button button--primary"
              disabled={status.state !== 'done' || toImport === 0}
              onClick={onCommit}
            >
              {t('import.commit.run', { count: toImport, number: format.number(toImport) })}
            </button>
            {status.state === 'done' && toImport === 0 && (
              <p className="muted">{t('import.commit.nothing')}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
