import { fieldValueId } from '../../shared/custom-fields';
import { normaliseEmail } from '../../shared/text';
import { derivedId } from '../db/identity';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { getChapterKey, setChapterKey } from '../services/chapter/key';
import { attendanceId, memberRegistrationId } from '../services/events/attendance';
import { memberIdFor } from '../services/members/identity';
import { renameReference, renameRow } from './rename-rows';
import type { SyncTransport } from './transport';

/** A member's id before chapter keys: a UUID v5 of the chapter id and the email. */
export function legacyMemberId(chapterId: string, email: string): string {
  return derivedId(chapterId, `${chapterId}\n${normaliseEmail(email)}`);
}

/**
 * Re-derives, from `key`, the id of every member with an email that `wasDerived` recognises and
 * whose log entries have all stayed on this laptop, with the rows that refer to them. A member
 * something of which was pushed keeps its id: the server and other laptops know it by that id.
 */
export function rekeyUnpushedMembers(
  db: Db,
  key: string,
  wasDerived: (id: string, email: string) => boolean,
): void {
  const members = statement(
    db,
    `SELECT m.id, m.email FROM members m WHERE m.email IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM changes c WHERE c.tbl = 'members' AND c.row_id = m.id AND c.pushed <> 0)`,
  ).all() as { id: string; email: string }[];
  for (const m of members) {
    if (!wasDerived(m.id, m.email)) continue;
    const to = memberIdFor(key, m.email);
    if (to === m.id || statement(db, `SELECT 1 FROM members WHERE id = ?`).get(to)) continue;
    renameRow(db, 'members', m.id, to);
    rekeyRegistrations(db, m.id, to);
    rekeyFieldValues(db, m.id, to);
    for (const table of ['payments', 'registrations', 'attendance'] as const)
      renameReference(db, table, 'member_id', m.id, to);
  }
}

/**
 * A member's registration and its check-in have ids derived from the member's id, which the door
 * derives again to find them: renamed with the member, or checking in the renamed member would make
 * them a second registration (and another laptop's registration of them a third).
 */
function rekeyRegistrations(db: Db, from: string, to: string): void {
  const registrations = statement(db, `SELECT id, event_id FROM registrations WHERE member_id = ?`).all(
    from,
  ) as { id: string; event_id: string }[];
  for (const r of registrations) {
    if (r.id !== memberRegistrationId(r.event_id, from)) continue;
    const next = memberRegistrationId(r.event_id, to);
    if (!renameRow(db, 'registrations', r.id, next)) continue;
    renameRow(db, 'attendance', attendanceId(r.event_id, r.id), attendanceId(r.event_id, next));
    renameReference(db, 'attendance', 'registration_id', r.id, next);
  }
}

/** A member's values of custom fields have ids that begin with the member's: renamed with them. */
function rekeyFieldValues(db: Db, from: string, to: string): void {
  const values = statement(db, `SELECT id, field_id FROM member_field_values WHERE member_id = ?`).all(
    from,
  ) as { id: string; field_id: string }[];
  for (const v of values) renameRow(db, 'member_field_values', v.id, fieldValueId(to, v.field_id));
}

/**
 * Takes the chapter's key as the server holds it. Members this laptop made with its own key, not
 * pushed yet (a laptop pushes nothing before its key is confirmed), are re-derived with it.
 */
export function adoptChapterKey(db: Db, serverKey: string): void {
  const local = getChapterKey(db);
  if (local.key !== serverKey) {
    rekeyUnpushedMembers(db, serverKey, (id, email) => id === memberIdFor(local.key, email));
  }
  setChapterKey(db, serverKey, true);
}

/**
 * A laptop enrolled before chapter keys (or with a server that had none) offers its key before its
 * next push and adopts the chapter's, so that every laptop derives one id for one email.
 */
export async function confirmChapterKey(db: Db, transport: SyncTransport): Promise<void> {
  const local = getChapterKey(db);
  if (local.confirmed) return;
  const reply = await transport.chapterKey(local.key);
  db.transaction(() => adoptChapterKey(db, reply.chapterKey))();
}
