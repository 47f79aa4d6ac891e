import { randomUUID } from 'node:crypto';
import type { Chapter, MemberFields, MembershipType } from '../../../shared/domain';
import type { ImportCounts, ImportMergedRow, ImportRowRef as RowRef } from '../../../shared/imports';
import { normalisePhone } from '../../../shared/phone';
import { foldText } from '../../../shared/text';
import { writeRow, type RowValues, type WriteContext } from '../../db/changes';
import { withSearchIndexDeferred } from '../../db/search-index';
import { statement } from '../../db/statements';
import { requireChapter } from '../chapter/chapter';
import { getChapterKey } from '../chapter/key';
import { listMembershipTypes } from '../types/membership-types';
import { memberIdFor } from '../members/identity';
import { memberNumbers } from '../members/numbers';
import { memberToFields, memberToRow, toMember, type MemberDbRow } from '../members/row';
import { MEMBER_SELECT } from '../members/query';
import { statusParams } from '../members/status';
import type { ImportedMember } from './clean';
import type { DuplicateReport, ExistingMember, ImportCandidate, PossibleDuplicate } from './duplicates';
import type { ColumnMapping } from './mapping';
import { rejectionReason } from './rejects';
import type { Db } from '../../db/open';

/** The secretary's answer for a row flagged as a possible duplicate. Without one it is held back. */
export interface DuplicateDecision {
  rowNumber: number;
  action: 'keep' | 'merge' | 'skip';
  /** For merge: the existing member this row is. */
  memberId?: string;
}

export interface FieldError {
  row: number;
  field: string;
  message: string;
}

export interface ImportOutcome {
  counts: ImportCounts;
  /** Up to PREVIEW_ROWS rows behind each count; the counts are exact. */
  created: RowRef[];
  updated: RowRef[];
  unchanged: RowRef[];
  /** Rows not written: skipped by the secretary, or possible duplicates awaiting a decision. */
  skipped: RowRef[];
  rejected: { rowNumber: number; reason: string }[];
  merged: ImportMergedRow[];
  possibleDuplicates: (RowRef & { duplicates: PossibleDuplicate[] })[];
  errors: FieldError[];
  warnings: FieldError[];
  batchId: string | null;
}

export const PREVIEW_ROWS = 500;

/**
 * The fields an import's updates changed, per member, with their values before it and what it
 * wrote. A member touched twice keeps the values from before the first touch, so Undo goes all the
 * way back, and the values of the last touch, which are what the import left.
 */
class Updates {
  private readonly byMember = new Map<string, { previous: RowValues; written: RowValues }>();

  add(memberId: string, previous: RowValues, written: RowValues): void {
    const earlier = this.byMember.get(memberId);
    this.byMember.set(
      memberId,
      earlier
        ? { previous: { ...previous, ...earlier.previous }, written: { ...earlier.written, ...written } }
        : { previous, written },
    );
  }

  all() {
    return this.byMember.entries();
  }
}

/** The members the file is compared with: every one not deleted. */
export function existingMembers(db: Db): ExistingMember[] {
  return (
    statement(
      db,
      `SELECT id, member_number, first_name, last_name, email, phone, phone_e164 FROM members WHERE deleted = 0`,
    ).all() as {
      id: string;
      member_number: string | null;
      first_name: string | null;
      last_name: string | null;
      email: string | null;
      phone: string | null;
      phone_e164: string | null;
    }[]
  ).map((m) => ({
    id: m.id,
    memberNumber: m.member_number,
    firstName: m.first_name,
    lastName: m.last_name,
    email: m.email,
    phone: m.phone,
    phoneE164: m.phone_e164,
  }));
}

function toFields(values: ImportedMember, typeId: string | undefined): MemberFields {
  const fields: MemberFields = {};
  for (const key of [
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
    'joinedOn',
    'paidThrough',
    'notes',
  ] as const) {
    const value = values[key];
    if (value) fields[key] = value;
  }
  if (typeId) fields.typeId = typeId;
  return fields;
}

