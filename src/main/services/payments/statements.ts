import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { minorToDecimal } from '../../../shared/dues/money';
import { AppError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import { maxLengthOf } from '../../../shared/fields/field';
import {
  paymentRecordInput,
  type Payment,
  type PaymentMethod,
  type StatementBatchView,
  type StatementDraft,
  type StatementLineView,
  type StatementResult,
  type statementCommitInput,
} from '../../../shared/payments';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import { requireChapter } from '../chapter/chapter';
import { importReadAppError, isImportReadError } from '../imports/errors';
import { getPayment, insertPayment, writeVoid, type PaymentDeps } from './payments';
import { buildMemberIndex, matchLine, type MemberCandidate } from './statement/match';
import { readStatement, StatementReadError, type StatementLine } from './statement/read';

interface Draft {
  draftId: string;
  fileName: string;
  provider: string;
  lines: StatementLine[];
}

/** The reason an ignored line shows, worded by the renderer from this key. */
function ignoredBecause(line: StatementLine): string | null {
  if (line.problem) return `${line.problem.field}: ${line.problem.message}`;
  if (!line.incoming) return 'outgoing';
  if (!line.completed) return line.status ? `status: ${line.status}` : 'not-completed';
  if (line.amountMinor === null) return 'amount: missing';
  if (!line.paidOn) return 'date: missing';
  return null;
}

/** A payment's note keeps this much of a line's details: what the note can hold, here and after sync. */
const NOTE_MAX = maxLengthOf(paymentRecordInput.shape.note);

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never between the two halves of a character outside the BMP: half of one cannot be stored.
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return text.slice(0, end);
}

const DEFAULT_METHOD: Record<string, PaymentMethod> = {
  mpesa: 'mobile-money',
  bank: 'bank-transfer',
  payments: 'other',
  generic: 'other',
};

/**
 * Whether a line is already a payment: the same provider reference (also one typed by hand with a
 * reference), or, for a line without one, the same member, day, amount and method. Voided payments
 * do not count: a line whose payment was voided can be recorded again.
 */
function alreadyRecorded(
  db: Db,
  line: StatementLine,
  memberId: string | null,
  method: PaymentMethod,
): boolean {
  const valid = `NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id AND v.deleted = 0) AND p.deleted = 0`;
  if (line.reference) {
    return Boolean(
      statement(db, `SELECT 1 FROM payments p WHERE p.reference = ? AND ${valid} LIMIT 1`).get(
        line.reference,
      ),
    );
  }
  if (!memberId) return false;
  return Boolean(
    statement(
      db,
      `SELECT 1 FROM payments p WHERE p.member_id = ? AND p.paid_on = ? AND p.amount_minor = ? AND p.currency = ?
         AND p.method = ? AND ${valid} LIMIT 1`,
    ).get(memberId, line.paidOn, line.amountMinor, line.currency, method),
  );
}

export function memberCandidates(db: Db): MemberCandidate[] {
  return (
    statement(
      db,
      `SELECT id, member_number, email, phone_e164, first_name, last_name FROM members WHERE deleted = 0`,
    ).all() as {
      id: string;
      member_number: string | null;
      email: string | null;
      phone_e164: string | null;
      first_name: string | null;
      last_name: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    memberNumber: r.member_number,
    email: r.email,
    phoneE164: r.phone_e164,
    firstName: r.first_name,
    lastName: r.last_name,
  }));
}

function memberNames(db: Db, ids: Iterable<string>): Map<string, string> {
  const names = new Map<string, string>();
  const get = statement(db, `SELECT first_name, last_name, email FROM members WHERE id = ?`);
  for (const id of ids) {
    const row = get.get(id) as { first_name: string | null; last_name: string | null; email: string | null };
    if (row) names.set(id, [row.first_name, row.last_name].filter(Boolean).join(' ') || row.email || '');
  }
  return names;
}

/**
 * Every line with what would happen to it: matched to a member (and why), already recorded,
 * unmatched, or ignored (failed, reversed, outgoing, unreadable). A reference seen twice in the
 * file, or a line without one repeated exactly, is recorded once.
 */
