import { useState } from 'react';
import type { ImportDraftView, ImportField } from '../../../shared/imports';
import { ErrorBanner } from '../components/ErrorBanner';
import { CommitStep } from './CommitStep';
import { buildDecisions, withChoice, type Choices, type DuplicateChoice } from './decisions';
import { DetectedInfo } from './DetectedInfo';
import { FilePicker } from './FilePicker';
import { mappingWarnings, setField } from './mapping';
import { MappingTable } from './MappingTable';
import { PreviewStep } from './PreviewStep';
import { useImportDraft, type InspectOptions } from './useImportDraft';
import { useImportJob, type StartInput } from './useImportJob';

interface ImportWizardProps {
  /** After the chapter's members changed (an import committed or undone). */
  onChanged: () => void;
  onOpenMembers: () => void;
}

const NO_CHOICES: Choices = new Map();

/**
 * File, mapping, preview, commit. The preview is a dry run of exactly what the commit will send,
 * so the counts the secretary approves are the counts she gets.
 */
export function ImportWizard({ onChanged, onOpenMembers }: ImportWizardProps) {
  const source = useImportDraft();
  const [fields, setFields] = useState<(ImportField | null)[]>([]);
  const [choices, setChoices] = useState<Choices>(NO_CHOICES);
  const preview = useImportJob({ cancelOnUnmount: true });
  // Leaving the screen must not silently abandon an import the secretary asked for.
  const commit = useImportJob({ cancelOnUnmount: false });
  const { draft } = source;

  /** A new reading of the file: its columns may differ, so the mapping and decisions start again. */
  const startOver = (view: ImportDraftView | null) => {
    setFields(view ? [...view.fields] : []);
    setChoices(NO_CHOICES);
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

  const startInput = (view: ImportDraftView, dryRun: boolean, decided: Choices): StartInput => ({
    draftId: view.draftId,
    ...source.options,
    fields,
    decisions: buildDecisions(decided),
    dryRun,
  });

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
        <>
          <DetectedInfo draft={draft} updating={source.updating} onReinspect={(o) => void reinspect(o)} />
          <MappingTable
            draft={draft}
            fields={fields}
            onChange={(column, field) => {
              setFields(setField(fields, column, field));
              setChoices(NO_CHOICES);
              preview.reset();
            }}
          />
          <PreviewStep
            fileName={draft.fileName}
            status={preview.status}
            result={preview.result}
            choices={choices}
            ready={!mappingWarnings(fields).noIdentity && !source.updating}
            onPreview={() => void preview.start(startInput(draft, true, choices))}
            onCancel={() => void preview.cancel()}
            onChoose={(rowNumber: number, choice: DuplicateChoice) => {
              const next = withChoice(choices, rowNumber, choice);
              setChoices(next);
              void preview.start(startInput(draft, true, next));
            }}
            onCommit={() => afterCommit(commit.start(startInput(draft, false, choices)))}
          />
        </>
      )}
    </>
  );
}
