import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../shared/domain';
import type {
  ImportDateField,
  ImportDateOrder,
  ImportDraftView,
  ImportField,
  ImportTypeValue,
} from '../../../shared/imports';
import type { MembershipType } from '../../../shared/payments';
import { ErrorBanner } from '../components/ErrorBanner';
import type { TypeChange } from '../dues/MembershipTypesSection';
import { MembershipTypeDialog } from '../dues/MembershipTypeDialog';
import { CommitStep } from './CommitStep';
import { keepDateOrders, NO_DATE_ORDERS, withDateOrder, type DateOrders } from './dateOrders';
import {
  decideAll,
  NO_REVIEW,
  reviewRequest,
  withReviewChoice,
  type DuplicateChoice,
  type Review,
} from './decisions';
import { DetectedInfo } from './DetectedInfo';
import { FilePicker } from './FilePicker';
import { mappingWarnings, setField } from './mapping';
import { MappingTable } from './MappingTable';
import { useCustomColumns } from '../customFields/useCustomColumns';
import { PreviewStep } from './PreviewStep';
import { NO_TYPE_CHOICES, typeChoicesRequest, withTypeChoice, type TypeChoices } from './typeChoices';
import { useImportDraft, type InspectOptions } from './useImportDraft';
import { useImportJob, type StartInput } from './useImportJob';

interface ImportWizardProps {
  chapter: Chapter;
  types: readonly MembershipType[];
  /** A type created from a category of the file: every list of types reads it. */
  onTypeSaved: (type: MembershipType, change: TypeChange) => void;
  /** After the chapter's members changed (an import committed or undone). */
  onChanged: () => void;
  onOpenMembers: () => void;
}

/**
 * File, mapping, preview, commit. The preview is a dry run of exactly what the commit will send,
 * so the counts the secretary approves are the counts she gets.
 */
export function ImportWizard({ chapter, types, onTypeSaved, onChanged, onOpenMembers }: ImportWizardProps) {
  const { t } = useTranslation();
  const source = useImportDraft();
  const [fields, setFields] = useState<(ImportField | null)[]>([]);
  const [dateOrders, setDateOrders] = useState<DateOrders>(NO_DATE_ORDERS);
  const [review, setReview] = useState<Review>(NO_REVIEW);
  const [typeChoices, setTypeChoices] = useState<TypeChoices>(NO_TYPE_CHOICES);
  const [creating, setCreating] = useState<ImportTypeValue | null>(null);
  const custom = useCustomColumns();
  const preview = useImportJob({ cancelOnUnmount: true });
  // Leaving the screen must not silently abandon an import the secretary asked for.
  const commit = useImportJob({ cancelOnUnmount: false });
  const { draft } = source;

  /** A new reading of the file: its columns may differ, so the mapping and decisions start again. */
  const startOver = (view: ImportDraftView | null) => {
    setFields(view ? [...view.fields] : []);
    setDateOrders(NO_DATE_ORDERS);
    setReview(NO_REVIEW);
    setTypeChoices(NO_TYPE_CHOICES);
    custom.startOver(view);
    preview.reset();
    commit.reset();
  };

  const openFile = async (file: File) => {
    startOver(null);
    startOver(await source.open(file));
  };

  const reinspect = async (options: InspectOptions) => {
    const view = await source.reinspect(options);
    if (view) startOver(view);
  };

  const startInput = (
    view: ImportDraftView,
    dryRun: boolean,
    decided: Review,
    orders: DateOrders = dateOrders,
    choices: TypeChoices = typeChoices,
  ): StartInput => ({
    draftId: view.draftId,
    ...source.options,
    fields,
    dateOrders: orders,
    ...reviewRequest(decided),
    typeChoices: typeChoicesRequest(choices),
    customColumns: custom.request(fields),
    dryRun,
  });

  /** A category's type chosen: the preview on screen shows what it does. */
  const chooseType = (view: ImportDraftView, value: string, typeId: string | null) => {
    const next = withTypeChoice(typeChoices, value, typeId);
    setTypeChoices(next);
    void preview.start(startInput(view, true, review, dateOrders, next));
  };

  const afterCommit = (promise: Promise<{ state: string }>) =>
    void promise.then((status) => {
      if (status.state === 'done') onChanged();
    });

  if (draft && commit.status.state !== 'idle') {
    return (
      <CommitStep
        fileName={draft.fileName}
        status={commit.status}
        onCancel={() => afterCommit(commit.cancel())}
        onBack={commit.reset}
        onUndone={onChanged}
        onOpenMembers={onOpenMembers}
        onAnother={() => {
          source.clear();
          startOver(null);
        }}
      />
    );
  }

  return (
    <>
      <FilePicker onFile={(file) => void openFile(file)} reading={source.reading} />
      {source.error !== null && <ErrorBanner error={source.error} onDismiss={source.dismissError} />}
      {draft && (
        <DetectedInfo draft={draft} updating={source.updating} onReinspect={(o) => void reinspect(o)} />
      )}
      {/* Nothing below the column names: no mapping or preview would have anything to show. */}
      {draft && draft.sample.length === 0 && (
        <p role="status" className="import-note import-note--warning" data-testid="import-no-rows">
          {t('import.noRows')}
        </p>
      )}
      {draft && draft.sample.length > 0 && (
        <>
          <MappingTable
            draft={draft}
            fields={fields}
            onChange={(column, field) => {
              const next = setField(fields, column, field);
              setFields(next);
              setDateOrders(keepDateOrders(dateOrders, fields, next));
              setReview(NO_REVIEW);
              preview.reset();
            }}
            custom={{
              ...custom,
              choose: (column, choice) => {
                custom.choose(column, choice);
                preview.reset();
              },
            }}
          />
          <PreviewStep
            draft={draft}
            fields={fields}
            dateOrders={dateOrders}
            status={preview.status}
            result={preview.result}
            review={review}
            ready={!mappingWarnings(fields).noIdentity && !source.updating}
            onDateOrder={(field: ImportDateField, order: ImportDateOrder | null) => {
              const next = withDateOrder(dateOrders, field, order);
              setDateOrders(next);
              // A preview on screen must show what the new order does; before one, there is nothing to redo.
              if (preview.status.state !== 'idle') void preview.start(startInput(draft, true, review, next));
            }}
            onPreview={() => void preview.start(startInput(draft, true, review))}
            onCancel={() => void preview.cancel()}
            onChoose={(rowNumber: number, choice: DuplicateChoice) => {
              const next = withReviewChoice(review, rowNumber, choice);
              setReview(next);
              void preview.start(startInput(draft, true, next));
            }}
            onDecideAll={(action) => {
              if (!preview.result) return;
              const { possibleDuplicates, counts } = preview.result;
              const next = decideAll(possibleDuplicates, counts.possibleDuplicates, action);
              setReview(next);
              void preview.start(startInput(draft, true, next));
            }}
            onCommit={() => afterCommit(commit.start(startInput(draft, false, review)))}
            types={types}
            typeChoices={typeChoices}
            onTypeChoice={(value, typeId) => chooseType(draft, value, typeId)}
            onCreateType={setCreating}
          />
          {creating && (
            <MembershipTypeDialog
              chapter={chapter}
              proposed={{ name: creating.value, kind: creating.suggestedKind }}
              onClose={() => setCreating(null)}
              onSaved={(type) => {
                setCreating(null);
                onTypeSaved(type, 'added');
                chooseType(draft, creating.value, type.id);
              }}
            />
          )}
        </>
      )}
    </>
  );
}
