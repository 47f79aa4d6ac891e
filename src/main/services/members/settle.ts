import { fieldValueId } from '../../../shared/custom-fields';
import { isDerivedId, keyedId } from '../../db/identity';
import { rowChanges, writeRow, type RowValues, type WriteContext } from '../../db/changes';
import { statement } from '../../db/statements';
import { getChapter } from '../chapter/chapter';
import { getChapterKey } from '../chapter/key';
import { legacyMemberId } from '../../sync/chapter-key';
import { memberIdFor } from './identity';
import { MERGED_COLUMNS, mergeMembers, moveReferences } from './merge';
import type { MembersDeps } from './members';
import { derivedColumns } from './row';

/**
 * The keyed id a member made before chapter keys moves to: that of the email it was created with
 * (the one whose v5 id it has, found among the emails its log holds), so a later creation with that
 * email on any laptop is the same row; failing that, one keyed on the old id. Every laptop with the
 * chapter's key computes the same.
 */
function keyedIdOf(ctx: WriteContext, chapterId: string, key: string, id: string): string {
  const emails = statement(
    ctx.db,
    `SELECT DISTINCT value ->> '$' AS email FROM changes WHERE tbl = 'members' AND row_id = @id AND col = 'email'
     UNION SELECT DISTINCT value ->> '$.email' FROM changes WHERE tbl = 'members' AND row_id = @id AND col = '*'`,
  ).all({ id }) as { email: string | null }[];
  const created = emails.find((e) => e.email && legacyMemberId(chapterId, e.email) === id)?.email;
  return created ? memberIdFor(key, created) : keyedId(key, `member-id\n${id}`);
}

/**
 * Members whose row, a payment or registration of whom, or a value of theirs of one of the
 * chapter's own fields, has a log entry after `since`: nothing else can have come to need settling
 * since the last pass. A range of the log, not a scan of the members (after moving a chapter's ids
 * from before keys, every member has a merged-away row).
 */
const TOUCHED = `WITH touched(id) AS (
  SELECT row_id FROM changes WHERE seq > @since AND tbl = 'members'
  UNION SELECT p.member_id FROM changes c JOIN payments p ON p.id = c.row_id
    WHERE c.seq > @since AND c.tbl = 'payments'
  UNION SELECT r.member_id FROM changes c JOIN registrations r ON r.id = c.row_id
    WHERE c.seq > @since AND c.tbl = 'registrations'
  UNION SELECT substr(row_id, 1, instr(row_id, ':') - 1) FROM changes
    WHERE seq > @since AND tbl = 'member_field_values')`;

/**
 * Settles member identity after a pull, with ordinary edits that sync (laptops that settle the same
 * thing write the same values), looking only at members touched by log entries after `since` (0:
 * the whole log). Says whether it wrote anything, and up to which seq the log has been looked
 * through (`since` while the chapter's key is not confirmed: ids from before keys wait for it):
 * - Members merged into each other in a ring (two secretaries merged one clash in opposite
 *   directions, or three laptops each merged two of three records of one person, each offline)
 *   would all be gone: the one with the smallest id comes back.
 * - Members whose ids are v5 (from before chapter keys: anyone who knows the chapter id can test an
 *   email against them) move to keyed ids by merging, once the chapter's key is confirmed: the keyed
 *   row is created with the member's values (or exists already: another laptop moved them first, or
 *   someone created them again), then the old row is merged into it, so payments, registrations and
 *   check-ins follow and the old row is deleted, naming the new one.
 * - What still points at a merged-away member (a payment an older laptop recorded after the merge,
 *   or any laptop before it pulled the merge) follows it, and so do edits of its fields stamped
 *   after the merge (`carryLateEdits`).
 */
