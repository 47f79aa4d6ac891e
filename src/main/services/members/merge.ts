import type { EmailClashes, Member, MergeField, MergePreview } from '../../../shared/domain';
import { fieldError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import { MEMBER_COLUMNS } from '../../../shared/fields/members';
import { writeRow, type RowValues, type WriteContext } from '../../db/changes';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import { requireChapter } from '../chapter/chapter';
import { attendanceId, memberRegistrationId } from '../events/attendance';
import { memberFieldValues, writeMemberValues } from '../custom-fields/values';
import { CLASHES_SHOWN, sharedValues } from './clashes';
import { getMember, MEMBER_FIELD_BY_COLUMN, type MembersDeps } from './members';
import { derivedColumns } from './row';

/**
 * Emails that more than one live member holds. Ids derive from the email a member was created
 * with, so a member whose email one laptop changed and one another laptop created with that email
 * are two rows after sync: the secretary merges them. One pass over the email index.
 */
export function emailClashes(
  db: Db,
  now: Date,
  chapter: ReturnType<typeof requireChapter>,
  limit = CLASHES_SHOWN,
): EmailClashes {
  const { shared, total } = sharedValues(db, now, chapter, 'email', limit);
  return { clashes: shared.map(({ value, members }) => ({ email: value, members })), total };
}

/** What a secretary typed or a file brought: never derived (recomputed), never the row's state. */
export const MERGED_COLUMNS = MEMBER_COLUMNS.filter(
  (c) => !c.derived && c.column !== 'deleted' && c.column !== 'merged_into',
).map((c) => c.column);

/** Rows that point at a member and move with a merge. */
const REFERENCES = ['payments', 'registrations', 'attendance'] as const;

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

function liveRow(db: Db, id: string, which: 'keepId' | 'otherId'): RowValues {
  const row = statement(db, `SELECT * FROM members WHERE id = ?`).get(id) as RowValues | undefined;
  if (!row || row['deleted'] === 1) {
    const message = row ? 'This member has been deleted.' : 'No such member.';
    const found = problem(row ? 'MEMBER_DELETED' : 'MEMBER_NOT_FOUND');
    throw fieldError('NOT_FOUND', which, message, found, message);
  }
  return row;
}

function plan(db: Db, keepId: string, otherId: string) {
  if (keepId === otherId) {
    const message = 'A member cannot be merged with themselves.';
    throw fieldError('VALIDATION', 'otherId', message, problem('MERGE_SAME_MEMBER'), message);
  }
  const keep = liveRow(db, keepId, 'keepId');
  const other = liveRow(db, otherId, 'otherId');
  const fill: RowValues = {};
  const filled: MergeField[] = [];
  const differing: MergeField[] = [];
  for (const column of MERGED_COLUMNS) {
    const [k, o] = [keep[column] ?? null, other[column] ?? null] as [
      string | number | null,
      string | number | null,
    ];
    if (isEmpty(o) || k === o) continue;
    const field = { field: MEMBER_FIELD_BY_COLUMN.get(column) ?? column, keep: k, other: o };
    if (isEmpty(k)) {
      fill[column] = o;
      filled.push(field);
    } else differing.push(field);
  }
  // The chapter's own fields merge as ours do: the kept member's empty ones take the other's values.
  const keptValues = new Map(memberFieldValues(db, keepId).map((v) => [v.field.id, v.value]));
  const customFill = new Map<string, string>();
  for (const { field, value } of memberFieldValues(db, otherId)) {
    const kept = keptValues.get(field.id);
    if (kept === value) continue;
    const merged = { field: field.label, keep: kept ?? null, other: value };
    if (kept === undefined) {
      customFill.set(field.id, value);
      filled.push(merged);
    } else differing.push(merged);
  }
  const moved = Object.fromEntries(
    REFERENCES.map((table) => [
      table,
      statement(db, `SELECT id FROM ${table} WHERE member_id = ? AND deleted = 0`).all(otherId) as {
        id: string;
      }[],
    ]),
  ) as Record<(typeof REFERENCES)[number], { id: string }[]>;
  return { keep, fill, customFill, filled, differing, moved };
}

export function previewMerge(
  deps: Pick<MembersDeps, 'db' | 'now'>,
  keepId: string,
  otherId: string,
): MergePreview {
  const { filled, differing, moved } = plan(deps.db, keepId, otherId);
  return {
    keep: getMember(deps, keepId),
    other: getMember(deps, otherId),
    filled,
    differing,
    moved: {
      payments: moved.payments.length,
      registrations: moved.registrations.length,
      attendance: moved.attendance.length,
    },
  };
}

/**
 * Merges `otherId` into `keepId`, all as ordinary edits that sync: `keep`'s empty fields (the
 * chapter's own fields too) take `other`'s values, `other`'s payments, registrations and check-ins
 * point at `keep`, and `other` is deleted with `merged_into` naming `keep`. Values of `other` that
 * differ stay in its history, which `keep`'s history shows (memberHistory follows `merged_into`).
 * The same merge made on two laptops writes the same values.
 */
export function mergeMembers(deps: MembersDeps, keepId: string, otherId: string): Member {
  const { db } = deps;
  db.transaction(() => {
    const { keep, fill, customFill } = plan(db, keepId, otherId);
    const ctx = deps.writeContext();
    writeRow(ctx, 'members', otherId, { deleted: 1, merged_into: keepId });
    if (Object.keys(fill).length > 0) {
      // Sort name and E.164 phone follow the filled names, email and phone, as after any edit.
      const next = { ...keep, ...fill } as Parameters<typeof derivedColumns>[0];
      writeRow(ctx, 'members', keepId, { ...fill, ...derivedColumns(next, requireChapter(db)) });
    }
    writeMemberValues(ctx, keepId, customFill);
    moveReferences(ctx, otherId, keepId);
  })();
  return getMember(deps, keepId);
}

/**
 * Points what refers to `otherId` at `keepId`. A payment's member is edited. A registration and its
 * check-in move to the rows the door derives for `keepId` (`memberRegistrationId`, `attendanceId`):
 * created with the moved values when `keepId` has none for that event, else `keepId`'s stay (and
 * count as present if either was); the old ones are deleted. So a member never has two check-ins for
 * one event, and the door finds the moved ones. Every laptop moving the same rows writes the same.
 */
export function moveReferences(ctx: WriteContext, otherId: string, keepId: string): void {
  const { db } = ctx;
  const payments = statement(db, `SELECT id FROM payments WHERE member_id = ? AND deleted = 0`).all(
    otherId,
  ) as {
    id: string;
  }[];
  for (const { id } of payments) writeRow(ctx, 'payments', id, { member_id: keepId });
  const registrations = statement(
    db,
    `SELECT id, event_id, registered_at, walk_in, cancelled FROM registrations WHERE member_id = ? AND deleted = 0`,
  ).all(otherId) as {
    id: string;
    event_id: string;
    registered_at: string | null;
    walk_in: number;
    cancelled: number;
  }[];
  for (const r of registrations) {
    const keepRegistration = memberRegistrationId(r.event_id, keepId);
    const kept = statement(db, `SELECT deleted, cancelled FROM registrations WHERE id = ?`).get(
      keepRegistration,
    ) as { deleted: number; cancelled: number } | undefined;
    if (kept && kept.deleted === 0 && kept.cancelled === 1 && r.cancelled === 0) {
      // Registered as the other, cancelled as the kept one: still coming. Their registration comes
      // back keeping its first time and kind, as after any registration following a cancellation.
      writeRow(ctx, 'registrations', keepRegistration, { cancelled: 0 });
    } else if (!kept || kept.deleted === 1) {
      writeRow(ctx, 'registrations', keepRegistration, {
        event_id: r.event_id,
        member_id: keepId,
        registered_at: r.registered_at,
        walk_in: r.walk_in,
        cancelled: r.cancelled,
        deleted: 0,
      });
    }
    const checkIns = statement(
      db,
      `SELECT id, checked_in_at, present, completed FROM attendance WHERE registration_id = ? AND deleted = 0`,
    ).all(r.id) as { id: string; checked_in_at: string | null; present: number; completed: number }[];
    for (const a of checkIns) {
      const keepAttendance = attendanceId(r.event_id, keepRegistration);
      const current = statement(db, `SELECT present, deleted FROM attendance WHERE id = ?`).get(
        keepAttendance,
      ) as { present: number; deleted: number } | undefined;
      if (!current || current.deleted === 1) {
        writeRow(ctx, 'attendance', keepAttendance, {
          event_id: r.event_id,
          registration_id: keepRegistration,
          member_id: keepId,
          checked_in_at: a.checked_in_at,
          present: a.present,
          completed: a.completed,
          deleted: 0,
        });
      } else if (a.present === 1 && current.present === 0) {
        writeRow(ctx, 'attendance', keepAttendance, { present: 1, checked_in_at: a.checked_in_at });
      }
      writeRow(ctx, 'attendance', a.id, { deleted: 1 });
    }
    writeRow(ctx, 'registrations', r.id, { deleted: 1 });
  }
}
