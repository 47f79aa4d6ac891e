/**
 * Reading member spreadsheets: bytes in, clean rows and per-row, per-field issues out. Pure: no
 * database, no UI. Apart from the source, which holds the file, everything it returns is plain
 * data, so a worker thread can run the steps and post the results back:
 *
 *   const source = await openImport(bytes, { fileName });          // format, encoding, header row
 *   const mapping = suggestMapping(source.headers);                 // or buildMapping(source.headers, saved)
 *   const plan = planImport(source, mapping, { defaultCountry });   // date order per column, row count
 *   const rows: CleanRow[] = [];
 *   for (const batch of cleanBatches(source, plan)) {
 *     rows.push(...batch.rows);
 *     postMessage({ processed: batch.processed, total: batch.total });
 *   }
 *   const report = resolveDuplicates(rows, existingMembers);        // create / update / possible duplicates
 *   const csv = rejectsToCsv(source.headers, report.rejected, { delimiter: source.info.delimiter ?? ',' });
 */
export {
  ImportReadError,
  isImportReadError,
  IMPORT_READ_ERROR_CODES,
  type ImportReadErrorCode,
} from './errors';
export {
  DATE_FIELDS,
  FIELD_LABELS,
  IMPORT_FIELDS,
  isImportField,
  type DateField,
  type ImportField,
} from './fields';
export type { MemberImportField } from './fields';
export { openImport, DEFAULT_MAX_BYTES } from './source';
export type { ImportSource, OpenOptions, SourceFormat, SourceInfo } from './source';
export type { RawRow } from './table';
export type { SheetInfo } from './xlsx';
export type { TextEncodingName } from './decode';
export { DELIMITERS, type Delimiter } from './delimit';
export { buildMapping, checkMapping, headerKey, mappingKey, matchHeader, suggestMapping } from './mapping';
export type { ColumnMapping, MappedColumn, MappingIssue } from './mapping';
export { cleanBatches, cleanRow, cleanRows, planImport } from './clean';
export type {
  CleanBatch,
  CleanOptions,
  CleanRow,
  DateOrderChoice,
  ImportedMember,
  ImportIssue,
  ImportPlan,
  IssueCode,
  RowRejection,
} from './clean';
export { defaultDateOrder, parseDate, type DateOrder, type ParsedDate } from './dates';
export { splitFullName, nameKey } from './names';
export { toCountryCode } from './countries';
export { resolveDuplicates } from './duplicates';
export type {
  CertainMatch,
  DuplicateReport,
  ExistingMember,
  ImportCandidate,
  PossibleDuplicate,
} from './duplicates';
export { rejectionReason, rejectsToCsv, type RejectsOptions } from './rejects';
export { readMemberFile, type ReadMemberFileOptions, type MemberFileResult } from './read';
