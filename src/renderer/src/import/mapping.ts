import type { ImportDraftView, ImportField } from '../../../shared/imports';

export interface MappingWarnings {
  /** Fields fed by more than one column (by column index): the import uses only the first. */
  duplicates: { field: ImportField; columns: number[] }[];
  /** No column gives a name or an email, so every row would be rejected. */
  noIdentity: boolean;
}

/** Several note columns are joined into one note, so only the other fields can collide. */
const JOINABLE: ReadonlySet<ImportField> = new Set(['notes']);
const IDENTIFYING: readonly ImportField[] = ['firstName', 'lastName', 'fullName', 'email'];

export function mappingWarnings(fields: readonly (ImportField | null)[]): MappingWarnings {
  const byField = new Map<ImportField, number[]>();
  fields.forEach((field, index) => {
    if (field) byField.set(field, [...(byField.get(field) ?? []), index]);
  });
  const duplicates = [...byField]
    .filter(([field, columns]) => columns.length > 1 && !JOINABLE.has(field))
    .map(([field, columns]) => ({ field, columns }));
  return { duplicates, noIdentity: !IDENTIFYING.some((field) => byField.has(field)) };
}

/** A few values from a column's first rows, skipping blanks, so the secretary sees what it holds. */
export function columnExamples(sample: ImportDraftView['sample'], column: number, max = 3): string[] {
  const examples: string[] = [];
  for (const row of sample) {
    const value = row.cells[column]?.trim();
    if (value) examples.push(value);
    if (examples.length === max) break;
  }
  return examples;
}

/** The spreadsheet's own name for a column without a header: A, B, … Z, AA, AB… */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function setField(
  fields: readonly (ImportField | null)[],
  column: number,
  field: ImportField | null,
): (ImportField | null)[] {
  return fields.map((current, index) => (index === column ? field : current));
}
