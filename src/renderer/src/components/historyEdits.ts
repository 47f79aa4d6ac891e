import type { ChangeAuthor, HistoryEntry } from '../../../shared/domain';
import { fieldName } from '../../../shared/text';

export interface HistoryChange {
  /** The column as a form field name: the log speaks in database columns (first_name). */
  field: string;
  value: unknown;
}

export interface HistoryEdit {
  hlc: string;
  at: string;
  by: ChangeAuthor;
  changes: HistoryChange[];
}

/** Bookkeeping the service derives on every write; nobody typed these, so the history leaves them out. */
const DERIVED = new Set(['sortName', 'createdAt', 'updatedAt', 'id']);

/**
 * Creating a member also writes `deleted = 0`; only a change of that column alone is a restore, so
 * alongside other fields it says nothing.
 */
function withoutCreationFlag(edit: HistoryEdit): HistoryEdit {
  if (edit.changes.length < 2) return edit;
  return { ...edit, changes: edit.changes.filter((c) => !(c.field === 'deleted' && !c.value)) };
}

/** One save writes every changed column under a single HLC stamp, so a stamp is one edit. Newest first. */
export function groupHistory(entries: readonly HistoryEntry[]): HistoryEdit[] {
  const edits = new Map<string, HistoryEdit>();
  for (const entry of entries) {
    const field = fieldName(entry.column);
    if (DERIVED.has(field)) continue;
    let edit = edits.get(entry.hlc);
    if (!edit) {
      edit = { hlc: entry.hlc, at: entry.at, by: entry.by, changes: [] };
      edits.set(entry.hlc, edit);
    }
    edit.changes.push({ field, value: entry.value });
  }
  return [...edits.values()]
    .map(withoutCreationFlag)
    .sort((a, b) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0));
}
