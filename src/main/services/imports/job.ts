import { AppError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import type { WriteContext } from '../../db/changes';
import { openInMemoryCopy } from '../../db/open';
import { requireChapter } from '../chapter/chapter';
import { keepMemberNumbers } from '../members/numbers';
import { rememberedFields, rememberFields } from './batches';
import { cleanBatches, planImport, type CleanRow, type ImportPlan } from './clean';
import { applyImport, existingMembers, type DuplicateDecision, type ImportOutcome } from './commit';
import type { DateOrder } from './dates';
import { resolveDuplicates, type DuplicateReport } from './duplicates';
import type { DateField, ImportField } from './fields';
import { buildMapping, suggestMapping, type ColumnMapping } from './mapping';
import { problemRowCounts } from './problems';
import { rejectsToCsv } from './rejects';
import { openImport, type ImportSource, type SourceInfo } from './source';
import { ImportReadError, NO_ROWS_MESSAGE } from './errors';
import {
  CustomCells,
  plannedCustomColumns,
  resolveCustomColumns,
  writeCustomColumns,
} from './custom-columns';
import type { CustomFieldKind, ImportCustomColumn } from '../../../shared/custom-fields';
import type { ImportTypeChoice } from '../../../shared/imports';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  sheet?: string;
  /** 1-based; 0: the file has no header row. Detected when absent. */
  headerRow?: number;
  /** One per column; absent: the mapping remembered for these headers, else the suggested one. */
  fields?: (ImportField | null)[];
  dateOrders?: Partial<Record<DateField, DateOrder>>;
  decisions?: DuplicateDecision[];
  keepPossibleDuplicates?: boolean;
  /** What values of the membership type column stand for; remembered for the chapter once committed. */
  typeChoices?: ImportTypeChoice[];
  /** Values of the membership type column to create a type for. */
  createTypes?: string[];
  /** Create a type for every value of the membership type column that names none. */
  createMissingTypes?: boolean;
  /** Columns imported into the chapter's own fields (existing, or made from the column), by index. */
  customColumns?: ImportCustomColumn[];
  /** Columns named by header to make a field of the chapter's own (the command line's --new-field). */
  newFields?: { header: string; kind: CustomFieldKind }[];
  /** Preview: everything is computed and written into an in-memory copy of the file, then dropped. */
  dryRun: boolean;
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'saving';
  processed: number;
  total: number;
  rowsPerSecond: number;
}

export interface ImportResult {
  info: SourceInfo;
  mapping: ColumnMapping;
  /** How each mapped date column was read, and why: the wizard shows it and lets the secretary correct it. */
  dateOrders: ImportPlan['dateOrders'];
  outcome: ImportOutcome;
  /** The columns imported into the chapter's own fields, and whether the import made the field. */
  customFields: { index: number; header: string; label: string; created: boolean }[];
  /** The columns nothing takes: left out of the import. */
  leftOut: { index: number; label: string }[];
  /** The rejected rows as a CSV with a Reason column, to fix and import again (null when none). */
  rejectsCsv: Uint8Array | null;
  dryRun: boolean;
}

