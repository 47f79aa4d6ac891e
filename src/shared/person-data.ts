import type { MemberStatus } from './dues/status';

/** A row as the chapter file stores it: every column, under its stored name, with its stored value. */
export type StoredRow = Record<string, unknown>;

/** One entry of the change log about one of the person's rows, with its value decoded. */
export interface PersonChange {
  table: string;
  rowId: string;
  column: string;
  value: unknown;
  /** When it was written, from its clock stamp. */
  at: string;
  hlc: string;
  nodeId: string;
  officer: string | null;
  /** Why sync refused it (a pulled value that did not fit); null for every change that applied. */
  refusedBecause: string | null;
}

/**
 * Everything the chapter file holds about one person, for a request to see one's own data: the
 * member row and the duplicates merged into it, payments with their voids, registrations and
 * attendance, every change in the log about those rows, values that lost a sync conflict, and what
 * imports saved about them. Nothing about anyone else: events appear by title and date only.
 */
export interface PersonData {
  format: 'chapterdesk.person-data';
  version: 1;
  exportedAt: string;
  chapter: { id: string; name: string };
  /** Derived when exported, never stored. */
  status: MemberStatus;
  member: StoredRow;
  /**
   * Duplicate records of the same person merged into the member (deleted, `merged_into` naming
   * them, or one merged into those): their values stay stored, and an erasure removes them too.
   */
  mergedRecords: StoredRow[];
  membershipType: { id: string; name: string | null; kind: string | null } | null;
  payments: (StoredRow & {
    void: StoredRow | null;
    statement: { fileName: string; provider: string; importedAt: string } | null;
  })[];
  registrations: (StoredRow & {
    event: { id: string; title: string | null; startsAt: string | null } | null;
  })[];
  attendance: StoredRow[];
  /** Their values of the chapter's own fields (retired fields' too), each with its field. */
  customFields: (StoredRow & {
    field: { id: string; label: string | null; kind: string | null; retired: boolean } | null;
  })[];
  history: PersonChange[];
  conflicts: {
    table: string;
    rowId: string;
    column: string;
    lostValue: unknown;
    wonValue: unknown;
    detectedAt: string;
    resolved: boolean;
  }[];
  imports: {
    batchId: string;
    fileName: string;
    importedAt: string;
    officer: string;
    undoneAt: string | null;
    action: string;
    /** The values the member had before the import changed them. */
    previous: unknown;
    /** The values the import wrote (imports before migration 10 did not record them). */
    written: unknown;
  }[];
}
