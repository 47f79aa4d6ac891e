import { isDerivedId, keyedId } from '../../db/identity';
import { writeRow, type RowValues, type WriteContext } from '../../db/changes';
import { statement } from '../../db/statements';
import { getChapter } from '../chapter/chapter';
import { getChapterKey } from '../chapter/key';
import { legacyMemberId } from '../../sync/chapter-key';
import { memberIdFor } from './identity';
import { MERGED_COLUMNS, mergeMembers, REFERENCES } from './merge';
import type { MembersDeps } from './members';

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
 * Moves members whose ids are v5 (from before chapter keys: anyone who knows the chapter id can test
 * an email against them) to keyed ids, by merging: the keyed row is created with the member's
 * values (or exists already: another laptop moved them first, or someone created them again), then
 * the old row is merged into it, so payments, registrations and check-ins follow and the old row is
 * deleted, naming the new one. References that still point at a merged-away member (a payment an
 * older laptop recorded after the merge) follow it too. Ordinary edits, so they sync; laptops that
 * do the same move write the same values. Runs once the chapter's key is confirmed. Returns whether
 * it wrote anything.
 */
export function rekeyLegacyMembers(deps: MembersDeps): boolean {
  const { db } = deps;
  const chapter = getChapter(db);
  const { key, confirmed } = getChapterKey(db);
  if (!chapter || !confirmed) return false;
  return db.transaction(() => {
    let wrote = false;
    const legacy = (
      statement(db, `SELECT id FROM members WHERE deleted = 0 AND substr(id, 15, 1) = '5'`).all() as {
        id: string;
      }[]
    ).filter((m) => isDerivedId(m.id));
    for (const { id } of legacy) {
      const ctx = deps.writeContext();
      const target = keyedIdOf(ctx, chapter.id, key, id);
      const existing = statement(db, `SELECT deleted FROM members WHERE id = ?`).get(target) as
        { deleted: number } | undefined;
      if (!existing) {
        const row = statement(db, `SELECT * FROM members WHERE id = ?`).get(id) as RowValues;
        const values: RowValues = { deleted: 0 };
        for (const column of MERGED_COLUMNS) values[column] = row[column] ?? null;
        writeRow(ctx, 'members', target, values, null);
      } else if (existing.deleted === 1) writeRow(ctx, 'members', target, { deleted: 0 });
      mergeMembers(deps, target, id);
      wrote = true;
    }
    for (const table of REFERENCES) {
      const stray = statement(
        db,
        `SELECT r.id, m.merged_into AS target FROM ${table} r JOIN members m ON m.id = r.member_id
         WHERE r.deleted = 0 AND m.deleted = 1 AND m.merged_into IS NOT NULL`,
      ).all() as { id: string; target: string }[];
      for (const ref of stray) {
        writeRow(deps.writeContext(), table, ref.id, { member_id: finalTarget(deps, ref.target) });
        wrote = true;
      }
    }
    return wrote;
  })();
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
