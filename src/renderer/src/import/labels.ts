import type { ImportField } from '../../../shared/imports';

export type DelimiterName = 'comma' | 'semicolon' | 'tab' | 'pipe' | 'other';

const DELIMITERS: Record<string, DelimiterName> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

export function delimiterName(delimiter: string): DelimiterName {
  return DELIMITERS[delimiter] ?? 'other';
}

/** An update names the database columns it changes; these are the ones a column of a file can feed. */
const FIELD_BY_COLUMN: Record<string, ImportField> = {
  member_number: 'memberNumber',
  first_name: 'firstName',
  last_name: 'lastName',
  email: 'email',
  phone: 'phone',
  country: 'country',
  address_line1: 'addressLine1',
  address_line2: 'addressLine2',
  postal_code: 'postalCode',
  city: 'city',
  region: 'region',
  organisation: 'organisation',
  type_id: 'membershipType',
  joined_on: 'joinedOn',
  paid_through: 'paidThrough',
  notes: 'notes',
};

export function fieldOfColumn(column: string): ImportField | null {
  return FIELD_BY_COLUMN[column] ?? null;
}

/** "adherents 2024.xlsx" gives "adherents 2024-rejected.csv", next to the file it came from. */
export function rejectsFileName(fileName: string, suffix: string): string {
  const base = fileName.replace(/\.[^./\\]*$/, '') || 'import';
  return `${base}-${suffix}.csv`;
}
