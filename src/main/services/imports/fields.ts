/**
 * The member fields a spreadsheet column can feed. `fullName` is virtual: it is split into first
 * and last name. `membershipType` carries the type's name; the caller resolves it to an id.
 */
export const IMPORT_FIELDS = [
  'memberNumber',
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'country',
  'city',
  'organisation',
  'membershipType',
  'joinedOn',
  'paidThrough',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields that end up on the member (everything but the virtual full name). */
export type MemberImportField = Exclude<ImportField, 'fullName'>;

export const DATE_FIELDS = ['joinedOn', 'paidThrough'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export const FIELD_LABELS: Record<ImportField, string> = {
  memberNumber: 'Member number',
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  email: 'Email',
  phone: 'Phone',
  country: 'Country',
  city: 'City',
  organisation: 'Organisation',
  membershipType: 'Membership type',
  joinedOn: 'Joined on',
  paidThrough: 'Paid through',
  notes: 'Notes',
};

export function isImportField(value: unknown): value is ImportField {
  return typeof value === 'string' && (IMPORT_FIELDS as readonly string[]).includes(value);
}
