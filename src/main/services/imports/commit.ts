import { randomUUID } from 'node:crypto';
import type { Chapter, MemberFields, MembershipType } from '../../../shared/domain';
import { fieldError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import type {
  ImportCounts,
  ImportMergedRow,
  ImportProblemGroup,
  ImportProblemSeverity,
  ImportRejectedRow,
  ImportRowRef as RowRef,
  ImportTypeChoice,
  ImportTypeValue,
} from '../../../shared/imports';
import { normalisePhone } from '../../../shared/phone';
import { foldText } from '../../../shared/text';
import { writeRow, type RowValues, type WriteContext } from '../../db/changes';
import { withSearchIndexDeferred } from '../../db/search-index';
import { statement } from '../../db/statements';
import { requireChapter } from '../chapter/chapter';
import { getChapterKey } from '../chapter/key';
import { assertTypeGiven, createMembershipType, listMembershipTypes } from '../types/membership-types';
import { memberIdFor } from '../members/identity';
import { memberNumbers } from '../members/numbers';
import { memberToFields, memberToRow, toMember, type MemberDbRow } from '../members/row';
import { MEMBER_SELECT } from '../members/query';
import { statusParams } from '../members/status';
import { issue, type ImportedMember, type ImportIssue } from './clean';
import type { DuplicateReport, ExistingMember, ImportCandidate, PossibleDuplicate } from './duplicates';
import type { ColumnMapping } from './mapping';
import { groupProblems, problemRowCounts } from './problems';
import { rejectionReason } from './rejects';
import {
  kindOfName,
  rememberedTypeChoices,
  rememberTypeChoices,
  typeKey,
  typeResolver,
  type TypeResolution,
} from './type-values';
import type { Db } from '../../db/open';

/** The secretary's answer for a row flagged as a possible duplicate. Without one it is held back. */
export interface DuplicateDecision {
  rowNumber: number;
  action: 'keep' | 'merge' | 'skip';
  /** For merge: the existing member this row is. */
  memberId?: string;
}

export interface ImportOutcome {
  counts: ImportCounts;
  /** Up to PREVIEW_ROWS rows behind each count; the counts are exact. */
  created: RowRef[];
  updated: RowRef[];
  unchanged: RowRef[];
  /** Rows not written: skipped by the secretary, or possible duplicates awaiting a decision. */
  skipped: RowRef[];
  rejected: ImportRejectedRow[];
  merged: ImportMergedRow[];
  possibleDuplicates: (RowRef & { duplicates: PossibleDuplicate[] })[];
  /** Every problem of the file, grouped (problems.ts). */
  problems: ImportProblemGroup[];
  /** How many rows each kind of problem touches (a row with two problems counts once). */
  problemRows: Record<ImportProblemSeverity, number>;
  /** The distinct values of the membership type column and the type each gives. */
  typeValues: ImportTypeValue[];
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

/** Distinct values of the type column listed in the outcome: a column of categories has a handful. */
const MAX_TYPE_VALUES = 200;

/**
 * The membership types of a file's rows: each distinct value resolved once (type-values.ts), how
 * many rows have it, and for a row whose value gives no type, the issue that says so.
 */
class RowTypes {
  private readonly byKey = new Map<string, ImportTypeValue>();
  private readonly resolve: (value: string) => TypeResolution;
  private readonly names: ReadonlyMap<string, string>;

  constructor(
    types: readonly MembershipType[],
    options: Parameters<typeof typeResolver>[1],
    private readonly column: string | null,
  ) {
    this.resolve = typeResolver(types, options);
    this.names = new Map(types.map((t) => [t.id, t.name]));
  }

  /** The row's type id, or undefined (with the issue why, unless the secretary said "no type"). */
  of(rowNumber: number, values: ImportedMember, issues: ImportIssue[]): string | undefined {
    const value = values.membershipType;
    if (!value) return undefined;
    const key = typeKey(value);
    const found = this.resolve(value);
    let seen = this.byKey.get(key);
    if (!seen) {
      seen = {
        value,
        rows: 0,
        typeId: found.typeId,
        typeName: (found.typeId && this.names.get(found.typeId)) || null,
        source: found.source,
        retiredTypeId: found.retired?.id ?? null,
        suggestedKind: kindOfName(value),
      };
      this.byKey.set(key, seen);
    }
    seen.rows++;
    if (found.retired) {
      issues.push(
        issue(
          rowNumber,
          'membershipType',
          this.column,
          'retired_type',
          'error',
          value,
          `is the retired membership type “${found.retired.name}”, so the member was imported without a type.`,
          { type: seen.value, name: found.retired.name },
        ),
      );
    } else if (found.source === null) {
      issues.push(
        issue(
          rowNumber,
          'membershipType',
          this.column,
          'unknown_type',
          'error',
          value,
          'is not one of the chapter’s membership types, so the member was imported without a type.',
          { type: seen.value },
        ),
      );
    }
    return found.typeId ?? undefined;
  }

  /** Most rows first, then in the order the file first gives them. */
  values(): ImportTypeValue[] {
    return [...this.byKey.values()].sort((a, b) => b.rows - a.rows).slice(0, MAX_TYPE_VALUES);
  }
}

/**
 * The secretary's choices, checked: each names a type that exists and is still given (the wizard
 * offers no other; a type retired on another laptop meanwhile, or a script, could name one).
 */
function checkTypeChoices(
  types: readonly MembershipType[],
  choices: readonly ImportTypeChoice[],
): readonly ImportTypeChoice[] {
  const byId = new Map(types.map((t) => [t.id, t]));
  for (const choice of choices) {
    if (choice.typeId === null) continue;
    const type = byId.get(choice.typeId);
    if (!type) {
      const message = `No such membership type for “${choice.value}”; choose another.`;
      throw fieldError('VALIDATION', 'typeChoices', message, problem('TYPE_NOT_FOUND'));
    }
    assertTypeGiven(type, 'typeChoices');
  }
  return choices;
}

/** The values of the type column that name no type, retired or not, each once as first written. */
function unmatchedTypeValues(
  candidates: readonly ImportCandidate[],
  resolve: (value: string) => TypeResolution,
): string[] {
  const unmatched = new Map<string, string>();
  for (const { values } of candidates) {
    const value = values.membershipType;
    if (!value) continue;
    const found = resolve(value);
    if (found.source === null && !found.retired && !unmatched.has(typeKey(value))) {
      unmatched.set(typeKey(value), value);
    }
  }
  return [...unmatched.values()];
}

/**
 * Creates a type for each value the secretary asked to, named as the file writes it, of the kind
 * its name says in one of our languages (else individual), free until a fee is set in Settings. A
 * type of that name that exists already is used; a retired one is not given (bring it back).
 * Returns value key -> type id, and adds the new types to `types`.
 */
function createTypes(
  ctx: WriteContext,
  types: MembershipType[],
  values: readonly string[],
): { created: Map<string, string>; choices: ImportTypeChoice[] } {
  const created = new Map<string, string>();
  const choices: ImportTypeChoice[] = [];
  for (const value of values) {
    const key = typeKey(value);
    if (created.has(key)) continue;
    const same = types.find((t) => foldText(t.name) === foldText(value));
    if (same) assertTypeGiven(same, 'createTypes');
    const type =
      same ?? createMembershipType(ctx, { name: value.trim(), kind: kindOfName(value) ?? 'individual' });
    if (!same) types.push(type);
    created.set(key, type.id);
    choices.push({ value, typeId: type.id });
  }
  return { created, choices };
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
  /** The file's row of each, and the member written for it (createAll). */
  readonly rows: number[] = [];
  readonly created: string[] = [];

  constructor(
    private readonly chapterKey: string,
    private readonly nextNumber: () => string,
  ) {}

  add(values: ImportedMember, typeId: string | undefined, ref: RowRef | null, row: number): void {
    const at = this.values.length;
    this.values.push(values);
    this.rows.push(row);
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
    /** What values of the type column stand for (remembered once committed). */
    typeChoices?: readonly ImportTypeChoice[];
    /** Values of the type column to create a type for. */
    createTypes?: readonly string[];
    /** Create a type for every value of the type column that gives none (the CLI's --create-types). */
    createMissingTypes?: boolean;
    /** Told the member each written row landed on (created, updated or unchanged): custom columns follow. */
    landed?: (rowNumber: number, memberId: string, action: 'created' | 'updated' | 'unchanged') => void;
  },
): ImportOutcome {
  const { db } = ctx;
  const chapter = requireChapter(db);
  const now = ctx.now();
  const types = listMembershipTypes(db);
  const choices = checkTypeChoices(types, input.typeChoices ?? []);
  const remembered = rememberedTypeChoices(db);
  const wanted = [...(input.createTypes ?? [])];
  if (input.createMissingTypes) {
    wanted.push(
      ...unmatchedTypeValues(input.report.candidates, typeResolver(types, { choices, remembered })),
    );
  }
  const made = createTypes(ctx, types, wanted);
  const rowTypes = new RowTypes(
    types,
    { choices, created: made.created, remembered },
    input.mapping.columns.find((c) => c.field === 'membershipType')?.label ?? null,
  );
  // Remembered in the transaction: a preview's copy forgets them with everything else it wrote.
  rememberTypeChoices(db, [...choices, ...made.choices], now);
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
    problems: [],
    problemRows: { rejected: 0, error: 0, warning: 0 },
    typeValues: [],
    batchId,
  };
  const keep = <T>(list: T[], item: T) => {
    if (list.length < PREVIEW_ROWS) list.push(item);
  };
  const updates = new Updates();
  const creates = new PendingCreates(getChapterKey(db).key, nextNumber);

  for (const row of input.report.rejected) {
    outcome.counts.rejected++;
    keep(outcome.rejected, {
      rowNumber: row.rowNumber,
      code: row.rejection?.code ?? 'no_name_or_email',
      value: row.rejection?.value ?? '',
      reason: rejectionReason(row),
    });
  }
  // A rejected row's own issues are part of why it was rejected (its Reason), not values left out
  // of a member: only imported rows' issues are listed apart.
  const issues: ImportIssue[] = [];
  for (const row of input.report.candidates) for (const rowIssue of row.issues) issues.push(rowIssue);

  for (const candidate of input.report.candidates) {
    const decision = decisions.get(candidate.rowNumber);
    const ref = (memberId: string | null, fields?: string[]): RowRef => ({
      rowNumber: candidate.rowNumber,
      memberId,
      name: displayName(candidate.values),
      email: candidate.values.email ?? null,
      ...(fields ? { fields } : {}),
    });
    const typeId = rowTypes.of(candidate.rowNumber, candidate.values, issues);
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
    const targetId = targetOf(candidate, decision);
    const result = targetId
      ? updateFromFile(ctx, chapter, now, targetId, toFields(candidate.values, typeId))
      : 'missing';
    if (result === 'missing' || !targetId) {
      const listed = outcome.created.length < PREVIEW_ROWS ? ref(null) : null;
      if (listed) outcome.created.push(listed);
      outcome.counts.created++;
      creates.add(candidate.values, typeId, listed, candidate.rowNumber);
    } else if (result.changed.length === 0) {
      input.landed?.(candidate.rowNumber, targetId, 'unchanged');
      outcome.counts.unchanged++;
      keep(outcome.unchanged, ref(targetId));
    } else {
      updates.add(targetId, result.previous, result.written);
      input.landed?.(candidate.rowNumber, targetId, 'updated');
      outcome.counts.updated++;
      keep(outcome.updated, ref(targetId, result.changed));
    }
  }

  outcome.problems = groupProblems(input.report.rejected, issues);
  outcome.problemRows = problemRowCounts(outcome.problems);
  outcome.typeValues = rowTypes.values();
  const recordEffect = recordBatch(ctx, batchId, input, outcome.counts, updates);
  createAll(ctx, chapter, creates, recordEffect);
  if (input.landed) creates.rows.forEach((row, at) => input.landed!(row, creates.created[at]!, 'created'));
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
  const before = memberToRow(memberToFields(toMember(current), current.paid_through), chapter);
  const after = memberToRow(
    { ...memberToFields(toMember(current), current.paid_through), ...fields },
    chapter,
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
      const values = memberToRow(toFields(creates.values[at]!, creates.typeIds.get(at)), chapter);
      const number = creates.numbers.get(at);
      if (number) values.member_number = number;
      const memberId = createFromFile(ctx, ids[at]!, values, recordEffect);
      creates.created[at] = memberId;
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
