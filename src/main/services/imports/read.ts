import { cleanRows, planImport, type CleanOptions, type CleanRow, type ImportPlan } from './clean';
import { resolveDuplicates, type DuplicateReport, type ExistingMember } from './duplicates';
import type { ImportField } from './fields';
import { buildMapping, suggestMapping } from './mapping';
import { openImport, type ImportSource, type OpenOptions } from './source';

export interface ReadMemberFileOptions extends OpenOptions, CleanOptions {
  /** Column fields to use instead of the automatic mapping (e.g. remembered for this mapping key). */
  fields?: ReadonlyArray<ImportField | null>;
  existing?: Iterable<ExistingMember>;
}

export interface MemberFileResult {
  source: ImportSource;
  plan: ImportPlan;
  rows: CleanRow[];
  report: DuplicateReport;
}

/** The whole pipeline in one call, for the CLI, tests and small files; a worker uses the steps instead. */
export async function readMemberFile(
  bytes: Uint8Array,
  options: ReadMemberFileOptions = {},
): Promise<MemberFileResult> {
  const source = await openImport(bytes, options);
  const mapping = options.fields
    ? buildMapping(source.headers, options.fields)
    : suggestMapping(source.headers);
  const plan = planImport(source, mapping, options);
  const rows = [...cleanRows(source, plan)];
  return { source, plan, rows, report: resolveDuplicates(rows, options.existing) };
}
