import type { ExportedFile } from '../../../shared/imports';
import type { PersonChange, PersonData, StoredRow } from '../../../shared/person-data';
import { parseHlc } from '../../../shared/hlc';
import { expandChange } from '../../db/changes';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import { requireChapter } from '../chapter/chapter';
import { withMergedRecords } from './erase';
import { getMember, type MembersDeps } from './members';
import { localIsoDate } from './status';

const decode = (json: string | null): unknown => (json === null ? null : (JSON.parse(json) as unknown));

/** `?, ?, ?` for an IN list of `n` parameters (never empty: SQLite refuses `IN ()`). */
const placeholders = (n: number): string => Array.from({ length: Math.max(n, 1) }, () => '?').join(', ');

function rows(db: Db, sql: string, ...params: unknown[]): StoredRow[] {
  return db.prepare(sql).all(...params) as StoredRow[];
}

/**
 * The ids of every synced row that is about the person, table by table: those of the member's
 * records (theirs and the duplicates merged into them, which a laptop that had not pulled the merge
 * may still have given a payment or a check-in).
 */
function personRows(db: Db, memberIds: string[]) {
  const members = placeholders(memberIds.length);
  const payments = rows(
    db,
    `SELECT * FROM payments WHERE member_id IN (${members}) ORDER BY paid_on, receipt_number, id`,
    ...memberIds,
  );
  const paymentIds = payments.map((p) => p.id as string);
  const voids = rows(
    db,
    `SELECT * FROM payment_voids WHERE payment_id IN (${placeholders(paymentIds.length)}) ORDER BY id`,
    ...(paymentIds.length ? paymentIds : [null]),
  );
  const registrations = rows(
    db,
    `SELECT * FROM registrations WHERE member_id IN (${members}) ORDER BY registered_at, id`,
    ...memberIds,
  );
  const registrationIds = registrations.map((r) => r.id as string);
  // A guest's check-in made before they became a member points at the registration only.
  const attendance = rows(
    db,
    `SELECT * FROM attendance WHERE member_id IN (${members}) OR registration_id IN (${placeholders(registrationIds.length)})
       ORDER BY checked_in_at, id`,
    ...memberIds,
    ...(registrationIds.length ? registrationIds : [null]),
  );
  return { payments, voids, registrations, attendance };
}

function changesOf(db: Db, table: string, ids: string[]): PersonChange[] {
  if (ids.length === 0) return [];
  const found = db
    .prepare(
      `SELECT tbl, row_id, col, value, hlc, node_id, officer, reject_reason FROM changes
         WHERE tbl = ? AND row_id IN (${placeholders(ids.length)}) ORDER BY hlc, seq`,
    )
    .all(table, ...ids) as {
    tbl: string;
    row_id: string;
    col: string;
    value: string | null;
    hlc: string;
    node_id: string;
    officer: string | null;
    reject_reason: string | null;
  }[];
  return found.flatMap(expandChange).map((c) => ({
    table: c.tbl,
    rowId: c.row_id,
    column: c.col,
    value: decode(c.value),
    at: new Date(parseHlc(c.hlc).wall).toISOString(),
    hlc: c.hlc,
    nodeId: c.node_id,
    officer: c.officer,
    refusedBecause: c.reject_reason,
  }));
}

function conflictsOf(db: Db, table: string, ids: string[]): PersonData['conflicts'] {
  if (ids.length === 0) return [];
  const found = db
    .prepare(
      `SELECT tbl, row_id, col, lost_value, won_value, detected_at, resolved FROM conflicts
         WHERE tbl = ? AND row_id IN (${placeholders(ids.length)}) ORDER BY id`,
    )
    .all(table, ...ids) as {
    tbl: string;
    row_id: string;
    col: string;
    lost_value: string | null;
    won_value: string | null;
    detected_at: string;
    resolved: number;
  }[];
  return found.map((c) => ({
    table: c.tbl,
    rowId: c.row_id,
    column: c.col,
    lostValue: decode(c.lost_value),
    wonValue: decode(c.won_value),
    detectedAt: c.detected_at,
    resolved: c.resolved === 1,
  }));
}

/**
 * Everything the chapter file holds about one member (deleted or not), for their request to see
 * their data. Read in one transaction, so a sync applying meanwhile cannot split it.
 */
