import { IMPORT_FIELDS, type ImportField } from '../../../shared/imports';

export { IMPORT_FIELDS, type ImportField };

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
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  postalCode: 'Postal code',
  city: 'City',
  region: 'Region',
  organisation: 'Organisation',
  membershipType: 'Membership type',
  joinedOn: 'Joined on',
  paidThrough: 'Paid through',
  notes: 'Notes',
};

export function isImportField(value: unknown): value is ImportField {
  return typeof value === 'string' && (IMPORT_FIELDS as readonly string[]).includes(value);
}
