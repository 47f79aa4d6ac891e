/**
 * Which member a statement line is for. Pure: the caller reads the members once and builds the
 * index. Keys are tried from the most to the least deliberate (what the payer typed as account,
 * the file's member number, email, phone, name); a key shared by two members says nothing and
 * the next one is tried. No key, no match: a line is never given to a member by guess.
 */
import type { StatementLine } from './read';
import { normalisePhone } from '../../../../shared/phone';
import { foldText, normaliseEmail } from '../../../../shared/text';

export interface MemberCandidate {
  id: string;
  memberNumber: string | null;
  email: string | null;
  phoneE164: string | null;
  firstName: string | null;
  lastName: string | null;
}

export type MatchReason = 'account' | 'member-number' | 'email' | 'phone' | 'name';

export interface LineMatch {
  memberId: string;
  why: MatchReason;
}

/** A key's member id, or null when more than one member has the key. */
type KeyIndex = ReadonlyMap<string, string | null>;

export interface MemberIndex {
  readonly byNumber: KeyIndex;
  readonly byEmail: KeyIndex;
  readonly byPhone: KeyIndex;
  readonly byName: KeyIndex;
}

/** Built once from all non-deleted members; matching a line is then four map look-ups. */
export function buildMemberIndex(members: Iterable<MemberCandidate>): MemberIndex {
  const byNumber = new Map<string, string | null>();
  const byEmail = new Map<string, string | null>();
  const byPhone = new Map<string, string | null>();
  const byName = new Map<string, string | null>();
  const add = (index: Map<string, string | null>, key: string | null, id: string): void => {
    if (!key) return;
    const seen = index.get(key);
    if (seen === undefined) index.set(key, id);
    else if (seen !== id) index.set(key, null);
  };
  for (const member of members) {
    add(byNumber, numberKey(member.memberNumber), member.id);
    add(byEmail, emailKey(member.email), member.id);
    add(byPhone, member.phoneE164?.trim() || null, member.id);
    add(byName, nameKey([member.firstName, member.lastName].filter(Boolean).join(' ')), member.id);
  }
  return { byNumber, byEmail, byPhone, byName };
}

/** The member a line is for and why, or null when no key points at exactly one member. */
export function matchLine(line: StatementLine, index: MemberIndex, country: string | null): LineMatch | null {
  const tries: Array<[MatchReason, KeyIndex, () => string | null]> = [
    ['account', index.byNumber, () => numberKey(line.account)],
    ['member-number', index.byNumber, () => numberKey(line.memberNumber)],
    ['email', index.byEmail, () => emailKey(line.email)],
    ['phone', index.byPhone, () => phoneKey(line.phone, country)],
    ['name', index.byName, () => nameKey(line.payer)],
  ];
  for (const [why, keys, keyOf] of tries) {
    const key = keyOf();
    const memberId = key ? keys.get(key) : undefined;
    if (memberId) return { memberId, why };
  }
  return null;
}

/** "#0042", " 42 ", "cd-7" and "CD-7": trimmed, case-insensitive, without a leading '#' or zeros. */
function numberKey(value: string | null): string | null {
  if (!value) return null;
  const key = value
    .trim()
    .toLowerCase()
    .replace(/^#\s*/, '')
    .replace(/^0+(?=.)/, '');
  return key === '' ? null : key;
}

function emailKey(value: string | null): string | null {
  if (!value) return null;
  const key = normaliseEmail(value);
  return key.includes('@') ? key : null;
}

/**
 * E.164 with the chapter's country: "0712 345 678" in Kenya is +254712345678. M-Pesa writes
 * international numbers without the '+' ("254712345678"), which only parse as such with a
 * Kenyan default; failing that, a long number not starting with 0 is read as international.
 * Masked numbers ("2547******678") never match.
 */
function phoneKey(value: string | null, country: string | null): string | null {
  if (!value || value.includes('*')) return null;
  const e164 = normalisePhone(value, country).e164;
  if (e164) return e164;
  const digits = value.replace(/[\s().-]/g, '');
  return /^[1-9]\d{9,14}$/.test(digits) ? normalisePhone(`+${digits}`, null).e164 : null;
}

/**
 * A name as a set of folded words, order ignored: "JOHN DOE", "Doe, John" and "doe john" are one
 * key, and "Hélène" is "helene". A single word is too weak to say who paid, so it is no key.
 */
function nameKey(value: string | null): string | null {
  if (!value) return null;
  const words = [...new Set(foldText(value).match(/[\p{L}\p{N}]+/gu) ?? [])].sort();
  return words.length >= 2 ? words.join(' ') : null;
}
