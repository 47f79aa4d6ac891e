import { AppError } from '../../../shared/errors';
import type { WriteContext } from '../../db/changes';
import { requireChapter } from '../chapter/chapter';
import { rememberedFields, rememberFields } from './batches';
import { cleanBatches, planImport, type CleanRow } from './clean';
import { applyImport, existingMembers, type DuplicateDecision, type ImportOutcome } from './commit';
import type { DateOrder } from './dates';
import { resolveDuplicates } from './duplicates';
import type { DateField, ImportField } from './fields';
import { buildMapping, suggestMapping, type ColumnMapping } from './mapping';
import { rejectsToCsv } from './rejects';
import { openImport, type ImportSource, type SourceInfo } from './source';

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
  /** Preview: everything is computed and written, then rolled back. */
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
  outcome: ImportOutcome;
  /** The rejected rows as a CSV with a Reason column, to fix and import again (null when none). */
  rejectsCsv: Uint8Array | null;
  dryRun: boolean;
}

class DryRunRollback extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('dry run');
  }
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

/**
 * The whole import: read, map, clean (yielding between batches so progress flows and a cancel is
 * heard), compare with the chapter's members, then write everything in ONE transaction: a crash
 * or a kill leaves the chapter as it was. A dry run writes the same way and rolls back, so the
 * preview's counts are exactly what a commit would do.
 */
export async function runImport(
  ctx: WriteContext,
  request: ImportRequest,
  onProgress: (progress: ImportProgress) => void = () => undefined,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const started = Date.now();
  const rate = (processed: number) => Math.round(processed / Math.max(0.001, (Date.now() - started) / 1000));
  const chapter = requireChapter(ctx.db);
  const source = await openImport(request.bytes, {
    fileName: request.fileName,
    sheet: request.sheet,
    headerRow: request.headerRow,
  });
  const mapping = mappingFor(ctx, source, request.fields);
  const plan = planImport(source, mapping, {
    defaultCountry: chapter.country,
    dateOrders: request.dateOrders,
  });

  const rows: CleanRow[] = [];
  for (const batch of cleanBatches(source, plan)) {
    for (const row of batch.rows) {
      // The file's own cells are only needed to write rejected rows back out; dropping the others
      // keeps a 100,000-row import within memory.
      if (!row.rejection) row.cells = [];
      rows.push(row);
    }
    onProgress({
      phase: 'reading',
      processed: batch.processed,
      total: batch.total,
      rowsPerSecond: rate(batch.processed),
    });
    await tick();
    if (signal?.aborted) throw new AppError('CANCELLED', 'The import was cancelled; nothing was changed.');
  }
  onProgress({
    phase: 'checking',
    processed: plan.rowCount,
    total: plan.rowCount,
    rowsPerSecond: rate(plan.rowCount),
  });
  const report = resolveDuplicates(rows, existingMembers(ctx.db));
  await tick();
  if (signal?.aborted) throw new AppError('CANCELLED', 'The import was cancelled; nothing was changed.');
  onProgress({
    phase: 'saving',
    processed: plan.rowCount,
    total: plan.rowCount,
    rowsPerSecond: rate(plan.rowCount),
  });

  let outcome: ImportOutcome;
  try {
    outcome = ctx.db.transaction(() => {
      const result = applyImport(ctx, {
        fileName: request.fileName,
        mapping,
        rowCount: plan.rowCount,
        report,
        decisions: request.decisions,
        keepPossibleDuplicates: request.keepPossibleDuplicates,
      });
      if (request.dryRun) throw new DryRunRollback(result);
      rememberFields(
        ctx.db,
        mapping.key,
        mapping.columns.map((c) => c.field),
        ctx.now(),
      );
      return result;
    })();
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
    outcome = { ...error.outcome, batchId: null };
  }
  return {
    info: source.info,
    mapping,
    outcome,
    rejectsCsv: report.rejected.length ? rejectsToCsv(source.headers, report.rejected) : null,
    dryRun: request.dryRun,
  };
}
