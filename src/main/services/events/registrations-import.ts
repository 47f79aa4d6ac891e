import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { problem, type Problem } from '../../../shared/problems';
import type { RegistrationsImportResult, registrationsImportInput } from '../../../shared/events';
import { importReadAppError, isImportReadError } from '../imports/errors';
import { suggestMapping } from '../imports/mapping';
import { openImport } from '../imports/source';
import { requireChapter } from '../chapter/chapter';
import { buildMemberIndex, matchLine } from '../payments/statement/match';
import type { StatementLine } from '../payments/statement/read';
import { memberCandidates } from '../payments/statements';
import { guestRegistrationId, memberRegistrationId } from './attendance';
import { eventRow, type EventDeps } from './events';
import { statement } from '../../db/statements';
import { writeRow, type RowValues } from '../../db/changes';
import { valueIssue } from '../../../shared/fields/check';
import { normaliseEmail } from '../../../shared/text';
import { randomUUID } from 'node:crypto';

/**
 * The first value of a registration that its column cannot hold (checked as sync checks it), as
 * the field ("name" for guest_name) and why, or null.
 */
function registrationIssue(values: RowValues): { field: string; message: string; problem: Problem } | null {
  for (const [column, value] of Object.entries(values)) {
    const issue = valueIssue('registrations', column, JSON.stringify(value));
    if (issue) {
      const field = column.replace(/^guest_/, '');
      return {
        field,
        message: `The ${field} cannot be kept: ${issue}`,
        problem: problem('REGISTRATION_VALUE_REFUSED', { field }),
      };
    }
  }
  return null;
}

/**
 * Registrations from an online form's export: the file goes through the import reader (any
 * encoding, delimiter, XLSX, title rows) and its columns are read with the members import's header
 * names; each row is matched to a member (member number, email, phone, name, never by guess), and
 * anyone else is registered as a guest. One transaction; a dry run only reads.
 */
export async function importRegistrations(
  deps: EventDeps,
  input: z.output<typeof registrationsImportInput>,
): Promise<RegistrationsImportResult> {
  const { db } = deps;
  let source;
  try {
    source = await openImport(Buffer.from(input.data, 'base64'), { fileName: input.fileName });
  } catch (error) {
    if (isImportReadError(error)) throw importReadAppError(error);
    throw error;
  }
  const mapping = suggestMapping(source.headers);
  const column = (field: string) => mapping.columns.find((c) => c.field === field)?.index ?? -1;
  const cols = {
    number: column('memberNumber'),
    first: column('firstName'),
    last: column('lastName'),
    full: column('fullName'),
    email: column('email'),
    phone: column('phone'),
  };
  if (cols.email < 0 && cols.full < 0 && cols.first < 0 && cols.last < 0 && cols.number < 0) {
    throw new AppError(
      'VALIDATION',
      'This file has no column for a name, an email or a member number, so nobody can be registered from it.',
      { problem: problem('REGISTRATIONS_FILE_NO_PERSON') },
    );
  }
  const rows = [...source.rows()];
  const chapter = requireChapter(db);
  const run = db.transaction((): RegistrationsImportResult => {
    const event = eventRow(db, input.eventId);
    if (event.cancelled) {
      throw new AppError('CONFLICT', 'This event is cancelled.', { problem: problem('EVENT_CANCELLED') });
    }
    const index = buildMemberIndex(memberCandidates(db));
    const result: RegistrationsImportResult = {
      rows: rows.length,
      members: 0,
      guests: 0,
      alreadyRegistered: 0,
      rejected: [],
    };
    const ctx = deps.writeContext();
    const seen = new Set<string>();
    const startedAt = ctx.now().getTime();
    const cell = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    for (const row of rows) {
      const name =
        cell(row.cells, cols.full) ||
        [cell(row.cells, cols.first), cell(row.cells, cols.last)].filter(Boolean).join(' ');
      const email = cell(row.cells, cols.email);
      if (email && valueIssue('registrations', 'guest_email', JSON.stringify(normaliseEmail(email)))) {
        result.rejected.push({
          row: row.rowNumber,
          field: 'email',
          message: `“${email}” is not an email address`,
          problem: problem('REGISTRATION_EMAIL_INVALID', { email }),
        });
        continue;
      }
      const line: StatementLine = {
        rowNumber: row.rowNumber,
        reference: null,
        paidOn: null,
        amountMinor: null,
        currency: chapter.currency,
        incoming: true,
        completed: true,
        status: null,
        method: null,
        account: null,
        memberNumber: cell(row.cells, cols.number) || null,
        email: email || null,
        phone: cell(row.cells, cols.phone) || null,
        payer: name || null,
        details: null,
        problem: null,
      };
      const match = matchLine(line, index, chapter.country);
      if (!match && !name && !email) {
        result.rejected.push({
          row: row.rowNumber,
          field: 'name',
          message: 'No name, email or known member number',
          problem: problem('REGISTRATION_NO_PERSON'),
        });
        continue;
      }
      const person: RowValues = match
        ? { member_id: match.memberId }
        : {
            guest_name: name || email,
            guest_email: email ? normaliseEmail(email) : null,
            guest_phone: line.phone,
          };
      const issue = registrationIssue(person);
      if (issue) {
        result.rejected.push({ row: row.rowNumber, ...issue });
        continue;
      }
      const id = match
        ? memberRegistrationId(input.eventId, match.memberId)
        : email
          ? guestRegistrationId(db, input.eventId, normaliseEmail(email))
          : randomUUID();
      const existing = statement(db, `SELECT cancelled FROM registrations WHERE id = ? AND deleted = 0`).get(
        id,
      ) as { cancelled: number } | undefined;
      if ((existing && !existing.cancelled) || seen.has(id)) {
        result.alreadyRegistered++;
        continue;
      }
      seen.add(id);
      if (match) result.members++;
      else result.guests++;
      // A dry run reads and counts; it never writes and rolls back.
      if (input.dryRun) continue;
      writeRow(ctx, 'registrations', id, {
        event_id: input.eventId,
        ...person,
        // Places go in the order of the file: one millisecond apart, as they were one form each.
        registered_at: new Date(startedAt + result.members + result.guests).toISOString(),
        walk_in: 0,
        cancelled: 0,
        deleted: 0,
      });
    }
    return result;
  });
  return run();
}
