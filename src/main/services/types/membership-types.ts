import type { z } from 'zod';
import type { Chapter } from '../../../shared/domain';
import { membershipKind } from '../../../shared/dues/status';
import { parseAmount, type AmountProblem } from '../../../shared/dues/money';
import { AppError, fieldError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import { foldText } from '../../../shared/text';
import type {
  MembershipType,
  membershipTypeCreateInput,
  membershipTypeRetireInput,
  membershipTypeUpdateInput,
} from '../../../shared/payments';
import { randomUUID } from 'node:crypto';
import { writeRow, type RowValues, type WriteContext } from '../../db/changes';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import { requireChapter } from '../chapter/chapter';

interface TypeRow {
  id: string;
  name: string | null;
  kind: string | null;
  fee_minor: number | null;
  currency: string | null;
  period_months: number | null;
  grace_days: number | null;
  retired: number;
}

function toType(row: TypeRow, chapterCurrency: string): MembershipType {
  return {
    id: row.id,
    name: row.name ?? '',
    kind: membershipKind(row.kind) ?? 'individual',
    feeMinor: row.fee_minor ?? 0,
    currency: row.currency ?? chapterCurrency,
    periodMonths: row.period_months,
    graceDays: row.grace_days,
    retired: row.retired === 1,
  };
}

/**
 * Every type, retired ones included: members keep a retired type, and lists, filters and history
 * still name it. What offers types for new members leaves retired ones out (`retired`).
 */
export function listMembershipTypes(db: Db): MembershipType[] {
  const chapter = requireChapter(db);
  const rows = statement(
    db,
    `SELECT id, name, kind, fee_minor, currency, period_months, grace_days, retired FROM membership_types
     WHERE deleted = 0 ORDER BY rowid`,
  ).all() as TypeRow[];
  return rows.map((row) => toType(row, chapter.currency));
}

export function getMembershipType(db: Db, id: string): MembershipType | null {
  const row = statement(
    db,
    `SELECT id, name, kind, fee_minor, currency, period_months, grace_days, retired FROM membership_types
     WHERE id = ? AND deleted = 0`,
  ).get(id) as TypeRow | undefined;
  return row ? toType(row, requireChapter(db).currency) : null;
}

/** A type by id or by name (case- and accent-insensitive), as the CLI lets people name one. */
export function findMembershipType(db: Db, idOrName: string): MembershipType | null {
  const all = listMembershipTypes(db);
  return (
    all.find((t) => t.id === idOrName) ?? all.find((t) => foldText(t.name) === foldText(idOrName)) ?? null
  );
}

const AMOUNT_MESSAGES: Record<AmountProblem, string> = {
  AMOUNT_INVALID: 'Write the amount as a number, such as 5000 or 12.50',
  AMOUNT_TOO_PRECISE: 'This currency does not have that many decimals',
  AMOUNT_NOT_POSITIVE: 'The amount must be more than zero',
  AMOUNT_TOO_LARGE: 'The amount is too large',
};

export function amountIssue(amount: AmountProblem, field: string): AppError {
  return fieldError('VALIDATION', field, AMOUNT_MESSAGES[amount], problem(amount));
}

/** A fee as written: "0" is allowed (free types); anything else must read as a positive amount. */
function feeMinor(fee: string, currency: string): number {
  if (/^0+([.,]0*)?$/.test(fee.trim())) return 0;
  const parsed = parseAmount(fee, currency);
  if (!parsed.ok) throw amountIssue(parsed.problem, 'fee');
  return parsed.minor;
}

/**
 * Names are compared folded, as a type is found by name (findMembershipType, imports): "Étudiant"
 * and "etudiant", or "Straße" and "Strasse", would be one name there.
 */
function assertNameFree(db: Db, name: string, exceptId: string | null): void {
  const other = statement(
    db,
    `SELECT id FROM membership_types WHERE deleted = 0 AND fold_text(name) = ? AND id IS NOT ?`,
  ).get(foldText(name), exceptId);
  if (other) {
    const message = 'A membership type with this name already exists';
    const summary = `name: A membership type called "${name}" already exists`;
    throw fieldError('CONFLICT', 'name', message, problem('TYPE_NAME_TAKEN', { name }), summary);
  }
}

/** Honorary and lifetime members never lapse: their types have no period. */
function periodFor(kind: string, periodMonths: number | null | undefined): number | null {
  if (kind === 'honorary' || kind === 'lifetime') return null;
  if (periodMonths === null || periodMonths === undefined) {
    const message = 'Give the period a payment covers, in months';
    throw fieldError('VALIDATION', 'periodMonths', message, problem('PERIOD_MONTHS_REQUIRED'));
  }
  return periodMonths;
}

export function createMembershipType(
  ctx: WriteContext,
  input: z.output<typeof membershipTypeCreateInput>,
): MembershipType {
  const { db } = ctx;
  const chapter: Chapter = requireChapter(db);
  return db.transaction(() => {
    assertNameFree(db, input.name, null);
    const kind = input.kind ?? 'individual';
    const currency = input.currency ?? chapter.currency;
    const id = randomUUID();
    writeRow(
      ctx,
      'membership_types',
      id,
      {
        name: input.name,
        kind,
        fee_minor: feeMinor(input.fee ?? '0', currency),
        currency,
        period_months: periodFor(kind, input.periodMonths === undefined ? 12 : input.periodMonths),
        grace_days: input.graceDays ?? null,
      },
      null,
    );
    return getMembershipType(db, id)!;
  })();
}

export function updateMembershipType(
  ctx: WriteContext,
  input: z.output<typeof membershipTypeUpdateInput>,
): MembershipType {
  const { db } = ctx;
  return db.transaction(() => {
    const current = getMembershipType(db, input.id);
    if (!current)
      throw new AppError('NOT_FOUND', 'No such membership type.', { problem: problem('TYPE_NOT_FOUND') });
    const { patch } = input;
    if (patch.name !== undefined) assertNameFree(db, patch.name, input.id);
    const kind = patch.kind ?? current.kind;
    const currency = patch.currency ?? current.currency;
    const values: RowValues = {};
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.kind !== undefined) values.kind = patch.kind;
    if (patch.fee !== undefined || patch.currency !== undefined) {
      values.fee_minor = patch.fee !== undefined ? feeMinor(patch.fee, currency) : current.feeMinor;
      values.currency = currency;
    }
    if (patch.periodMonths !== undefined || patch.kind !== undefined) {
      values.period_months = periodFor(
        kind,
        patch.periodMonths !== undefined ? patch.periodMonths : (current.periodMonths ?? 12),
      );
    }
    if (patch.graceDays !== undefined) values.grace_days = patch.graceDays;
    writeRow(ctx, 'membership_types', input.id, values);
    return getMembershipType(db, input.id)!;
  })();
}

/**
 * Retires a type (no longer given to new members, by the member form or by imports) or brings it
 * back, as an edit that syncs. Members who have it keep it; nothing else about the type changes.
 */
export function retireMembershipType(
  ctx: WriteContext,
  input: z.output<typeof membershipTypeRetireInput>,
): MembershipType {
  const { db } = ctx;
  return db.transaction(() => {
    const current = getMembershipType(db, input.id);
    if (!current)
      throw new AppError('NOT_FOUND', 'No such membership type.', { problem: problem('TYPE_NOT_FOUND') });
    if (current.retired !== input.retired)
      writeRow(ctx, 'membership_types', input.id, { retired: input.retired ? 1 : 0 });
    return getMembershipType(db, input.id)!;
  })();
}

/**
 * Refuses to give a retired type to a member: the member form and the CLI offer only types still
 * given, so this is a type retired on another laptop meanwhile, or a script naming one.
 */
export function assertTypeGiven(type: MembershipType, field: string): void {
  if (!type.retired) return;
  const message = `The membership type “${type.name}” is retired; bring it back in Settings or choose another.`;
  throw fieldError('VALIDATION', field, message, problem('TYPE_RETIRED', { name: type.name }));
}
