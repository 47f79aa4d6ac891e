import { issue, type CleanRow } from './clean';
import type { MemberImportField } from './fields';
import { nameKey } from './names';
import { normaliseEmail } from '../../../shared/text';

/** What the caller knows about a member already in the chapter. */
export interface ExistingMember {
  id: string;
  memberNumber?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  phoneE164?: string | null;
}

export interface CertainMatch {
  memberId: string;
  by: 'email' | 'memberNumber';
}

export type PossibleDuplicate =
  { kind: 'row'; rowNumber: number; reason: string } | { kind: 'member'; memberId: string; reason: string };

export interface ImportCandidate extends CleanRow {
  /** Later rows of the file that were the same member (same email or member number) and were merged in. */
  mergedRows: number[];
  /** update: an existing member is certainly this person. create: a new member. */
  action: 'create' | 'update';
  match: CertainMatch | null;
  /** Rows or members that look like the same person without being certain: for the secretary to check. */
  possibleDuplicates: PossibleDuplicate[];
}

export interface DuplicateReport {
  candidates: ImportCandidate[];
  /** Rows that cannot be imported (their `rejection` says why). */
  rejected: CleanRow[];
}

/** The empty list candidates share until they add to it; frozen, so adding to it in place fails loudly. */
const NOTHING = Object.freeze([]) as never[];

/** Earlier rows or members compared with a row sharing its name: enough to review, bounded for huge files. */
const MAX_COMPARED = 20;
const MAX_POSSIBLE = 3;

// prettier-ignore
const MERGED_FIELDS: readonly MemberImportField[] = [
  'memberNumber', 'firstName', 'lastName', 'email', 'phone', 'country', 'addressLine1', 'addressLine2',
  'postalCode', 'city', 'region', 'organisation', 'membershipType', 'joinedOn', 'paidThrough', 'notes',
];

interface Person {
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}

/** A person's name words, folded and sorted ("dupre helene"): '' without a name. */
function nameKeyOf(p: Person): string {
  return nameKey(p.firstName ?? '', p.lastName ?? '');
}

/**
 * The people seen so far under each name key, up to MAX_COMPARED per name. Most names occur once,
 * so a name holds its person directly and only gets a list once a second person shares it: on a
 * 100,000-row file that is 100,000 lists fewer while the duplicate check runs.
 */
class ByName<T> {
  private readonly seen = new Map<string, T | T[]>();

  get(key: string): readonly T[] {
    const found = this.seen.get(key);
    return found === undefined ? NOTHING : Array.isArray(found) ? found : [found];
  }

  add(key: string, item: T): void {
    const found = this.seen.get(key);
    if (found === undefined) this.seen.set(key, item);
    else if (!Array.isArray(found)) this.seen.set(key, [found, item]);
    else if (found.length < MAX_COMPARED) found.push(item);
  }
}

/**
 * Finds the same member twice. Certain: the same email, else the same member number, unless the
 * names disagree (see namesConflict). Within the file, a certain duplicate merges into its first
 * occurrence and rows count in file order, as in every importer: a later row's value replaces an
 * earlier one (with a warning naming both rows) and an empty cell never blanks one; against
 * existing members it becomes an update. Possible: the same name (ignoring accents, capitals and word order) with
 * the same phone, or written differently, or with an email missing on one side; and a shared
 * email or number under different names. Possible duplicates are flagged, never merged.
 */
