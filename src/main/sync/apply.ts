import { DERIVED_FIELDS, DERIVED_SOURCES, EARLIEST_WINS } from '../../shared/fields';
import { changeProblem, describeProblem } from '../../shared/fields/check';
import type { Hlc } from '../../shared/hlc';
import type { PulledChange } from '../../shared/sync-protocol';
import { isErasableTable, keyedMember } from '../../shared/erasure';
import { entryValue, ROW_CREATED, SYNCED_TABLES } from '../db/changes';
import { isErased, removeErasedData } from '../db/erasure';
import type { Db } from '../db/open';
import { deferCustomText } from '../db/search-index';
import { statement } from '../db/statements';
import { derivedColumns } from '../services/members/row';
import { customFieldProblem } from '../services/custom-fields/sync-check';

/** Columns sync may set: the table's own, minus the key, the local timestamps and local derived data. */
const NOT_SYNCED = new Set(['id', 'created_at', 'updated_at']);
/**
 * Derived on each laptop from synced rows: paid-through from payments, the searchable text of
 * custom values (members.dues_through and a value's member and field, generated, are not in
 * table_info).
 */
const LOCAL_ONLY = new Set(['members.payments_through', 'members.custom_text']);
/**
 * Facts recorded at two places at once are not a choice between two values the secretary should
 * review: two officers voiding one payment, two doors checking one person in, the moment a
 * registration was made. The newest stamp wins as for any field, and no conflict is recorded.
 */
const FACTS = new Set(['payments', 'payment_voids', 'attendance']);
const FACT_FIELDS = new Set(['registrations.registered_at', 'registrations.walk_in']);

function mayConflict(table: string, column: string): boolean {
  const field = `${table}.${column}`;
  // Derived columns follow their sources and are never a conflict of their own.
  return !DERIVED_FIELDS.has(field) && !FACTS.has(table) && !FACT_FIELDS.has(field);
}
const columnCache = new WeakMap<Db, Map<string, Set<string>>>();

export function syncableColumns(db: Db, table: string): Set<string> | null {
  if (!(SYNCED_TABLES as readonly string[]).includes(table)) return null;
  let cache = columnCache.get(db);
  if (!cache) {
    cache = new Map();
    columnCache.set(db, cache);
  }
  let columns = cache.get(table);
  if (!columns) {
    const info = db.pragma(`table_info(${table})`) as { name: string }[];
    columns = new Set(
      info.map((c) => c.name).filter((name) => !NOT_SYNCED.has(name) && !LOCAL_ONLY.has(`${table}.${name}`)),
    );
    cache.set(table, columns);
  }
  return columns;
}

export interface ApplyContext {
  db: Db;
  nodeId: string;
  hlc: Hlc;
  now: () => Date;
  /** Local changes after this seq were made without having seen what this pull brings. */
  concurrentAfterSeq: number;
  /** The chapter this laptop is enrolled in: the only chapter row a pull may write. */
  chapterId: string;
}

export interface ApplyResult {
  applied: number;
  duplicates: number;
  conflicts: number;
  held: number;
  /** Erasures this page brought, whose data was removed here (the file still needs a scrub). */
  erased: number;
  /** Changes that would have brought back an erased person's data, dropped unread. */
  dropped: number;
}

interface FieldChange {
  seq: number;
  value: string | null;
  hlc: string;
  node_id: string;
}

/**
 * Writes one field into its row, creating the row if it is new. Table and column come from the
 * local schema (syncableColumns), never from the wire. Returns false when the row refuses the
 * value (a constraint), in which case the change is held rather than failing the whole page.
 */
/**
 * Derived columns are this laptop's own work, never taken from the wire: after a field they are
 * computed from changes, they are computed again from the row as it now is. A member's sort name
 * follows their names, their E.164 number their phone and country; the chapter's country is how
 * the numbers of members without a country of their own read.
 */