export function settleMemberIds(deps: MembersDeps, since: number): { wrote: boolean; through: number } {
  const { db } = deps;
  const chapter = getChapter(db);
  if (!chapter) return { wrote: false, through: since };
  return db.transaction(() => {
    let wrote = false;
    const mergedAway = statement(
      db,
      `${TOUCHED} SELECT m.id FROM touched t JOIN members m ON m.id = t.id
       WHERE m.deleted = 1 AND m.merged_into IS NOT NULL`,
    ).all({ since }) as { id: string }[];
    for (const { id } of mergedAway) {
      const back = mergeCycle(deps, id);
      if (back === null) continue;
      writeRow(deps.writeContext(), 'members', back, { deleted: 0, merged_into: null });
      wrote = true;
    }
    const { key, confirmed } = getChapterKey(db);
    const legacy = confirmed
      ? (
          statement(
            db,
            `${TOUCHED} SELECT m.id FROM touched t JOIN members m ON m.id = t.id
             WHERE m.deleted = 0 AND substr(m.id, 15, 1) = '5'`,
          ).all({ since }) as { id: string }[]
        ).filter((m) => isDerivedId(m.id))
      : [];
    for (const { id } of legacy) {
      const ctx = deps.writeContext();
      const target = keyedIdOf(ctx, chapter.id, key, id);
      const existing = statement(db, `SELECT deleted FROM members WHERE id = ?`).get(target) as
        { deleted: number } | undefined;
      if (!existing) {
        const row = statement(db, `SELECT * FROM members WHERE id = ?`).get(id) as RowValues;
        const values: RowValues = { deleted: 0 };
        for (const column of MERGED_COLUMNS) values[column] = row[column] ?? null;
        // Derived columns are not logged; they are computed here as on every laptop that applies it.
        const derived = derivedColumns(values as Parameters<typeof derivedColumns>[0], chapter);
        writeRow(ctx, 'members', target, { ...values, ...derived }, null);
      } else if (existing.deleted === 1) writeRow(ctx, 'members', target, { deleted: 0, merged_into: null });
      mergeMembers(deps, target, id);
      wrote = true;
    }
    const stray = statement(
      db,
      `${TOUCHED} SELECT m.id, m.merged_into AS target FROM touched t JOIN members m ON m.id = t.id
       WHERE m.deleted = 1 AND m.merged_into IS NOT NULL AND (
         EXISTS (SELECT 1 FROM payments p WHERE p.member_id = m.id AND p.deleted = 0)
         OR EXISTS (SELECT 1 FROM registrations r WHERE r.member_id = m.id AND r.deleted = 0))`,
    ).all({ since }) as { id: string; target: string }[];
    for (const member of stray) {
      const target = finalTarget(deps, member.target);
      if (target === member.id) continue;
      moveReferences(deps.writeContext(), member.id, target);
      wrote = true;
    }
    const merged = statement(
      db,
      `${TOUCHED} SELECT m.id, m.merged_into AS target FROM touched t JOIN members m ON m.id = t.id
       WHERE m.deleted = 1 AND m.merged_into IS NOT NULL`,
    ).all({ since }) as { id: string; target: string }[];
    for (const member of merged) {
      if (carryLateEdits(deps, chapter, member.id, finalTarget(deps, member.target))) wrote = true;
    }
    const last = (statement(db, `SELECT max(seq) AS seq FROM changes`).get() as { seq: number | null }).seq;
    return { wrote, through: confirmed ? (last ?? 0) : since };
  })();
}

/**
 * Edits of a merged-away member stamped after its merge were made by a laptop that had not pulled
 * the merge yet (or by a version from before merges): the member who stayed takes each one, unless
 * their own value of that field is newer. Every laptop carries the same values, and a carried value
 * is stamped after the edit it carries, so it is carried once.
 */
