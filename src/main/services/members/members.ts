import { randomUUID } from 'node:crypto';
import { statement } from '../../db/statements';
import { memberFields, type HistoryEntry, type Member } from '../../../shared/domain';
import type { ParsedInput } from '../../../shared/api';
import { AppError, fieldError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import { fieldName, normaliseEmail } from '../../../shared/text';
import { parseHlc } from '../../../shared/hlc';
import { rowChanges, writeRow, type WriteContext } from '../../db/changes';
import type { Db } from '../../db/open';
import { authorOf } from '../../sync/authors';
import { requireChapter } from '../chapter/chapter';
import { listCustomFields } from '../custom-fields/fields';
import { chapterDateFormat, readMemberValues, writeMemberValues } from '../custom-fields/values';
import { getChapterKey } from '../chapter/key';
import { assertTypeGiven, getMembershipType } from '../types/membership-types';
import { assertNumberFree } from './clashes';
import { memberIdFor } from './identity';
import { keepMemberNumber, memberNumbers } from './numbers';
import { MEMBER_SELECT } from './query';
import { memberToFields, memberToRow, toMember, type MemberDbRow } from './row';
import { statusParams } from './status';

export interface MembersDeps {
  db: Db;
  now: () => Date;
  writeContext: () => WriteContext;
}

export function getMember({ db, now }: Pick<MembersDeps, 'db' | 'now'>, id: string): Member {
  const chapter = requireChapter(db);
  const row = statement(db, `${MEMBER_SELECT} WHERE m.id = @id`).get({
    id,
    ...statusParams(chapter, now()),
  }) as MemberDbRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such member.', { problem: problem('MEMBER_NOT_FOUND') });
  return toMember(row);
}

const memberDeleted = () =>
  new AppError('NOT_FOUND', 'This member has been deleted.', { problem: problem('MEMBER_DELETED') });

function assertEmailFree(db: Db, email: string | null | undefined, exceptId: string | null): void {
  if (!email) return;
  const other = statement(
    db,
    `SELECT id, first_name, last_name FROM members WHERE email = ? AND deleted = 0 AND id IS NOT ?`,
  ).get(email.trim().toLowerCase(), exceptId) as
    { id: string; first_name: string | null; last_name: string | null } | undefined;
  if (other) {
    const name = [other.first_name, other.last_name].filter(Boolean).join(' ') || other.id;
    const message = `Another member (${name}) already uses this email.`;
    throw fieldError(
      'CONFLICT',
      'email',
      message,
      problem('EMAIL_TAKEN', { name, memberId: other.id }),
      message,
    );
  }
}

/** A member keeps a type retired since they were given it; only giving it anew is refused. */
function assertTypeExists(db: Db, typeId: string | undefined, currentTypeId: string | null = null): void {
  if (!typeId) return;
  const found = getMembershipType(db, typeId);
  if (found && typeId !== currentTypeId) assertTypeGiven(found, 'typeId');
  if (!found) {
    const message = 'This membership type does not exist.';
    throw fieldError('VALIDATION', 'typeId', message, problem('TYPE_NOT_FOUND'), message);
  }
}

export function createMember(deps: MembersDeps, input: ParsedInput<'members.create'>): Member {
  const { db } = deps;
  const id = db.transaction(() => {
    const chapter = requireChapter(db);
    assertEmailFree(db, input.email, null);
    assertTypeExists(db, input.typeId);
    const ctx = deps.writeContext();
    const values = memberToRow(input, chapter);
    const given = values.member_number as string | null;
    assertNumberFree(db, given, null);
    if (!given) values.member_number = memberNumbers(db, ctx.hlc.node)();
    const { key } = getChapterKey(db);
    let memberId = memberIdFor(key, values.email as string | null);
    // The derived id of a deleted member with this email: bring that row back rather than clash.
    const previous = statement(db, `SELECT deleted FROM members WHERE id = ?`).get(memberId) as
      { deleted: number } | undefined;
    if (previous && previous.deleted === 0) memberId = memberIdFor(key, null);
    // An erased person's id is never used again: every change to it is dropped, here and on the server.
    if (statement(db, `SELECT 1 FROM erasures WHERE id = ?`).get(memberId)) memberId = randomUUID();
    const custom = readMemberValues(db, input.customFields ?? {}, chapterDateFormat(chapter));
    writeRow(ctx, 'members', memberId, { ...values, deleted: 0 });
    writeMemberValues(ctx, memberId, custom);
    if (!given) keepMemberNumber(db, values.member_number as string);
    return memberId;
  })();
  return getMember(deps, id);
}

export function updateMember(
  deps: MembersDeps,
  { id, patch, customFields }: ParsedInput<'members.update'>,
): Member {
  const { db } = deps;
  db.transaction(() => {
    const chapter = requireChapter(db);
    const current = getMember(deps, id);
    if (current.deleted) throw memberDeleted();
    const stored = statement(db, `SELECT paid_through FROM members WHERE id = ?`).get(id) as {
      paid_through: string | null;
    };
    const merged = { ...memberToFields(current, stored.paid_through), ...patch };
    if (!merged.firstName && !merged.lastName && !merged.email) {
      const message = 'Give at least a name or an email';
      throw fieldError('VALIDATION', 'lastName', message, problem('NAME_OR_EMAIL_REQUIRED'), message);
    }
    // As for numbers: a member already sharing an email (it came by sync) can still be edited, and
    // the clash is listed to merge; only a new email is checked.
    if (normaliseEmail(merged.email ?? '') !== normaliseEmail(current.email ?? ''))
      assertEmailFree(db, merged.email, id);
    assertTypeExists(db, merged.typeId, current.typeId);
    const row = memberToRow(merged, chapter);
    // A member already sharing a number (it came by sync) can still be edited; a new number is checked.
    if (row.member_number !== current.memberNumber)
      assertNumberFree(db, row.member_number as string | null, id);
    const custom = readMemberValues(db, customFields ?? {}, chapterDateFormat(chapter));
    const ctx = deps.writeContext();
    writeRow(ctx, 'members', id, row);
    writeMemberValues(ctx, id, custom);
  })();
  return getMember(deps, id);
}

/** Gives a member the next number of this laptop's series, as an edit that syncs (to end a clash). */
export function renumberMember(deps: MembersDeps, id: string): Member {
  const { db } = deps;
  db.transaction(() => {
    const current = getMember(deps, id);
    if (current.deleted) throw memberDeleted();
    const ctx = deps.writeContext();
    const number = memberNumbers(db, ctx.hlc.node)();
    writeRow(ctx, 'members', id, { member_number: number });
    keepMemberNumber(db, number);
  })();
  return getMember(deps, id);
}

export function setMemberDeleted(deps: MembersDeps, id: string, deleted: 0 | 1): Member {
  const { db } = deps;
  db.transaction(() => {
    getMember(deps, id);
    // Restoring is never refused: a member whose email another now has is listed as a clash. A
    // merged-away member restored is a person of their own again (a merge undone), no longer part of
    // the kept member's history, erasure or data: merged_into goes with the delete.
    const { merged_into } = statement(db, `SELECT merged_into FROM members WHERE id = ?`).get(id) as {
      merged_into: string | null;
    };
    const undoMerge = deleted === 0 && merged_into !== null;
    writeRow(deps.writeContext(), 'members', id, undoMerge ? { deleted, merged_into: null } : { deleted });
  })();
  return getMember(deps, id);
}

/** Stored column -> the contract's field, for putting back a value that lost a sync conflict. */
export const MEMBER_FIELD_BY_COLUMN = new Map(
  Object.keys(memberFields.shape).map((field) => [
    field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
    field,
  ]),
);

/** Columns the secretary never typed: derived for search and sorting, not history. */
const HIDDEN_COLUMNS = new Set(['sort_name']);

/** A member and those merged into them (and into those), whose history is theirs too. */
function mergedLine(db: Db, id: string): string[] {
  const ids = [id];
  for (let i = 0; i < ids.length; i++) {
    const into = statement(db, `SELECT id FROM members WHERE merged_into = ?`).all(ids[i]) as {
      id: string;
    }[];
    for (const row of into) if (!ids.includes(row.id)) ids.push(row.id);
  }
  return ids;
}

export function memberHistory(db: Db, id: string): HistoryEntry[] {
  const author = authorOf(db);
  const line = mergedLine(db, id);
  // The chapter's own fields appear under their labels, as the member's page shows them.
  const labels = new Map(listCustomFields(db).map((f) => [f.id, f.label]));
  const values = statement(db, `SELECT id, field_id FROM member_field_values WHERE member_id = ?`);
  const custom = line.flatMap((rowId) =>
    (values.all(rowId) as { id: string; field_id: string }[]).flatMap((v) =>
      rowChanges(db, 'member_field_values', v.id).map((change) => ({
        change,
        column: labels.get(v.field_id) ?? change.col,
      })),
    ),
  );
  // A merge keeps the merged-away member's values, those that differed included, in its own log.
  const own = line
    .flatMap((rowId) => rowChanges(db, 'members', rowId))
    .filter((c) => !HIDDEN_COLUMNS.has(c.col))
    .map((change) => ({ change, column: fieldName(change.col) }));
  return [...own, ...custom]
    .sort(({ change: a }, { change: b }) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.seq - b.seq))
    .map(({ change: c, column }) => ({
      hlc: c.hlc,
      at: new Date(parseHlc(c.hlc).wall).toISOString(),
      column,
      value: c.value === null ? null : (JSON.parse(c.value) as unknown),
      by: author(c.node_id, c.officer),
    }));
}

export function listCities(db: Db): string[] {
  return (
    statement(
      db,
      `SELECT DISTINCT city FROM members WHERE deleted = 0 AND city IS NOT NULL ORDER BY city`,
    ).all() as {
      city: string;
    }[]
  ).map((r) => r.city);
}