export function resolveDuplicates(
  rows: Iterable<CleanRow>,
  existing: Iterable<ExistingMember> = [],
): DuplicateReport {
  const candidates: ImportCandidate[] = [];
  // Only the name key is kept for every candidate; what else people of the same name are compared
  // on is kept only for the few (MAX_COMPARED) each name is compared with.
  const keys = new Map<ImportCandidate, string>();
  const rejected: CleanRow[] = [];
  const byEmail = new Map<string, ImportCandidate>();
  const byNumber = new Map<string, ImportCandidate>();
  // A candidate shares its row's values and issues, and one empty list, until it adds to them:
  // the caller's rows stay as they were, and 100,000 candidates need no copies.
  const owned = new Set<ImportCandidate>();
  const writable = (candidate: ImportCandidate): ImportCandidate => {
    if (!owned.has(candidate)) {
      candidate.values = { ...candidate.values };
      candidate.issues = candidate.issues.slice();
      candidate.mergedRows = candidate.mergedRows.slice();
      candidate.possibleDuplicates = candidate.possibleDuplicates.slice();
      owned.add(candidate);
    }
    return candidate;
  };

  for (const row of rows) {
    if (row.rejection) {
      rejected.push(row);
      continue;
    }
    const { email, memberNumber } = row.values;
    const sameEmail = email ? byEmail.get(email) : undefined;
    const target = sameEmail ?? (memberNumber ? byNumber.get(memberNumber) : undefined);
    const why = sameEmail ? 'email' : 'member number';
    const key = nameKeyOf(row.values);
    const targetKey = target && keys.get(target);
    if (target && targetKey !== undefined && !namesConflict(targetKey, key)) {
      if (mergeInto(writable(target), row, why)) keys.set(target, nameKeyOf(target.values));
      index(target, byEmail, byNumber);
      continue;
    }
    const candidate: ImportCandidate = {
      rowNumber: row.rowNumber,
      values: row.values,
      issues: row.issues,
      rejection: null,
      cells: row.cells,
      mergedRows: NOTHING,
      action: 'create',
      match: null,
      possibleDuplicates: target
        ? [{ kind: 'row', rowNumber: target.rowNumber, reason: sharedButOtherName(why) }]
        : NOTHING,
    };
    candidates.push(candidate);
    keys.set(candidate, key);
    index(candidate, byEmail, byNumber);
  }

  flagPossibleRows(candidates, keys, writable);
  matchExisting(candidates, keys, existing, writable);
  return { candidates, rejected };
}

function index(
  candidate: ImportCandidate,
  byEmail: Map<string, ImportCandidate>,
  byNumber: Map<string, ImportCandidate>,
): void {
  const { email, memberNumber } = candidate.values;
  if (email && !byEmail.has(email)) byEmail.set(email, candidate);
  if (memberNumber && !byNumber.has(memberNumber)) byNumber.set(memberNumber, candidate);
}

/**
 * Takes the row's non-empty values into the target, the later row winning; true when a value that
 * comparisons use changed. A value replaced is said, naming both rows, never dropped in silence.
 */
function mergeInto(target: ImportCandidate, row: CleanRow, why: string): boolean {
  target.mergedRows.push(row.rowNumber);
  for (const rowIssue of row.issues) target.issues.push(rowIssue);
  let changed = false;
  for (const field of MERGED_FIELDS) {
    const incoming = row.values[field];
    if (!incoming) continue;
    const current = target.values[field];
    if (current === incoming) continue;
    target.values[field] = incoming;
    changed ||= field === 'firstName' || field === 'lastName' || field === 'phone' || field === 'email';
    if (current) {
      target.issues.push({
        ...issue(
          row.rowNumber,
          field,
          null,
          'merge_conflict',
          'warning',
          incoming,
          `replaces “${current}” from row ${target.rowNumber}: both rows are the same member (same ${why}), and the later row counts.`,
          { by: why === 'email' ? 'email' : 'memberNumber' },
        ),
        earlier: { row: target.rowNumber, value: current },
      });
    }
  }
  return changed;
}

function flagPossibleRows(
  candidates: readonly ImportCandidate[],
  keys: ReadonlyMap<ImportCandidate, string>,
  writable: (candidate: ImportCandidate) => ImportCandidate,
): void {
  const byName = new ByName<{ candidate: ImportCandidate; compared: Compared }>();
  for (const candidate of candidates) {
    const key = keys.get(candidate);
    if (!key) continue;
    const compared = comparedOf(candidate.values);
    for (const other of byName.get(key)) {
      if (candidate.possibleDuplicates.length >= MAX_POSSIBLE) break;
      const reason = likeness(compared, other.compared);
      if (reason)
        writable(candidate).possibleDuplicates.push({
          kind: 'row',
          rowNumber: other.candidate.rowNumber,
          reason,
        });
    }
    byName.add(key, { candidate, compared });
  }
}

