/**
 * What erasing a person removes, the same on every laptop and on the server (both read this).
 * An erasure is a row of the synced `erasures` table whose id is the erased row's id and whose
 * `tbl` says which table it was in; it carries no personal data.
 * - `members`: the whole row, every field, and the notes of the member's payments (payments stay
 *   for the chapter's accounts; a note may name the payer, a statement line's details do).
 *   Their values of the chapter's own fields go whole: those rows' ids begin with the member's
 *   (`memberId:fieldId`), so both ends find them, and refuse them later, without the member's row.
 * - `registrations`: a guest's identity (name, email, phone); the registration stays, so the
 *   event's counts and its attendance do not change.
 */
export const ERASABLE_TABLES = ['members', 'registrations'] as const;
export type ErasableTable = (typeof ERASABLE_TABLES)[number];

/** The columns an erasure of a row of `tbl` removes, or 'row' for all of them. */
export const ERASED_COLUMNS: Readonly<Record<ErasableTable, 'row' | readonly string[]>> = {
  members: 'row',
  registrations: ['guest_name', 'guest_email', 'guest_phone'],
};

/** Tables whose rows belong to one member, named in their id (`memberId:…`), removed whole with them. */
export const MEMBER_KEYED_TABLES: readonly string[] = ['member_field_values'];

/** The member a row of a member-keyed table belongs to, or null for any other row. */
export function keyedMember(tbl: string, rowId: string): string | null {
  if (!MEMBER_KEYED_TABLES.includes(tbl)) return null;
  const at = rowId.indexOf(':');
  return at > 0 ? rowId.slice(0, at) : null;
}

/** Columns of a payment an erasure of its member removes. */
export const ERASED_PAYMENT_COLUMNS: readonly string[] = ['note'];

/** Whether an erasure of a row of `tbl` covers its column `col` (a row's creation '*' included). */
export function erasureCovers(tbl: ErasableTable, col: string): boolean {
  const scope = ERASED_COLUMNS[tbl];
  return scope === 'row' || scope.includes(col);
}

export function isErasableTable(tbl: string): tbl is ErasableTable {
  return (ERASABLE_TABLES as readonly string[]).includes(tbl);
}

/** What an erasure removed on the laptop that made it (the contract's result, the CLI's output). */
export interface EraseResult {
  /** The erased row's id: the member's, or the guest's registration's. */
  id: string;
  table: ErasableTable;
  /** Change-log entries removed or rewritten (history, outbox, pulled changes). */
  changes: number;
  conflicts: number;
  importEffects: number;
  paymentNotes: number;
  /** Registrations whose guest details were erased with the member (a guest who became one). */
  guestRegistrations: number;
  /** Duplicate records of the same member merged into them earlier, erased with them. */
  mergedRecords: number;
  /** False when another connection kept the WAL from being emptied; the next scrub finishes. */
  fileScrubbed: boolean;
}