export function refreshDerived(db: Db, table: string, rowId: string, column: string): void {
  const chapterSettings = () => {
    const found = statement(db, `SELECT country, locale FROM chapter WHERE deleted = 0 LIMIT 1`).get() as
      { country: string | null; locale: string | null } | undefined;
    return { country: found?.country ?? '', locale: found?.locale ?? '' };
  };
  const update = statement(db, `UPDATE members SET sort_name = ?, phone_e164 = ? WHERE id = ?`);
  const refresh = (rows: DerivedSources[]) => {
    const chapter = chapterSettings();
    for (const row of rows) {
      const derived = derivedColumns(row, chapter);
      if (derived.sort_name !== row.sort_name || derived.phone_e164 !== row.phone_e164) {
        update.run(derived.sort_name, derived.phone_e164, row.id);
      }
    }
  };
  const columns = `id, first_name, last_name, email, phone, country, sort_name, phone_e164`;
  if (table === 'members' && DERIVED_SOURCES.has(`members.${column}`)) {
    refresh(statement(db, `SELECT ${columns} FROM members WHERE id = ?`).all(rowId) as DerivedSources[]);
  } else if (table === 'chapter' && column === 'country') {
    refresh(
      statement(
        db,
        `SELECT ${columns} FROM members WHERE country IS NULL AND phone IS NOT NULL`,
      ).all() as DerivedSources[],
    );
  } else if (table === 'chapter' && column === 'locale') {
    // Names sort in the chapter language's order (sortName).
    refresh(statement(db, `SELECT ${columns} FROM members`).all() as DerivedSources[]);
  }
}

interface DerivedSources {
  id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  sort_name: string | null;
  phone_e164: string | null;
}

function writeField(
  db: Db,
  table: string,
  rowId: string,
  column: string,
  value: string | null,
  at: string,
): boolean {
  const decoded = value === null ? null : (JSON.parse(value) as unknown);
  const stored =
    decoded === null || typeof decoded === 'string' || typeof decoded === 'number'
      ? decoded
      : typeof decoded === 'boolean'
        ? Number(decoded)
        : JSON.stringify(decoded);
  try {
    statement(
      db,
      `INSERT INTO ${table} (id, ${column}, created_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET ${column} = excluded.${column}, updated_at = excluded.updated_at`,
    ).run(rowId, stored, at, at);
  } catch {
    return false;
  }
  refreshDerived(db, table, rowId, column);
  return true;
}

/**
 * The first of a field's log entries (given newest first) that sets it: a change of the field
 * itself, or the creation of its row when that gave the field a value.
 */
function newestOf(rows: (FieldChange & { col: string })[], column: string): FieldChange | undefined {
  for (const row of rows) {
    const value = entryValue(row, column);
    if (value !== undefined) return { seq: row.seq, value, hlc: row.hlc, node_id: row.node_id };
  }
  return undefined;
}

/**
 * For EARLIEST_WINS fields: the smallest value any log entry gives the field (its own changes and
 * its row's creation), from the log rather than the table, where a column's default would pass for
 * a value. Written whenever it differs from what the table holds.
 */
function earliestOf(db: Db, table: string, rowId: string, column: string): FieldChange | undefined {
  const rows = statement(
    db,
    `SELECT seq, col, value, hlc, node_id FROM changes
     WHERE tbl = ? AND row_id = ? AND col IN (?, '${ROW_CREATED}') AND pushed != 2`,
  ).all(table, rowId, column) as (FieldChange & { col: string })[];
  let earliest: FieldChange | undefined;
  for (const row of rows) {
    const value = entryValue(row, column);
    if (value === undefined || value === null) continue;
    if (
      !earliest ||
      (JSON.parse(value) as string | number) < (JSON.parse(earliest.value!) as string | number)
    ) {
      earliest = { seq: row.seq, value, hlc: row.hlc, node_id: row.node_id };
    }
  }
  return earliest;
}

/** The newest value one laptop gave a field (its own changes and its row's creation). */
export function newestFromNode(
  db: Db,
  table: string,
  rowId: string,
  column: string,
  nodeId: string,
): FieldChange | undefined {
  const rows = statement(
    db,
    `SELECT seq, col, value, hlc, node_id FROM changes
     WHERE tbl = ? AND row_id = ? AND col IN (?, '${ROW_CREATED}') AND node_id = ? AND pushed != 2
     ORDER BY hlc DESC`,
  ).all(table, rowId, column, nodeId) as (FieldChange & { col: string })[];
  return newestOf(rows, column);
}

export function winnerOf(
  db: Db,
  table: string,
  rowId: string,
  column: string,
  exceptSeq: number,
): FieldChange | undefined {
  const rows = statement(
    db,
    `SELECT seq, col, value, hlc, node_id FROM changes
     WHERE tbl = ? AND row_id = ? AND col IN (?, '${ROW_CREATED}') AND seq != ? AND pushed != 2
     ORDER BY hlc DESC`,
  ).all(table, rowId, column, exceptSeq) as (FieldChange & { col: string })[];
  return newestOf(rows, column);
}

