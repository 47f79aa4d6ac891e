import { z } from 'zod';
import { MEMBER_LIST_FILTERS } from './domain';
import { CUSTOM_FIELDS_MAX, importCustomColumn } from './custom-fields';
import { CSV_DELIMITERS } from './locale/csv';
import type { MembershipKind } from './dues/status';
import type { Problem } from './problems';

/**
 * The member fields a spreadsheet column can feed. `fullName` is virtual: it is split into first
 * and last name. `membershipType` carries the type's name, resolved to a type on import.
 */
export const IMPORT_FIELDS = [
  'memberNumber',
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'country',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'region',
  'organisation',
  'membershipType',
  'joinedOn',
  'paidThrough',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The fields holding a date, whose all-numeric values (03/04/2024) need a day/month order. */
export const IMPORT_DATE_FIELDS = ['joinedOn', 'paidThrough'] as const satisfies readonly ImportField[];
export type ImportDateField = (typeof IMPORT_DATE_FIELDS)[number];

/**
 * Day first or month first. Year-first dates (2024-03-04) need no choice: a four-digit first
 * number is always the year, followed by the month.
 */
export const IMPORT_DATE_ORDERS = ['dmy', 'mdy'] as const;
export type ImportDateOrder = (typeof IMPORT_DATE_ORDERS)[number];

/**
 * Why a row was not imported, or what happened to one of its values, as a stable code the renderer
 * words (with `params`) and the CLI prints in English. Rows with the same code, field, column and
 * params are one group: "12 rows: no membership type called “Étudiant”".
 */
export const IMPORT_PROBLEM_CODES = [
  // The row was not imported.
  'no_name_or_email',
  'no_name_invalid_email',
  // A value was left out.
  'invalid_email',
  'phone_rounded',
  'number_rounded',
  'unknown_country',
  'invalid_date',
  'year_only',
  'out_of_range',
  'wrong_order',
  'too_long',
  'unknown_type',
  'retired_type',
  // A value of a column imported into one of the chapter's own fields that the field cannot take.
  'custom_number_invalid',
  'custom_date_invalid',
  'custom_yesno_invalid',
  'custom_choice_unknown',
  'custom_too_long',
  // The value was imported; worth a look.
  'several_emails',
  'phone_not_recognised',
  'notes_shortened',
  'merge_conflict',
  'member_number_taken',
  'unclosed_quote',
  'stray_quotes',
  'row_format',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

/** rejected: the rows were not imported. error: a value was left out. warning: imported, worth a look. */
export type ImportProblemSeverity = 'rejected' | 'error' | 'warning';

/** One row of a group: its number as the spreadsheet shows it, and the value as it stands in the file. */
export interface ImportProblemRow {
  row: number;
  value: string;
  /** merge_conflict: the earlier row this one is merged into, and the value it replaced. */
  earlierRow?: number;
  replaced?: string;
}

/** The same problem on many rows, said once with the rows listed in order. */
export interface ImportProblemGroup {
  severity: ImportProblemSeverity;
  code: ImportProblemCode;
  /** null when the problem concerns the row as a whole. */
  field: ImportField | null;
  /** The file's column, when its name differs from the field's. */
  column: string | null;
  /** What the wording names besides the rows: a type's name, a length limit, a country… */
  params: Record<string, string | number>;
  /** Every row with this problem; `rows` lists the first IMPORT_PROBLEM_ROWS of them. */
  count: number;
  rows: ImportProblemRow[];
  /** In English, for the command line and logs: "3 rows, Email (column “Courriel”): …". */
  message: string;
}

/** Rows listed per group; the count is always exact. */
export const IMPORT_PROBLEM_ROWS = 1000;

/**
 * The secretary's answer for a value of the file's membership type column: the type it stands for,
 * or null for none. Values are compared ignoring case and accents.
 */
export const importTypeChoice = z.strictObject({
  value: z.string().trim().min(1).max(200),
  typeId: z.uuid().nullable(),
});
export type ImportTypeChoice = z.infer<typeof importTypeChoice>;

/** How a value of the type column found its type (or, for chosen, remembered and none, that it has none). */
export type ImportTypeSource = 'chosen' | 'remembered' | 'name' | 'created' | 'none';

/** One distinct value of the file's membership type column and what the import does with it. */
export interface ImportTypeValue {
  /** As first written in the file. */
  value: string;
  rows: number;
  /** The type its rows get, and its name; null: none. */
  typeId: string | null;
  typeName: string | null;
  /** null: no type matched (the rows are imported without one). */
  source: ImportTypeSource | null;
  /** A retired type of that name, which new imports do not give. */
  retiredTypeId: string | null;
  /** The kind the value's name says in one of our languages ("Honoraire": honorary), for a type made of it. */
  suggestedKind: MembershipKind | null;
}

/** 150 MB of file as base64: far above any member list, low enough to refuse a mistaken video. */
export const MAX_FILE_BASE64 = 200 * 1024 * 1024;

export const importInspectInput = z.union([
  z.strictObject({
    fileName: z.string().trim().min(1).max(260),
    data: z.base64().max(MAX_FILE_BASE64),
    sheet: z.string().max(200).optional(),
    headerRow: z.number().int().min(0).max(1_000_000).optional(),
  }),
  z.strictObject({
    draftId: z.uuid(),
    sheet: z.string().max(200).optional(),
    headerRow: z.number().int().min(0).max(1_000_000).optional(),
  }),
]);

export const importStartInput = z.strictObject({
  draftId: z.uuid(),
  sheet: z.string().max(200).optional(),
  headerRow: z.number().int().min(0).max(1_000_000).optional(),
  fields: z.array(z.enum(IMPORT_FIELDS).nullable()).max(16_384),
  dateOrders: z
    .strictObject({
      joinedOn: z.enum(IMPORT_DATE_ORDERS).optional(),
      paidThrough: z.enum(IMPORT_DATE_ORDERS).optional(),
    })
    .optional(),
  decisions: z
    .array(
      z.strictObject({
        rowNumber: z.number().int().min(1),
        action: z.enum(['keep', 'merge', 'skip']),
        memberId: z.uuid().optional(),
      }),
    )
    .max(1_000_000)
    .optional(),
  keepPossibleDuplicates: z.boolean().optional(),
  /** What values of the membership type column stand for; remembered for later imports once committed. */
  typeChoices: z.array(importTypeChoice).max(1000).optional(),
  /** Values of the membership type column to create a type for (named as written). */
  createTypes: z.array(z.string().trim().min(1).max(200)).max(1000).optional(),
  /** Columns imported into the chapter's own fields, existing or made from the column. */
  customColumns: z.array(importCustomColumn).max(CUSTOM_FIELDS_MAX).optional(),
  dryRun: z.boolean(),
});

export const exportMembersInput = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  /** What separates a CSV's cells; absent: the chapter's setting, else what the language's spreadsheets expect. */
  delimiter: z.enum(CSV_DELIMITERS).optional(),
  /** The language of the header row and of the values in words (statuses, yes/no); absent: the chapter's. */
  language: z.enum(['en', 'fr']).optional(),
  ...MEMBER_LIST_FILTERS,
});

