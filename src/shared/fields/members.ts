import { z } from 'zod';
import { countryCode, memberFields } from '../domain';
import { emptyOr, flag, isoDate, maxLengthOf, normalised, rowRef, type SyncedField } from './field';

const form = memberFields.shape;

/** E.164: a plus and at most 15 digits, as libphonenumber writes a valid number. */
const e164 = z.string().regex(/^\+[1-9]\d{1,14}$/, 'Must be a phone number in E.164 form');

/**
 * NFKD, which sorting folds names with, turns one character into at most 18 (U+FDFA): the longest
 * sort name is the longest last name, a space and the longest first name, each grown that much.
 */
const NFKD_MAX_GROWTH = 18;
const sortName = z
  .string()
  .max((maxLengthOf(form.lastName) + 1 + maxLengthOf(form.firstName)) * NFKD_MAX_GROWTH);

export const MEMBER_COLUMNS: readonly SyncedField[] = [
  { column: 'member_number', since: 1, value: emptyOr(form.memberNumber) },
  { column: 'first_name', since: 1, value: emptyOr(form.firstName) },
  { column: 'last_name', since: 1, value: emptyOr(form.lastName) },
  { column: 'email', since: 1, value: emptyOr(form.email) },
  { column: 'phone', since: 1, value: emptyOr(form.phone) },
  // The member's country, else the chapter's, says how a local number reads.
  { column: 'phone_e164', since: 1, value: e164.nullable(), derived: { from: ['phone', 'country'] } },
  { column: 'country', since: 1, value: normalised(countryCode).nullable() },
  { column: 'city', since: 1, value: emptyOr(form.city) },
  { column: 'organisation', since: 1, value: emptyOr(form.organisation) },
  { column: 'type_id', since: 1, value: rowRef.nullable() },
  { column: 'joined_on', since: 1, value: isoDate.nullable() },
  { column: 'paid_through', since: 1, value: isoDate.nullable() },
  { column: 'notes', since: 1, value: emptyOr(form.notes) },
  { column: 'consent_email', since: 1, value: flag },
  { column: 'consent_sms', since: 1, value: flag },
  // Folded last and first name, else the email, for sorting by name in any script.
  { column: 'sort_name', since: 1, value: sortName, derived: { from: ['last_name', 'first_name', 'email'] } },
  { column: 'deleted', since: 1, value: flag },
  { column: 'address_line1', since: 4, value: emptyOr(form.addressLine1) },
  { column: 'address_line2', since: 4, value: emptyOr(form.addressLine2) },
  { column: 'postal_code', since: 4, value: emptyOr(form.postalCode) },
  { column: 'region', since: 4, value: emptyOr(form.region) },
  // The member this one was merged into (set with deleted = 1), for history and late references.
  { column: 'merged_into', since: 5, value: rowRef.nullable() },
];