/**
 * Applies one page of pulled changes (the caller wraps it in the transaction that also advances
 * the cursor). Each field is last-writer-wins by HLC; a change this laptop already has is skipped;
 * when a pulled change meets a different value this laptop wrote without having seen it, the
 * value that lost is kept in `conflicts`; a change for a column or table this version does not
 * have yet is stored and held, to be applied after an upgrade; a change whose value does not fit
 * its column, or that touches another chapter's row, is stored and held as refused, with why.
 */
export function applyPulled(ctx: ApplyContext, changes: readonly PulledChange[]): ApplyResult {
  const { db } = ctx;
  const result: ApplyResult = { applied: 0, duplicates: 0, conflicts: 0, held: 0, erased: 0, dropped: 0 };
  const at = ctx.now().toISOString();
  const insert = statement(
    db,
    `INSERT OR IGNORE INTO changes (tbl, row_id, col, value, hlc, node_id, officer, pushed) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const localConcurrent = statement(
    db,
    `SELECT seq, col, value, hlc, node_id FROM changes
     WHERE tbl = ? AND row_id = ? AND col IN (?, '${ROW_CREATED}') AND node_id = ? AND seq > ? AND pushed != 2
     ORDER BY hlc DESC`,
  );
  const recordConflict = statement(
    db,
    `INSERT INTO conflicts (tbl, row_id, col, lost_value, lost_hlc, lost_node, won_value, won_hlc, won_node, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ownCreation = statement(
    db,
    `SELECT 1 FROM changes WHERE tbl = ? AND row_id = ? AND col = '${ROW_CREATED}' AND hlc = ?`,
  );
  const hold = statement(db, `INSERT OR IGNORE INTO held_changes (change_seq) VALUES (?)`);
  // Marked as refused, like a local change the server refused: the log no longer vouches for it,
  // so it never wins a field, counts as the earliest or meets a local edit as a conflict.
  const refuse = statement(db, `UPDATE changes SET pushed = 2, reject_reason = ? WHERE seq = ?`);

  // Members' search text follows their pulled custom values once per page, not once per value.
  const searchText = deferCustomText(db);
  for (const c of changes) {
    // Not even stored: the log would keep the erased person's data.
    if (isErased(db, c.tbl, c.rowId, c.col)) {
      result.dropped++;
      continue;
    }
    // This laptop's own change, back after a restore (resync.ts): a row it created is one creation
    // entry here and one change per field on the server, so the unique key alone does not see it.
    if (c.nodeId === ctx.nodeId && ownCreation.get(c.tbl, c.rowId, c.hlc)) {
      result.duplicates++;
      continue;
    }
    const inserted = insert.run(c.tbl, c.rowId, c.col, c.value, c.hlc, c.nodeId, c.officer ?? null);
    if (inserted.changes === 0) {
      result.duplicates++;
      continue;
    }
    const seq = Number(inserted.lastInsertRowid);
    ctx.hlc.receive(c.hlc);
    // Computed here from their sources (refreshDerived), whatever an older laptop still sends.
    if (DERIVED_FIELDS.has(`${c.tbl}.${c.col}`)) {
      result.applied++;
      continue;
    }
    if (!syncableColumns(db, c.tbl)?.has(c.col)) {
      hold.run(seq);
      result.held++;
      continue;
    }
    // Checked as the server checks a push: a server from before that check, or a value written
    // straight into its database, must not reach this laptop's data.
    const problem = changeProblem(c, ctx.chapterId) ?? customFieldProblem(db, c);
    if (problem === 'wait') {
      hold.run(seq);
      result.held++;
      continue;
    }
    if (problem) {
      refuse.run(`${problem.code}: ${describeProblem(problem)}`, seq);
      hold.run(seq);
      result.held++;
      continue;
    }
    if (c.tbl === 'erasures' && c.col === 'tbl') {
      const table = JSON.parse(c.value!) as string;
      if (isErasableTable(table)) {
        removeErasedData(db, table, c.rowId);
        result.erased++;
      }
    }
    const local = newestOf(
      localConcurrent.all(c.tbl, c.rowId, c.col, ctx.nodeId, ctx.concurrentAfterSeq) as (FieldChange & {
        col: string;
      })[],
      c.col,
    );
    if (local && local.value !== c.value && mayConflict(c.tbl, c.col)) {
      const [lost, won] = c.hlc > local.hlc ? [local, c] : [c, local];
      const wonNode = 'nodeId' in won ? won.nodeId : won.node_id;
      const lostNode = 'nodeId' in lost ? lost.nodeId : lost.node_id;
      recordConflict.run(
        c.tbl,
        c.rowId,
        c.col,
        lost.value,
        lost.hlc,
        lostNode,
        won.value,
        won.hlc,
        wonNode,
        at,
      );
      result.conflicts++;
    }
    if (EARLIEST_WINS.has(`${c.tbl}.${c.col}`)) {
      const earliest = earliestOf(db, c.tbl, c.rowId, c.col);
      if (earliest && !writeField(db, c.tbl, c.rowId, c.col, earliest.value, at)) {
        hold.run(seq);
        result.held++;
        continue;
      }
      result.applied++;
      continue;
    }
    const winner = winnerOf(db, c.tbl, c.rowId, c.col, seq);
    if (!winner || c.hlc > winner.hlc) {
      if (!writeField(db, c.tbl, c.rowId, c.col, c.value, at)) {
        hold.run(seq);
        result.held++;
        continue;
      }
      const member = keyedMember(c.tbl, c.rowId);
      if (member) searchText.touch(member);
    }
    result.applied++;
  }
  searchText.finish();
  return result;
}

/**
 * Sets a field back to the best value the log still vouches for: used when the server refuses a
 * local change for good, so this laptop does not keep showing a value no one else will ever see.
 * A row this laptop does not have shows nothing to set back, and is not created (a refused change
 * to another chapter's row must not leave an empty chapter row here).
 */
export function recomputeField(db: Db, table: string, rowId: string, column: string, now: Date): void {
  if (!syncableColumns(db, table)?.has(column) || DERIVED_FIELDS.has(`${table}.${column}`)) return;
  if (!statement(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(rowId)) return;
  const winner = winnerOf(db, table, rowId, column, -1);
  writeField(db, table, rowId, column, winner?.value ?? null, now.toISOString());
}

/**
 * Held changes this version can now apply (an upgrade added their column, or now takes their
 * value) are applied like any pulled change; the others stay held. An erasure pulled by a version
 * before erasures removes the person's data now. Returns how many were applied, and of them how
 * many were erasures (the file then needs a scrub).
 */
export function replayHeld(db: Db, now: Date, chapterId: string): { replayed: number; erased: number } {
  return db.transaction(() => {
    const held = statement(
      db,
      `SELECT c.seq, c.tbl, c.row_id, c.col, c.value, c.pushed FROM held_changes h JOIN changes c ON c.seq = h.change_seq`,
    ).all() as {
      seq: number;
      tbl: string;
      row_id: string;
      col: string;
      value: string | null;
      pushed: number;
    }[];
    let replayed = 0;
    let erased = 0;
    for (const h of held) {
      if (!syncableColumns(db, h.tbl)?.has(h.col) || DERIVED_FIELDS.has(`${h.tbl}.${h.col}`)) continue;
      const change = { tbl: h.tbl, rowId: h.row_id, col: h.col, value: h.value };
      if (changeProblem(change, chapterId)) continue;
      const custom = customFieldProblem(db, change);
      if (custom === 'wait') continue;
      if (custom) {
        // A value that waited for its field and does not fit it: refused as it would have been had
        // the field been here, so it no longer wins over the values that came after it.
        if (h.pushed !== 2) {
          statement(db, `UPDATE changes SET pushed = 2, reject_reason = ? WHERE seq = ?`).run(
            `${custom.code}: ${describeProblem(custom)}`,
            h.seq,
          );
          const best = winnerOf(db, h.tbl, h.row_id, h.col, -1);
          if (best) writeField(db, h.tbl, h.row_id, h.col, best.value, now.toISOString());
        }
        continue;
      }
      // Refused by the version that pulled it: the log vouches for it again.
      if (h.pushed === 2) {
        statement(db, `UPDATE changes SET pushed = 1, reject_reason = NULL WHERE seq = ?`).run(h.seq);
      }
      const best = EARLIEST_WINS.has(`${h.tbl}.${h.col}`)
        ? earliestOf(db, h.tbl, h.row_id, h.col)
        : winnerOf(db, h.tbl, h.row_id, h.col, -1);
      if (best && writeField(db, h.tbl, h.row_id, h.col, best.value, now.toISOString())) {
        statement(db, `DELETE FROM held_changes WHERE change_seq = ?`).run(h.seq);
        replayed++;
        const table = h.tbl === 'erasures' && h.col === 'tbl' ? (JSON.parse(h.value!) as string) : null;
        if (table && isErasableTable(table)) {
          removeErasedData(db, table, h.row_id);
          erased++;
        }
      }
    }
    return { replayed, erased };
  })();
}