function typeIdOf(
  values: ImportedMember,
  types: Map<string, MembershipType>,
  warn: (field: string, message: string) => void,
): string | undefined {
  if (!values.membershipType) return undefined;
  const type = types.get(foldText(values.membershipType));
  if (!type) {
    warn(
      'membershipType',
      `No membership type called “${values.membershipType}”; the member was imported without a type.`,
    );
  }
  return type?.id;
}

/**
 * The new members waiting to be written, in file order: side by side in arrays rather than one
 * object each, as a large import has 100,000 of them. Type ids, generated member numbers and the
 * outcome's row references are kept only for the members that have one.
 */
class PendingCreates {
  readonly values: ImportedMember[] = [];
  readonly ids: string[] = [];
  readonly typeIds = new Map<number, string>();
  readonly numbers = new Map<number, string>();
  readonly refs = new Map<number, RowRef>();

  constructor(
    private readonly chapterKey: string,
    private readonly nextNumber: () => string,
  ) {}

  add(values: ImportedMember, typeId: string | undefined, ref: RowRef | null): void {
    const at = this.values.length;
    this.values.push(values);
    this.ids.push(memberIdFor(this.chapterKey, values.email ?? null));
    if (typeId) this.typeIds.set(at, typeId);
    if (!values.memberNumber?.trim()) this.numbers.set(at, this.nextNumber());
    if (ref) this.refs.set(at, ref);
  }
}

const displayName = (v: ImportedMember) =>
  [v.firstName, v.lastName].filter(Boolean).join(' ') || v.email || '';

function currentRow(db: Db, id: string, chapter: Chapter, now: Date): MemberDbRow | undefined {
  return statement(db, `${MEMBER_SELECT} WHERE m.id = @id`).get({
    id,
    ...statusParams(chapter, now),
  }) as MemberDbRow | undefined;
}

/**
 * Writes an import through the change log, as the caller's single transaction (a dry run rolls it
 * back). A certain match is updated with the file's non-empty values only, so an import never
 * blanks a field; a possible duplicate is held back until the secretary says to keep, merge or skip it.
 * Records the batch and, per member, what it did and what was there before, for Undo.
 */
