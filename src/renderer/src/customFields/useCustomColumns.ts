import { useCallback, useEffect, useState } from 'react';
import type { CustomField, CustomFieldKind, ImportCustomColumn } from '../../../shared/custom-fields';
import type { ImportDraftView, ImportField } from '../../../shared/imports';
import { foldText } from '../../../shared/text';
import { api } from '../api/client';

/** What the secretary chose for a column no field of ours takes: one of the chapter's fields, or a new one. */
export type CustomChoice = { fieldId: string } | { newField: { label: string; kind: CustomFieldKind } };

export interface CustomColumns {
  /** The chapter's fields in use, offered for any column. */
  fields: CustomField[];
  choices: Readonly<Record<number, CustomChoice>>;
  choose: (column: number, choice: CustomChoice | null) => void;
  /** A new file read: columns whose header is the label of one of the chapter's fields take it. */
  startOver: (view: ImportDraftView | null) => void;
  /** What imports.start is sent; only columns that no field of ours takes. */
  request: (fields: readonly (ImportField | null)[]) => ImportCustomColumn[];
}

export function useCustomColumns(): CustomColumns {
  const [fields, setFields] = useState<CustomField[]>([]);
  const [choices, setChoices] = useState<Record<number, CustomChoice>>({});

  useEffect(() => {
    let current = true;
    api.call('customFields.list', undefined).then(
      (all) => {
        if (current) setFields(all.filter((f) => !f.retired));
      },
      // Without the list the wizard still imports every other column; the fields show as unknown.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  const startOver = useCallback(
    (view: ImportDraftView | null) => {
      const next: Record<number, CustomChoice> = {};
      view?.headers.forEach((header, column) => {
        if (view.fields[column]) return;
        const field = fields.find((f) => foldText(f.label) === foldText(header));
        if (field) next[column] = { fieldId: field.id };
      });
      setChoices(next);
    },
    [fields],
  );

  return {
    fields,
    choices,
    choose: (column, choice) =>
      setChoices(({ [column]: _before, ...rest }) => (choice ? { ...rest, [column]: choice } : rest)),
    startOver,
    request: (mapped) =>
      Object.entries(choices).flatMap(([column, choice]) =>
        mapped[Number(column)] ? [] : [{ index: Number(column), ...choice }],
      ),
  };
}