/** The mapping for a file: the caller's, else the one remembered for these headers, else a guess. */
export function mappingFor(
  ctx: WriteContext,
  source: ImportSource,
  fields?: (ImportField | null)[],
): ColumnMapping {
  if (fields) {
    if (fields.length !== source.headers.length) {
      throw new AppError(
        'VALIDATION',
        `The mapping has ${fields.length} columns; the file has ${source.headers.length}.`,
        { problem: problem('IMPORT_MAPPING_MISMATCH') },
      );
    }
    return buildMapping(source.headers, fields);
  }
  const suggested = suggestMapping(source.headers);
  const remembered = rememberedFields(ctx.db, suggested.key);
  return remembered && remembered.length === source.headers.length
    ? buildMapping(source.headers, remembered)
    : suggested;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const cancelled = () =>
  new AppError('CANCELLED', 'The import was cancelled; nothing was changed.', {
    problem: problem('IMPORT_CANCELLED'),
  });

/** What every row that keeps no cells holds: one empty array rather than one per row. */
const NO_CELLS: string[] = [];

type Progress = (phase: ImportProgress['phase'], processed: number, total: number) => void;

type ImportOptions = Omit<ImportRequest, 'bytes'>;

/** The file once read: its rows are cleaned, the file itself (bytes, text) is no longer held. */
interface ReadFile {
  info: SourceInfo;
  headers: string[];
  mapping: ColumnMapping;
  dateOrders: ImportPlan['dateOrders'];
  rowCount: number;
  rows: CleanRow[];
  /** What the columns imported into the chapter's own fields hold, per row. */
  custom: CustomCells;
}

type CheckedFile = Omit<ReadFile, 'rows'> & { report: DuplicateReport };

/**
 * The whole import: read, map, clean (yielding between batches so progress flows and a cancel is
 * heard), compare with the chapter's members, then write everything in ONE transaction: a crash
 * or a kill leaves the chapter as it was. A dry run writes the same way into an in-memory copy of
 * the file, so the preview's counts are exactly what a commit would do and the file's write lock
 * is never taken.
 */
export function runImport(
  ctx: WriteContext,
  request: ImportRequest,
  onProgress: (progress: ImportProgress) => void = () => undefined,
  signal?: AbortSignal,
  collect: () => void = () => undefined,
): Promise<ImportResult> {
  // Not async, and each step is handed only what it needs: a suspended async function keeps its
  // arguments and every local it has set, even unused ones, so the bytes, the decoded text and the
  // raw rows of a large file would all stay until the import is written. This way each goes when
  // the step that needs it ends (the bytes once the worker, which hands over its only reference,
  // has opened the file).
  try {
    const started = Date.now();
    const progress: Progress = (phase, processed, total) =>
      onProgress({
        phase,
        processed,
        total,
        rowsPerSecond: Math.round(processed / Math.max(0.001, (Date.now() - started) / 1000)),
      });
    const chapter = requireChapter(ctx.db);
    const { bytes, ...options } = request;
    const opening = openImport(bytes, {
      fileName: options.fileName,
      sheet: options.sheet,
      headerRow: options.headerRow,
    });
    return readFile(ctx, chapter.country, opening, options, progress, signal)
      .then((file) => {
        collect();
        return checkFile(ctx, file, progress, signal);
      })
      .then((file) => {
        collect();
        return saveFile(ctx, file, options);
      });
  } catch (error) {
    return Promise.reject(error);
  }
}

async function readFile(
  ctx: WriteContext,
  defaultCountry: string,
  opening: Promise<ImportSource>,
  options: ImportOptions,
  progress: Progress,
  signal: AbortSignal | undefined,
): Promise<ReadFile> {
  const source = await opening;
  const mapping = mappingFor(ctx, source, options.fields);
  const plan = planImport(source, mapping, { defaultCountry, dateOrders: options.dateOrders });
  if (plan.rowCount === 0) throw new ImportReadError('NO_ROWS', NO_ROWS_MESSAGE);
  const rows: CleanRow[] = [];
  const custom = new CustomCells(plannedCustomColumns(ctx.db, source.headers, mapping, options));
  for (const batch of cleanBatches(source, plan)) {
    for (const row of batch.rows) {
      if (!row.rejection) custom.take(row);
      // The file's own cells are only needed to write rejected rows back out; dropping the others
      // keeps a 100,000-row import within memory.
      if (!row.rejection) row.cells = NO_CELLS;
      rows.push(row);
    }
    progress('reading', batch.processed, batch.total);
    await tick();
    if (signal?.aborted) throw cancelled();
  }
  return {
    info: source.info,
    headers: source.headers,
    mapping,
    dateOrders: plan.dateOrders,
    rowCount: plan.rowCount,
    rows,
    custom,
  };
}

async function checkFile(
  ctx: WriteContext,
  { rows, ...file }: ReadFile,
  progress: Progress,
  signal: AbortSignal | undefined,
): Promise<CheckedFile> {
  progress('checking', file.rowCount, file.rowCount);
  const report = resolveDuplicates(rows, existingMembers(ctx.db));
  await tick();
  if (signal?.aborted) throw cancelled();
  progress('saving', file.rowCount, file.rowCount);
  return { ...file, report };
}

function saveFile(ctx: WriteContext, file: CheckedFile, options: ImportOptions): ImportResult {
  const { mapping, report } = file;
  const plan = {
    fileName: options.fileName,
    mapping,
    rowCount: file.rowCount,
    report,
    decisions: options.decisions,
    keepPossibleDuplicates: options.keepPossibleDuplicates,
    typeChoices: options.typeChoices,
    createTypes: options.createTypes,
    createMissingTypes: options.createMissingTypes,
  };
  /** The members written and, once they are, the custom columns' values for them. */
  let customFields: ImportResult['customFields'] = [];
  const apply = (writing: WriteContext): ImportOutcome => {
    const landed = new Map<number, { memberId: string; action: 'created' | 'updated' | 'unchanged' }>();
    const result = applyImport(writing, {
      ...plan,
      landed: (row, memberId, action) => landed.set(row, { memberId, action }),
    });
    const resolved = resolveCustomColumns(writing, file.headers, file.custom);
    customFields = resolved.map(({ field, created }, at) => {
      const index = file.custom.columns[at]!.index;
      return { index, header: file.headers[index] ?? '', label: field.label, created };
    });
    writeCustomColumns(
      writing,
      file.headers,
      file.custom,
      resolved.map((r) => r.field),
      landed,
      result,
    );
    // The chapter's own fields add their groups of problems, and may add to rows already counted.
    result.problemRows = problemRowCounts(result.problems);
    return result;
  };
  let outcome: ImportOutcome;
  if (options.dryRun) {
    // A preview writes into a copy of the file and never touches the file itself: holding the
    // file's write lock for a preview would stop every other writer for as long as a commit would.
    const copy = openInMemoryCopy(ctx.db);
    try {
      outcome = { ...copy.transaction(() => apply({ ...ctx, db: copy }))(), batchId: null };
    } finally {
      copy.close();
    }
  } else {
    // IMMEDIATE: the lock is taken before the first read, so a write committed by another
    // connection meanwhile cannot make SQLite refuse the import's first write (SQLITE_BUSY_SNAPSHOT).
    outcome = ctx.db
      .transaction(() => {
        const result = apply(ctx);
        rememberFields(
          ctx.db,
          mapping.key,
          mapping.columns.map((c) => c.field),
          ctx.now(),
        );
        keepMemberNumbers(ctx.db, ctx.hlc.node);
        return result;
      })
      .immediate();
  }
  return {
    info: file.info,
    mapping,
    dateOrders: file.dateOrders,
    outcome,
    customFields,
    leftOut: mapping.columns
      .filter((c) => c.field === null && !customFields.some((f) => f.index === c.index))
      .map((c) => ({ index: c.index, label: c.label })),
    rejectsCsv: report.rejected.length ? rejectsToCsv(file.headers, report.rejected) : null,
    dryRun: options.dryRun,
  };
}
