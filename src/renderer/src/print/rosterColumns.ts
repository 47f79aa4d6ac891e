import type { RosterColumn } from '../../../shared/print/documents';

/**
 * The roster columns for what the members table shows: its status cell also shows the paid-through
 * date; the date a member joined is not a roster column.
 */
const FROM_TABLE: Record<string, readonly RosterColumn[]> = {
  memberNumber: ['memberNumber'],
  name: ['name'],
  email: ['email'],
  phone: ['phone'],
  city: ['city'],
  type: ['type'],
  status: ['status', 'paidThrough'],
};

export function rosterColumnsFor(tableColumns: readonly string[]): RosterColumn[] {
  return tableColumns.flatMap((column) => FROM_TABLE[column] ?? []);
}