function matchExisting(
  candidates: readonly ImportCandidate[],
  keys: ReadonlyMap<ImportCandidate, string>,
  existing: Iterable<ExistingMember>,
  writable: (candidate: ImportCandidate) => ImportCandidate,
): void {
  const byEmail = new Map<string, ExistingMember>();
  const byNumber = new Map<string, ExistingMember>();
  const byName = new ByName<{ member: ExistingMember; compared: Compared }>();
  for (const member of existing) {
    const email = member.email ? normaliseEmail(member.email) : '';
    const number = member.memberNumber?.trim() ?? '';
    if (email && !byEmail.has(email)) byEmail.set(email, member);
    if (number && !byNumber.has(number)) byNumber.set(number, member);
    const key = nameKeyOf(member);
    if (key)
      byName.add(key, {
        member,
        compared: comparedOf({ ...member, phone: member.phoneE164 ?? member.phone }),
      });
  }

  for (const candidate of candidates) {
    const key = keys.get(candidate) ?? nameKeyOf(candidate.values);
    const { email, memberNumber } = candidate.values;
    const sameEmail = email ? byEmail.get(email) : undefined;
    const sameNumber = memberNumber ? byNumber.get(memberNumber) : undefined;
    const member = sameEmail ?? sameNumber;
    if (member && namesConflict(key, nameKeyOf(member))) {
      const reason = sharedButOtherName(sameEmail ? 'email' : 'member number');
      writable(candidate).possibleDuplicates.push({ kind: 'member', memberId: member.id, reason });
    } else if (member) {
      candidate.action = 'update';
      candidate.match = { memberId: member.id, by: sameEmail ? 'email' : 'memberNumber' };
      if (sameEmail && sameNumber && sameNumber.id !== sameEmail.id && memberNumber) {
        writable(candidate).issues.push(
          issue(
            candidate.rowNumber,
            'memberNumber',
            null,
            'member_number_taken',
            'warning',
            memberNumber,
            'already belongs to another member; this row was matched by its email instead.',
          ),
        );
      }
      continue;
    }
    const others = key ? byName.get(key) : NOTHING;
    const compared = others.length > 0 ? comparedOf(candidate.values) : null;
    for (const other of others) {
      if (!compared || candidate.possibleDuplicates.length >= MAX_POSSIBLE) break;
      const reason = likeness(compared, other.compared);
      if (reason) {
        writable(candidate).possibleDuplicates.push({ kind: 'member', memberId: other.member.id, reason });
      }
    }
  }
}

/**
 * Two different people can share an email (a couple, a family) or be given the same member number
 * by mistake. When both sides have names and neither name contains the other ("Dupont" and "Jean
 * Dupont" agree; "Jean Dupont" and "Marie Dupont" do not), the match is only possible, never merged.
 */
function namesConflict(keyA: string, keyB: string): boolean {
  if (!keyA || !keyB || keyA === keyB) return false;
  const wordsA = keyA.split(' ');
  const wordsB = keyB.split(' ');
  const within = (x: string[], y: string[]): boolean => x.every((w) => y.includes(w));
  return !within(wordsA, wordsB) && !within(wordsB, wordsA);
}

function sharedButOtherName(what: string): string {
  return `Same ${what} but a different name: perhaps two people sharing it, or a typing mistake. Not merged.`;
}

/** Why two people with the same folded name may be one, or null when nothing beyond the name says so. */
function likeness(a: Compared, b: Compared): string | null {
  if (a.phone && a.phone === b.phone) return 'Same name and phone number, different or missing email.';
  if (!sameWriting(a, b)) return 'Same name written differently (accents, capitals or word order).';
  if (!a.hasEmail || !b.hasEmail) return 'Same name, and one of the two has no email.';
  return null;
}

/**
 * What two people of the same name are compared on besides it, in one shape for all: a large file
 * compares each row with up to MAX_COMPARED others, and rows' values come in many shapes.
 */
interface Compared {
  firstName: string;
  lastName: string;
  phone: string | null;
  hasEmail: boolean;
}

/** A cleaned number is in E.164 form already, and is its own key. */
const E164 = /^\+\d{6,}$/;

function comparedOf(person: Person): Compared {
  const { phone } = person;
  return {
    firstName: person.firstName ?? '',
    lastName: person.lastName ?? '',
    phone: phone && E164.test(phone) ? phone : phoneKey(phone),
    hasEmail: Boolean(person.email),
  };
}

/** The name as written, to tell "Hélène Dupré" from "helene DUPRE". */
function sameWriting(a: Compared, b: Compared): boolean {
  if (a.firstName === b.firstName && a.lastName === b.lastName) return true;
  return `${a.firstName} ${a.lastName}`.trim() === `${b.firstName} ${b.lastName}`.trim();
}

function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return null;
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
}