export function applyImport(
  ctx: WriteContext,
  input: {
    fileName: string;
    mapping: ColumnMapping;
    rowCount: number;
    report: DuplicateReport;
    decisions?: readonly DuplicateDecision[];
    /** Create possible duplicates nobody decided about instead of holding them back. */
    keepPossibleDuplicates?: boolean;
  },
): ImportOutcome {
  const { db } = ctx;
  const chapter = requireChapter(db);
  const now = ctx.now();
  const types = new Map(listMembershipTypes(db).map((t) => [foldText(t.name), t]));
  const decisions = new Map((input.decisions ?? []).map((d) => [d.rowNumber, d]));
  const nextNumber = skippingFileNumbers(memberNumbers(db, ctx.hlc.node), input.report.candidates);
  const batchId = randomUUID();
  const outcome: ImportOutcome = {
    counts: {
      rows: input.rowCount,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      possibleDuplicates: 0,
      merged: 0,
    },
    created: [],
    updated: [],
    unchanged: [],
    skipped: [],
    rejected: [],
    merged: [],
    possibleDuplicates: [],
    errors: [],
    warnings: [],
    batchId,
  };
  const keep = <T>(list: T[], item: T) => {
    if (list.length < PREVIEW_ROWS) list.push(item);
  };
  const updates = new Updates();
  const creates = new PendingCreates(getChapterKey(db).key, nextNumber);

  for (const row of input.report.rejected) {
    outcome.counts.rejected++;
    keep(outcome.rejected, { rowNumber: row.rowNumber, reason: rejectionReason(row) });
  }
  for (const rows of [input.report.rejected, input.report.candidates]) {
    for (const row of rows) {
      for (const issue of row.issues) {
        const entry = { row: issue.rowNumber, field: issue.field ?? '', message: issue.message };
        (issue.severity === 'error' ? outcome.errors : outcome.warnings).push(entry);
      }
    }
  }

  for (const candidate of input.report.candidates) {
    const decision = decisions.get(candidate.rowNumber);
    const ref = (memberId: string | null, fields?: string[]): RowRef => ({
      rowNumber: candidate.rowNumber,
      memberId,
      name: displayName(candidate.values),
      email: candidate.values.email ?? null,
      ...(fields ? { fields } : {}),
    });
    for (const rowNumber of candidate.mergedRows) {
      outcome.counts.merged++;
      keep(outcome.merged, { rowNumber, into: candidate.rowNumber, name: displayName(candidate.values) });
    }
    if (candidate.possibleDuplicates.length > 0) {
      outcome.counts.possibleDuplicates++;
      keep(outcome.possibleDuplicates, {
        ...ref(candidate.match?.memberId ?? null),
        duplicates: candidate.possibleDuplicates,
      });
    }
    // A row that only might be an existing member or another row waits for the secretary's
    // decision: creating it silently is how duplicates pile up.
    const undecided = !decision && candidate.action === 'create' && candidate.possibleDuplicates.length > 0;
    if (decision?.action === 'skip' || (undecided && !input.keepPossibleDuplicates)) {
      keep(outcome.skipped, ref(null));
      continue;
    }
    const typeId = typeIdOf(candidate.values, types, (field, message) =>
      outcome.warnings.push({ row: candidate.rowNumber, field, message }),
    );
    const targetId = targetOf(candidate, decision);
    const result = targetId
      ? updateFromFile(ctx, chapter, now, targetId, toFields(candidate.values, typeId))
      : 'missing';
    if (result === 'missing' || !targetId) {
      const listed = outcome.created.length < PREVIEW_ROWS ? ref(null) : null;
      if (listed) outcome.created.push(listed);
      outcome.counts.created++;
      creates.add(candidate.values, typeId, listed);
    } else if (result.changed.length === 0) {
      outcome.counts.unchanged++;
      keep(outcome.unchanged, ref(targetId));
    } else {
      updates.add(targetId, result.previous, result.written);
      outcome.counts.updated++;
      keep(outcome.updated, ref(targetId, result.changed));
    }
  }

  const recordEffect = recordBatch(ctx, batchId, input, outcome.counts, updates);
  createAll(ctx, chapter, creates, recordEffect);
  return outcome;
}

/**
 * Numbers for new members without one that skip the numbers other rows of the file bring: a row
 * numbered 12 below a row without a number must not meet a member given 12 before it.
 */
function skippingFileNumbers(next: () => string, candidates: readonly ImportCandidate[]): () => string {
  let inFile: Set<string> | null = null;
  return () => {
    if (!inFile) {
      inFile = new Set();
      for (const candidate of candidates) {
        const number = candidate.values.memberNumber?.trim();
        if (number) inFile.add(number);
      }
    }
    let number = next();
    while (inFile.has(number)) number = next();
    return number;
  };
}

function targetOf(candidate: ImportCandidate, decision: DuplicateDecision | undefined): string | null {
  if (decision?.action === 'merge' && decision.memberId) return decision.memberId;
  return candidate.action === 'update' ? (candidate.match?.memberId ?? null) : null;
}

function updateFromFile(
  ctx: WriteContext,
  chapter: Chapter,
  now: Date,
  id: string,
  fields: MemberFields,
): 'missing' | { changed: string[]; previous: RowValues; written: RowValues } {
  const current = currentRow(ctx.db, id, chapter, now);
  if (!current || current.deleted) return 'missing';
  // The same number written another way ("06 12…" here, "+336 12…" in the file) is no change: the
  // member keeps the form the secretary typed.
  const phone = fields.phone
    ? normalisePhone(fields.phone, fields.country || current.country || chapter.country)
    : null;
  if (phone?.e164 && phone.e164 === current.phone_e164) {
    fields = { ...fields };
    delete fields.phone;
  }
  const before = memberToRow(memberToFields(toMember(current), current.paid_through), chapter.country);
  const after = memberToRow(
    { ...memberToFields(toMember(current), current.paid_through), ...fields },
    chapter.country,
  );
  const changed = Object.keys(after).filter((col) => after[col] !== before[col]);
  if (changed.length === 0) return { changed, previous: {}, written: {} };
  const previous: RowValues = Object.fromEntries(
    changed.map((col) => [col, (current as unknown as RowValues)[col] ?? null]),
  );
  const written: RowValues = Object.fromEntries(changed.map((col) => [col, after[col] ?? null]));
  writeRow(ctx, 'members', id, written);
  return { changed: changed.filter((c) => c !== 'sort_name' && c !== 'phone_e164'), previous, written };
}