export function personData(deps: Pick<MembersDeps, 'db' | 'now'>, id: string): PersonData {
  const { db } = deps;
  return db.transaction(() => {
    const chapter = requireChapter(db);
    const member = getMember(deps, id);
    const stored = statement(db, `SELECT * FROM members WHERE id = ?`).get(id) as StoredRow;
    const records = withMergedRecords(db, id);
    const mergedRecords = rows(
      db,
      `SELECT * FROM members WHERE id IN (${placeholders(records.length - 1)}) ORDER BY created_at, id`,
      ...(records.length > 1 ? records.slice(1) : [null]),
    );
    const type = member.typeId
      ? (statement(db, `SELECT id, name, kind FROM membership_types WHERE id = ?`).get(member.typeId) as
          { id: string; name: string | null; kind: string | null } | undefined)
      : undefined;
    const { payments, voids, registrations, attendance } = personRows(db, records);
    const voidOf = new Map(voids.map((v) => [v.payment_id as string, v]));
    const statementOf = statement(
      db,
      `SELECT file_name AS fileName, provider, created_at AS importedAt FROM statement_batches WHERE id = ?`,
    );
    const eventOf = statement(db, `SELECT id, title, starts_at AS startsAt FROM events WHERE id = ?`);
    const customFields = rows(
      db,
      `SELECT v.id, v.member_id, v.field_id, v.value, v.created_at, v.updated_at FROM member_field_values v
         LEFT JOIN custom_fields f ON f.id = v.field_id
        WHERE v.member_id IN (${placeholders(records.length)}) ORDER BY v.member_id, f.position, f.label, v.id`,
      ...records,
    );
    const fieldOf = statement(db, `SELECT id, label, kind, retired FROM custom_fields WHERE id = ?`);
    const ids = {
      members: records,
      member_field_values: customFields.map((v) => v.id as string),
      payments: payments.map((p) => p.id as string),
      payment_voids: voids.map((v) => v.id as string),
      registrations: registrations.map((r) => r.id as string),
      attendance: attendance.map((a) => a.id as string),
    };
    const tables = Object.entries(ids);
    const imports = db
      .prepare(
        `SELECT b.id AS batchId, b.file_name AS fileName, b.created_at AS importedAt, b.officer,
                b.undone_at AS undoneAt, e.action, e.previous, e.written
           FROM import_effects e JOIN import_batches b ON b.id = e.batch_id
          WHERE e.member_id IN (${placeholders(records.length)}) ORDER BY b.created_at, b.id`,
      )
      .all(...records) as (Omit<PersonData['imports'][number], 'previous' | 'written'> & {
      previous: string | null;
      written: string | null;
    })[];
    return {
      format: 'chapterdesk.person-data',
      version: 1,
      exportedAt: deps.now().toISOString(),
      chapter: { id: chapter.id, name: chapter.name },
      status: member.status,
      member: stored,
      mergedRecords,
      membershipType: type ?? null,
      payments: payments.map((p) => ({
        ...p,
        void: voidOf.get(p.id as string) ?? null,
        statement: p.batch_id
          ? ((statementOf.get(p.batch_id) as PersonData['payments'][number]['statement'] | undefined) ?? null)
          : null,
      })),
      registrations: registrations.map((r) => ({
        ...r,
        event: (eventOf.get(r.event_id) as PersonData['registrations'][number]['event'] | undefined) ?? null,
      })),
      attendance,
      customFields: customFields.map((v) => {
        const field = fieldOf.get(v.field_id) as
          { id: string; label: string | null; kind: string | null; retired: number } | undefined;
        return { ...v, field: field ? { ...field, retired: field.retired === 1 } : null };
      }),
      history: tables.flatMap(([table, rowIds]) => changesOf(db, table, rowIds)),
      conflicts: tables.flatMap(([table, rowIds]) => conflictsOf(db, table, rowIds)),
      imports: imports.map((i) => ({ ...i, previous: decode(i.previous), written: decode(i.written) })),
    } satisfies PersonData;
  })();
}

/** The person's data as a JSON file the renderer saves, named for the member and the day. */
export function exportPerson(deps: Pick<MembersDeps, 'db' | 'now'>, id: string): ExportedFile {
  const data = personData(deps, id);
  const who = String(data.member.member_number ?? id).replace(/[^\p{L}\p{N}-]+/gu, '_');
  return {
    fileName: `person-data-${who}-${localIsoDate(deps.now())}.json`,
    mimeType: 'application/json',
    data: Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8').toString('base64'),
  };
}
