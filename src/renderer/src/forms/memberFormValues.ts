import type { Member, MemberFields } from '../../../shared/domain';

export const TEXT_FIELDS = [
  'memberNumber',
  'firstName',
  'lastName',
  'email',
  'phone',
  'country',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'region',
  'organisation',
  'typeId',
  'joinedOn',
  'notes',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const CONSENT_FIELDS = ['consentEmail', 'consentSms'] as const;
export type ConsentField = (typeof CONSENT_FIELDS)[number];

export type MemberFormValues = Record<TextField, string> & Record<ConsentField, boolean>;

export function formValues(member: Partial<Member> = {}): MemberFormValues {
  const values = Object.fromEntries(TEXT_FIELDS.map((field) => [field, member[field] ?? ''])) as Record<
    TextField,
    string
  >;
  return { ...values, consentEmail: member.consentEmail ?? false, consentSms: member.consentSms ?? false };
}

/**
 * Only what the secretary actually changed goes into an update, so a save never overwrites a field
 * that another laptop changed in the meantime.
 */
export function changedFields(before: MemberFormValues, after: MemberFormValues): MemberFields {
  const patch: Record<string, string | boolean> = {};
  for (const field of [...TEXT_FIELDS, ...CONSENT_FIELDS]) {
    if (before[field] !== after[field]) patch[field] = after[field];
  }
  return patch;
}