/**
 * Creates the new members, numbered in file order but written in id order: the members key and
 * the change log's index then fill page after page instead of at random places, which makes a
 * large import several times faster; the search index takes them all at the end. Each listed
 * row's reference gets its member's id.
 */
function createAll(
  ctx: WriteContext,
  chapter: Chapter,
  creates: PendingCreates,
  recordEffect: RecordEffect,
): void {
  const { ids } = creates;
  if (ids.length === 0) return;
  const order = Uint32Array.from(ids.keys());
  order.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  withSearchIndexDeferred(ctx.db, () => {
    for (const at of order) {
      const values = memberToRow(toFields(creates.values[at]!, creates.typeIds.get(at)), chapter.country);
      const number = creates.numbers.get(at);
      if (number) values.member_number = number;
      const memberId = createFromFile(ctx, ids[at]!, values, recordEffect);
      const ref = creates.refs.get(at);
      if (ref) ref.memberId = memberId;
    }
  });
}

function createFromFile(
  ctx: WriteContext,
  derived: string,
  values: RowValues,
  recordEffect: RecordEffect,
): string {
  const previous = statement(ctx.db, `SELECT * FROM members WHERE id = ?`).get(derived) as
    RowValues | undefined;
  values.deleted = 0;
  if (previous && previous.deleted === 1) {
    // A deleted member with this email comes back; undo deletes them again, with their old values.
    const changedPrev: RowValues = Object.fromEntries(
      Object.keys(values).map((col) => [col, previous[col] ?? null]),
    );
    writeRow(ctx, 'members', derived, values, previous);
    recordEffect(derived, 'updated', changedPrev, values);
    return derived;
  }
  // Another member already has this email's id (two people sharing a family address), or it is an
  // erased person's, whose changes every laptop and the server drop for good.
  const erased = statement(ctx.db, `SELECT 1 FROM erasures WHERE id = ?`).get(derived);
  const id = previous || erased ? randomUUID() : derived;
  writeRow(ctx, 'members', id, values, null);
  recordEffect(id, 'created', null, null);
  return id;
}

type RecordEffect = (
  memberId: string,
  action: 'created' | 'updated',
  previous: RowValues | null,
  written: RowValues | null,
) => void;

/**
 * Records the batch with its counts and what its updates did; returns how the creations that
 * follow record theirs, as they are written (in member order, so the effects' key fills in order).
 */
function recordBatch(
  ctx: WriteContext,
  batchId: string,
  input: { fileName: string; mapping: ColumnMapping },
  counts: ImportCounts,
  updates: Updates,
): RecordEffect {
  statement(
    ctx.db,
    `INSERT INTO import_batches (id, file_name, officer, created_at, mapping, rows, created, updated, unchanged, rejected, possible_duplicates)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    batchId,
    input.fileName,
    ctx.officer,
    ctx.now().toISOString(),
    JSON.stringify(input.mapping),
    counts.rows,
    counts.created,
    counts.updated,
    counts.unchanged,
    counts.rejected,
    counts.possibleDuplicates,
  );
  const effect = statement(
    ctx.db,
    `INSERT INTO import_effects (batch_id, member_id, action, previous, written) VALUES (?, ?, ?, ?, ?)`,
  );
  const json = (values: RowValues | null) => (values ? JSON.stringify(values) : null);
  const record: RecordEffect = (memberId, action, previous, written) => {
    effect.run(batchId, memberId, action, json(previous), json(written));
  };
  for (const [memberId, { previous, written }] of updates.all())
    record(memberId, 'updated', previous, written);
  return record;
}