function carryLateEdits(
  deps: MembersDeps,
  chapter: { country: string; locale: string },
  id: string,
  target: string,
): boolean {
  const { db } = deps;
  if (target === id) return false;
  const kept = statement(db, `SELECT * FROM members WHERE id = ? AND deleted = 0`).get(target) as
    RowValues | undefined;
  if (!kept) return false;
  const entries = rowChanges(db, 'members', id);
  const mergedAt = entries.findLast((e) => e.col === 'merged_into')?.hlc;
  if (!mergedAt) return false;
  const carriedValues = carryLateValues(deps, id, target, mergedAt);
  const late = new Map<string, { value: string | null; hlc: string }>();
  for (const e of entries) if (e.hlc > mergedAt && MERGED_COLUMNS.includes(e.col)) late.set(e.col, e);
  if (late.size === 0) return carriedValues;
  const keptAt = new Map(rowChanges(db, 'members', target).map((e) => [e.col, e.hlc]));
  const carried: RowValues = {};
  for (const [column, edit] of late) {
    if ((keptAt.get(column) ?? '') >= edit.hlc) continue;
    const value = edit.value === null ? null : (JSON.parse(edit.value) as string | number | null);
    if ((kept[column] ?? null) !== value) carried[column] = value;
  }
  if (Object.keys(carried).length === 0) return carriedValues;
  // Sort name and E.164 phone follow the carried names, email and phone, as after any edit.
  const next = { ...kept, ...carried } as Parameters<typeof derivedColumns>[0];
  writeRow(deps.writeContext(), 'members', target, { ...carried, ...derivedColumns(next, chapter) });
  return true;
}

/**
 * The same for the merged-away member's values of the chapter's own fields (rows `id:fieldId`): a
 * value set after the merge goes to the member who stayed, unless theirs is newer.
 */
function carryLateValues(deps: MembersDeps, id: string, target: string, mergedAt: string): boolean {
  const { db } = deps;
  const rows = statement(db, `SELECT field_id FROM member_field_values WHERE member_id = ?`).all(id) as {
    field_id: string;
  }[];
  let wrote = false;
  for (const { field_id: fieldId } of rows) {
    const edit = rowChanges(db, 'member_field_values', fieldValueId(id, fieldId)).findLast(
      (e) => e.col === 'value',
    );
    if (!edit || edit.hlc <= mergedAt) continue;
    const keptId = fieldValueId(target, fieldId);
    const keptAt = rowChanges(db, 'member_field_values', keptId).findLast((e) => e.col === 'value')?.hlc;
    if ((keptAt ?? '') >= edit.hlc) continue;
    const value = edit.value === null ? null : (JSON.parse(edit.value) as string | null);
    const kept = statement(db, `SELECT id, value FROM member_field_values WHERE id = ?`).get(keptId) as
      { id: string; value: string | null } | undefined;
    if ((kept?.value ?? null) === value) continue;
    writeRow(deps.writeContext(), 'member_field_values', keptId, { value }, kept ?? null);
    wrote = true;
  }
  return wrote;
}

/**
 * The smallest id of the ring of merges `id` is on (following `merged_into` leads back to it), or
 * null. A ring further along that `id` is not on is found from its own members: the merge that
 * closed it is a log entry of one of them.
 */
function mergeCycle({ db }: Pick<MembersDeps, 'db'>, id: string): string | null {
  const ring = [id];
  for (let at = id; ring.length <= 100;) {
    const next = statement(db, `SELECT merged_into FROM members WHERE id = ? AND deleted = 1`).get(at) as
      { merged_into: string | null } | undefined;
    if (!next?.merged_into || (next.merged_into !== id && ring.includes(next.merged_into))) return null;
    if (next.merged_into === id) return ring.reduce((a, b) => (b < a ? b : a));
    ring.push(next.merged_into);
    at = next.merged_into;
  }
  return null;
}

/** Where a chain of merges ends (a member merged into one later merged again). */
function finalTarget({ db }: Pick<MembersDeps, 'db'>, id: string): string {
  let at = id;
  for (let hops = 0; hops < 100; hops++) {
    const next = statement(db, `SELECT merged_into FROM members WHERE id = ? AND deleted = 1`).get(at) as
      { merged_into: string | null } | undefined;
    if (!next?.merged_into) return at;
    at = next.merged_into;
  }
  return at;
}