export interface ImportDraftView {
  draftId: string;
  fileName: string;
  info: {
    format: 'csv' | 'xlsx' | 'ods';
    encoding: string | null;
    delimiter: string | null;
    sheets: { name: string; hidden: boolean; rowCount: number }[];
    sheet: string | null;
    headerRowNumber: number;
    headerDetected: boolean;
    warnings: string[];
  };
  headers: string[];
  sample: { rowNumber: number; cells: string[] }[];
  fields: (ImportField | null)[];
  fieldOptions: readonly ImportField[];
}

export interface ImportRowRef {
  rowNumber: number;
  memberId: string | null;
  name: string;
  email: string | null;
  fields?: string[];
}

export interface ImportCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  possibleDuplicates: number;
  /** Rows that were the same member as an earlier row of the file and were merged into it. */
  merged: number;
}

/** A row that was not imported: why, as a code the renderer words, and in English. */
export interface ImportRejectedRow {
  rowNumber: number;
  code: ImportProblemCode;
  /** The value the reason names (an email that is not valid), else ''. */
  value: string;
  /** In English, with every value left out of the row: the rejects file's Reason column. */
  reason: string;
}

/** A row merged into an earlier row of the same file (same email or member number). */
export interface ImportMergedRow {
  rowNumber: number;
  into: number;
  name: string;
}

export interface ImportResultView {
  counts: ImportCounts;
  /** The order each mapped date column was read in: chosen by the secretary, inferred from its values, or the country's default. */
  dateOrders: Partial<
    Record<ImportDateField, { order: ImportDateOrder; source: 'inferred' | 'chosen' | 'default' }>
  >;
  created: ImportRowRef[];
  updated: ImportRowRef[];
  unchanged: ImportRowRef[];
  skipped: ImportRowRef[];
  rejected: ImportRejectedRow[];
  merged: ImportMergedRow[];
  possibleDuplicates: (ImportRowRef & {
    duplicates: (
      | { kind: 'row'; rowNumber: number; reason: string }
      | { kind: 'member'; memberId: string; reason: string }
    )[];
  })[];
  /** Every problem, grouped, in the order of each group's first row. */
  problems: ImportProblemGroup[];
  /** How many rows each kind of problem touches (a row with two problems counts once). */
  problemRows: Record<ImportProblemSeverity, number>;
  /** The distinct values of the membership type column (the first 200), most rows first. */
  typeValues: ImportTypeValue[];
  /** Set once committed: what Undo takes. */
  batchId: string | null;
  /** The rejected rows with a Reason column, UTF-8 CSV as base64, to fix and import again. */
  rejectsCsv: string | null;
  dryRun: boolean;
}

/** Why an import job failed: an error code, its English message, and the problem the renderer words. */
export interface ImportJobFailure {
  code: string;
  message: string;
  problem?: Problem;
}

export type ImportJobView =
  | {
      state: 'running';
      progress: {
        phase: 'reading' | 'checking' | 'saving';
        processed: number;
        total: number;
        rowsPerSecond: number;
      } | null;
    }
  | { state: 'done'; result: ImportResultView }
  | { state: 'failed'; error: ImportJobFailure }
  | { state: 'cancelled' };

export interface ImportBatchView {
  id: string;
  fileName: string;
  officer: string;
  createdAt: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  possibleDuplicates: number;
  undoneAt: string | null;
}

/** An undone import, with the fields Undo left alone because they were edited after the import. */
export interface ImportUndoView extends ImportBatchView {
  /** Column names, as an update's `fields` (first_name, city…). */
  keptEdits: { memberId: string; name: string; fields: string[] }[];
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** base64 */
  data: string;
}
