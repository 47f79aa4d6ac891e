import type { TFunction } from 'i18next';
import type { ChangeAuthor, MembershipType } from '../../../shared/domain';

/** Member fields with a label of their own; anything else (a column from a newer version) shows as named. */
export const LABELLED = [
  'memberNumber',
  'firstName',
  'lastName',
  'email',
  'phone',
  'phoneE164',
  'country',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'region',
  'organisation',
  'typeId',
  'joinedOn',
  'paidThrough',
  'notes',
  'consentEmail',
  'consentSms',
  'deleted',
  'status',
] as const;

export function fieldLabel(field: string, t: TFunction): string {
  const known = LABELLED.find((name) => name === field);
  return known ? t(`fields.${known}`) : field;
}

/** SQLite stores booleans as 0 and 1, and the change log keeps them as stored. */
export function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}

const BOOLEAN_FIELDS = new Set(['consentEmail', 'consentSms', 'deleted']);

export interface ValueContext {
  t: TFunction;
  formatDate: (isoDate: string) => string;
  types: readonly MembershipType[];
}

/** A field's value from the change log, as a person reads it: type names, local dates, yes and no. */
export function fieldValueText(
  field: string,
  value: unknown,
  { t, formatDate, types }: ValueContext,
): string {
  if (value === null || value === undefined || value === '') return t('member.cleared');
  if (BOOLEAN_FIELDS.has(field)) return isTrue(value) ? t('common.yes') : t('common.no');
  if (field === 'typeId') return types.find((type) => type.id === value)?.name ?? String(value);
  if (field === 'joinedOn' || field === 'paidThrough') return formatDate(String(value));
  return String(value);
}

const SHORT_ID_LENGTH = 8;

/** Enough of a random id (a laptop's, a row's) to tell them apart on screen. */
export function shortId(id: string): string {
  return id.slice(0, SHORT_ID_LENGTH);
}

/** Who made a change, in words: the officer and the laptop, never a node id. */
export function authorText(by: ChangeAuthor, t: TFunction): string {
  const { officer, laptop } = by;
  if (by.thisLaptop) return officer ? t('author.officerHere', { officer }) : t('author.here');
  if (laptop) return officer ? t('author.officerThere', { officer, laptop }) : t('author.there', { laptop });
  return officer ? t('author.officerElsewhere', { officer }) : t('author.elsewhere');
}