function classify(db: Db, country: string | null, draft: Draft, assigned: Map<number, string | null>) {
  const index = buildMemberIndex(memberCandidates(db));
  const seen = new Set<string>();
  const views: (StatementLineView & { source: StatementLine })[] = [];
  for (const line of draft.lines) {
    const method = line.method ?? DEFAULT_METHOD[draft.provider] ?? 'other';
    const ignored = ignoredBecause(line);
    const found = assigned.has(line.rowNumber)
      ? assigned.get(line.rowNumber)
        ? { memberId: assigned.get(line.rowNumber)!, why: 'manual' as const }
        : null
      : ignored
        ? null
        : matchLine(line, index, country);
    const key = line.reference
      ? `ref:${line.reference}`
      : `${found?.memberId ?? `row:${line.rowNumber}`}|${line.paidOn}|${line.amountMinor}|${line.currency}|${method}`;
    let state: StatementLineView['state'];
    if (ignored) state = 'ignored';
    else if (seen.has(key) || alreadyRecorded(db, line, found?.memberId ?? null, method))
      state = 'already-recorded';
    else state = found ? 'match' : 'unmatched';
    if (!ignored) seen.add(key);
    views.push({
      line: line.rowNumber,
      state,
      reference: line.reference,
      payer: line.payer ?? line.email ?? line.phone ?? line.memberNumber ?? line.account,
      paidOn: line.paidOn,
      amountMinor: line.amountMinor,
      currency: line.currency,
      method,
      memberId: found?.memberId ?? null,
      memberName: null,
      why: found?.why ?? null,
      ignoredBecause: ignored,
      source: line,
    });
  }
  const names = memberNames(db, new Set(views.flatMap((v) => (v.memberId ? [v.memberId] : []))));
  for (const view of views) view.memberName = view.memberId ? (names.get(view.memberId) ?? null) : null;
  return views;
}

/** What a statement did (or, in a dry run, would do), from its classified lines. */
function outcome(lines: StatementLineView[], batchId: string | null, payments: Payment[]): StatementResult {
  return {
    batchId,
    lines: lines.length,
    matched: lines.filter((l) => l.state === 'match').length,
    alreadyRecorded: lines.filter((l) => l.state === 'already-recorded').length,
    unmatched: lines
      .filter((l) => l.state === 'unmatched')
      .map((l) => ({
        line: l.line,
        reference: l.reference,
        payer: l.payer,
        amount: l.amountMinor === null ? null : minorToDecimal(l.amountMinor, l.currency),
      })),
    payments,
  };
}

