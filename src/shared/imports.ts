import { z } from 'zod';
import { MEMBER_LIST_FILTERS } from './domain';
import { CSV_DELIMITERS } from './locale/csv';

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
  rejected: { rowNumber: number; reason: string }[];
  merged: ImportMergedRow[];
  possibleDuplicates: (ImportRowRef & {
    duplicates: (
      | { kind: 'row'; rowNumber: number; reason: string }
      | { kind: 'member'; memberId: string; reason: string }
    )[];
  })[];
  errors: { row: number; field: string; message: string }[];
  warnings: { row: number; field: string; message: string }[];
  /** Set once committed: what Undo takes. */
  batchId: string | null;
  /** The rejected rows with a Reason column, UTF-8 CSV as base64, to fix and import again. */
  rejectsCsv: string | null;
  dryRun: boolean;
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
  | { state: 'failed'; error: { code: string; message: string } }
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
