import type { Member, MemberFields, MemberStatus } from '../../../shared/domain';
import { normalisePhone } from '../../../shared/phone';
import { foldText, normaliseEmail } from '../../../shared/text';
import type { RowValues } from '../../db/changes';

export interface MemberDbRow {
  id: string;
  member_number: string | null;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  phone_e164: string | null;
  country: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  region: string | null;
  organisation: string | null;
  type_id: string | null;
  type_name: string | null;
  joined_on: string | null;
  /** The date brought from before ChapterDesk (imports); `dues_through` is what counts. */
  paid_through: string | null;
  dues_through: string | null;
  notes: string | null;
  consent_email: number;
  consent_sms: number;
  status: MemberStatus;
  created_at: string;
  updated_at: string;
  deleted: number;
}

export function toMember(r: MemberDbRow): Member {
  return {
    id: r.id,
    memberNumber: r.member_number,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    phoneE164: r.phone_e164,
    country: r.country,
    addressLine1: r.address_line1,
    addressLine2: r.address_line2,
    postalCode: r.postal_code,
    city: r.city,
    region: r.region,
    organisation: r.organisation,
    typeId: r.type_id,
    typeName: r.type_name,
    joinedOn: r.joined_on,
    paidThrough: r.dues_through,
    notes: r.notes,
    consentEmail: r.consent_email === 1,
    consentSms: r.consent_sms === 1,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deleted: r.deleted === 1,
  };
}

const emptyToNull = (value: string | undefined | null): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/**
 * Letters the chapter's language orders otherwise than folding does, as Intl.Collator orders them,
 * written as what folding keeps. Spanish ñ is a letter after n: n and U+FFFF, which sorts after
 * every letter, so before o. Arabic reads آ as two alefs, ء as an alef, ة as ت and ى as ي.
 */
const OWN_LETTERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  es: { ñ: 'n\uffff', Ñ: 'n\uffff' },
  ar: { آ: 'اا', ء: 'ا', ة: 'ت', ى: 'ي' },
};
const ARABIC_FIRST = /^[^\p{L}]*\p{Script=Arabic}/u;

/**
 * The name members sort by, last and first name, else the email: folded (é with e, Ł with l, any
 * case), in the order of the chapter's language. SQLite sorts it byte by byte, as keyset pages and
 * the name index need, and better-sqlite3 cannot give SQLite a collation of Intl's; the key is
 * written so that byte order is Intl.Collator's for the app's languages: the letters above, and in
 * Arabic, Arabic names before Latin ones (U+0001 ahead of them).
 */
export function sortName(
  firstName: string | null,
  lastName: string | null,
  email: string | null,
  locale: string,
): string {
  const name = [lastName, firstName].filter(Boolean).join(' ') || email || '';
  const own = OWN_LETTERS[locale];
  const key = foldText(own ? name.replace(/./gu, (letter) => own[letter] ?? letter) : name);
  return locale === 'ar' && ARABIC_FIRST.test(key) ? `\u0001${key}` : key;
}

/** The columns derived from others: the folded name sorted on, the number in E.164. */
export function derivedColumns(
  row: {
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    phone: string | null;
    country: string | null;
  },
  chapter: { country: string; locale: string },
): { sort_name: string; phone_e164: string | null } {
  return {
    sort_name: sortName(row.first_name, row.last_name, row.email, chapter.locale),
    phone_e164: normalisePhone(row.phone ?? '', row.country ?? chapter.country).e164,
  };
}

/** The editable fields of a member as stored, with what is derived from them. */
export function memberToRow(fields: MemberFields, chapter: { country: string; locale: string }): RowValues {
  const phone = normalisePhone(fields.phone ?? '', emptyToNull(fields.country) ?? chapter.country);
  const firstName = emptyToNull(fields.firstName);
  const lastName = emptyToNull(fields.lastName);
  const email = emptyToNull(fields.email);
  return {
    member_number: emptyToNull(fields.memberNumber),
    first_name: firstName,
    last_name: lastName,
    email: email ? normaliseEmail(email) : null,
    phone: emptyToNull(phone.raw),
    phone_e164: phone.e164,
    country: emptyToNull(fields.country)?.toUpperCase() ?? null,
    address_line1: emptyToNull(fields.addressLine1),
    address_line2: emptyToNull(fields.addressLine2),
    postal_code: emptyToNull(fields.postalCode),
    city: emptyToNull(fields.city),
    region: emptyToNull(fields.region),
    organisation: emptyToNull(fields.organisation),
    type_id: emptyToNull(fields.typeId),
    joined_on: emptyToNull(fields.joinedOn),
    paid_through: emptyToNull(fields.paidThrough),
    notes: emptyToNull(fields.notes),
    consent_email: fields.consentEmail ? 1 : 0,
    consent_sms: fields.consentSms ? 1 : 0,
    sort_name: sortName(firstName, lastName, email, chapter.locale),
  };
}

/**
 * A member's editable fields. `storedPaidThrough` is the stored `paid_through` (the date from
 * before ChapterDesk), not the member's paid-through date, which follows payments: writing that
 * back would make a voided payment still count.
 */
export function memberToFields(m: Member, storedPaidThrough: string | null): MemberFields {
  return {
    memberNumber: m.memberNumber ?? '',
    firstName: m.firstName ?? '',
    lastName: m.lastName ?? '',
    email: m.email ?? '',
    phone: m.phone ?? '',
    country: m.country ?? '',
    addressLine1: m.addressLine1 ?? '',
    addressLine2: m.addressLine2 ?? '',
    postalCode: m.postalCode ?? '',
    city: m.city ?? '',
    region: m.region ?? '',
    organisation: m.organisation ?? '',
    typeId: m.typeId ?? '',
    joinedOn: m.joinedOn ?? '',
    paidThrough: storedPaidThrough ?? '',
    notes: m.notes ?? '',
    consentEmail: m.consentEmail,
    consentSms: m.consentSms,
  };
}