export function createStatements(deps: PaymentDeps, maxKept = 3) {
  const drafts = new Map<string, Draft>();

  async function read(fileName: string, bytes: Uint8Array): Promise<Draft> {
    const chapter = requireChapter(deps.db);
    try {
      const parsed = await readStatement(bytes, {
        fileName,
        currency: chapter.currency,
        country: chapter.country,
      });
      return { draftId: randomUUID(), fileName, provider: parsed.provider, lines: parsed.lines };
    } catch (error) {
      if (error instanceof StatementReadError) {
        throw new AppError('VALIDATION', error.message, { problem: problem(error.problem) });
      }
      if (isImportReadError(error)) throw importReadAppError(error);
      throw error;
    }
  }

  function view(draft: Draft, assigned = new Map<number, string | null>()): StatementDraft {
    const chapter = requireChapter(deps.db);
    return {
      draftId: draft.draftId,
      fileName: draft.fileName,
      provider: draft.provider,
      lines: classify(deps.db, chapter.country, draft, assigned).map(({ source: _source, ...line }) => line),
    };
  }

  /** Reads a statement and shows what recording it would do; nothing is written. */
  async function inspect(input: { fileName: string; data: string }): Promise<StatementDraft> {
    const draft = await read(input.fileName, Buffer.from(input.data, 'base64'));
    drafts.set(draft.draftId, draft);
    for (const old of [...drafts.keys()].slice(0, Math.max(0, drafts.size - maxKept))) drafts.delete(old);
    return view(draft);
  }

  /**
   * Records every matched (and hand-assigned) line as a payment, oldest first so renewals follow
   * each other, in one transaction: all of them or, on any error, none.
   */
  function commitDraft(draft: Draft, assignments: z.output<typeof statementCommitInput>['assignments']) {
    const { db } = deps;
    const assigned = new Map(assignments.map((a) => [a.line, a.memberId]));
    return db.transaction((): StatementResult => {
      const lines = classify(db, requireChapter(db).country, draft, assigned);
      const toRecord = lines
        .filter((l) => l.state === 'match')
        .sort((a, b) => (a.paidOn ?? '').localeCompare(b.paidOn ?? '') || a.line - b.line);
      const batchId = toRecord.length > 0 ? randomUUID() : null;
      const payments: Payment[] = [];
      for (const line of toRecord) {
        try {
          const id = insertPayment(
            deps,
            {
              memberId: line.memberId!,
              amount: minorToDecimal(line.amountMinor!, line.currency),
              currency: line.currency,
              method: line.method,
              reference: line.reference ?? undefined,
              paidOn: line.paidOn!,
              note: line.source.details ? clip(line.source.details, NOTE_MAX) : undefined,
            },
            { batchId: batchId! },
          );
          payments.push(getPayment(db, id));
        } catch (error) {
          if (error instanceof AppError) {
            const cause = error.details?.problem;
            throw new AppError(error.code, `Row ${line.line}: ${error.message}`, {
              ...error.details,
              problem: { ...problem('STATEMENT_LINE_REFUSED', { line: line.line }), ...(cause && { cause }) },
            });
          }
          throw error;
        }
      }
      if (batchId) {
        statement(
          db,
          `INSERT INTO statement_batches (id, file_name, provider, created_at, payments) VALUES (?, ?, ?, ?, ?)`,
        ).run(batchId, draft.fileName, draft.provider, deps.now().toISOString(), payments.length);
      }
      return outcome(lines, batchId, payments);
    })();
  }

  function commit(input: z.output<typeof statementCommitInput>): StatementResult {
    const draft = drafts.get(input.draftId);
    if (!draft) {
      throw new AppError('NOT_FOUND', 'This statement is no longer open; choose the file again.', {
        problem: problem('STATEMENT_NOT_OPEN'),
      });
    }
    const result = commitDraft(draft, input.assignments);
    drafts.delete(input.draftId);
    return result;
  }

  /** The CLI's path: read, match and (unless a dry run) record, in one call. */
  async function reconcile(fileName: string, bytes: Uint8Array, dryRun: boolean): Promise<StatementResult> {
    const draft = await read(fileName, bytes);
    if (!dryRun) return commitDraft(draft, []);
    const { db } = deps;
    // A dry run reports what recording would do, from the same classification, writing nothing.
    return outcome(classify(db, requireChapter(db).country, draft, new Map()), null, []);
  }

  return { inspect, commit, reconcile };
}

export function listStatementBatches(db: Db): StatementBatchView[] {
  return (
    statement(
      db,
      `SELECT id, file_name, created_at, payments, undone_at FROM statement_batches ORDER BY created_at DESC`,
    ).all() as {
      id: string;
      file_name: string;
      created_at: string;
      payments: number;
      undone_at: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    fileName: r.file_name,
    createdAt: r.created_at,
    payments: r.payments,
    undoneAt: r.undone_at,
  }));
}

/**
 * Undoes a statement: every payment it recorded is voided (payments are never deleted), so the
 * undo syncs like any void and the statuses follow.
 */
export function undoStatementBatch(deps: PaymentDeps, id: string): StatementBatchView {
  const { db } = deps;
  db.transaction(() => {
    const batch = statement(db, `SELECT undone_at FROM statement_batches WHERE id = ?`).get(id) as
      { undone_at: string | null } | undefined;
    if (!batch) {
      throw new AppError('NOT_FOUND', 'No such statement import.', {
        problem: problem('STATEMENT_IMPORT_NOT_FOUND'),
      });
    }
    if (batch.undone_at) {
      throw new AppError('CONFLICT', 'This statement import was already undone.', {
        problem: problem('STATEMENT_ALREADY_UNDONE'),
      });
    }
    const open = statement(
      db,
      `SELECT p.id FROM payments p WHERE p.batch_id = ?
         AND NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id AND v.deleted = 0)`,
    ).all(id) as { id: string }[];
    for (const p of open) writeVoid(deps, p.id, 'Statement import undone');
    statement(db, `UPDATE statement_batches SET undone_at = ? WHERE id = ?`).run(
      deps.now().toISOString(),
      id,
    );
  })();
  return listStatementBatches(db).find((b) => b.id === id)!;
}
