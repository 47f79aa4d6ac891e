import { statement } from './statements';
import { DERIVED_FIELDS, EARLIEST_WINS, type SyncedTable } from '../../shared/fields';
import type { Hlc } from '../../shared/hlc';
import type { Db } from './open';

/** Tables whose rows travel through sync (the field registry's); every write to them goes through `writeRow`. */
export { SYNCED_TABLES, type SyncedTable } from '../../shared/fields';

/** Who and when, for every write: handed to services instead of being read from globals. */
export interface WriteContext {
  db: Db;
  hlc: Hlc;
  now: () => Date;
  officer: string;
}

export type RowValues = Record<string, string | number | null>;

export interface ChangeRow {
  seq: number;
  tbl: string;
  row_id: string;
  col: string;
  value: string | null;
  hlc: string;
  node_id: string;
  officer: string | null;
}

/**
 * The `col` of a log entry that records a row's creation: its value is a JSON object of every
 * column the new row set. One entry instead of one per field keeps a 100,000-row import to one log
 * row per member; readers see it as one field change per column through `expandChange`.
 */
export const ROW_CREATED = '*';

/**
 * Inserts or updates one row of a synced table and records what changed in the log, all under one
 * HLC stamp: a new row as one ROW_CREATED entry, an edit as one entry per column that actually
 * changed. Must be called inside a transaction together with the rest of the operation; returns
 * the columns that changed. `current` spares the lookup when the caller has just read the row
 * (null: known not to exist).
 */
export function writeRow(
  ctx: WriteContext,
  table: SyncedTable,
  id: string,
  values: RowValues,
  current?: RowValues | null,
): string[] {
  const { db } = ctx;
  const existing =
    current === undefined
      ? (statement(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as RowValues | undefined)
      : (current ?? undefined);
  // A new row logs only the fields it sets: a column nobody has set is NULL on every device anyway.
  const changed = Object.keys(values).filter((col) =>
    existing
      ? existing[col] !== values[col] && !keepsEarlier(table, col, existing[col], values[col])
      : values[col] !== null,
  );
  if (existing && changed.length === 0) return [];

  const stamp = ctx.hlc.now();
  const at = ctx.now().toISOString();
  if (existing) {
    const sets = changed.map((col) => `${col} = @${col}`).join(', ');
    statement(db, `UPDATE ${table} SET ${sets}, updated_at = @updated_at WHERE id = @id`).run({
      ...pick(values, changed),
      updated_at: at,
      id,
    });
    // Derived columns follow their sources on every laptop and are never logged as edits of their own.
    const logged = changed.filter((col) => !DERIVED_FIELDS.has(`${table}.${col}`));
    if (logged.length === 0) return changed;
    // One statement for all the fields of an edit.
    const tuple = '(?, ?, ?, ?, ?, ?, ?)';
    statement(
      db,
      `INSERT INTO changes (tbl, row_id, col, value, hlc, node_id, officer) VALUES ${logged.map(() => tuple).join(', ')}`,
    ).run(
      logged.flatMap((col) => [
        table,
        id,
        col,
        JSON.stringify(values[col]),
        stamp,
        ctx.hlc.node,
        ctx.officer,
      ]),
    );
    return changed;
  }
  const cols = Object.keys(values);
  statement(
    db,
    `INSERT INTO ${table} (id, ${cols.join(', ')}, created_at, updated_at) VALUES (?${', ?'.repeat(cols.length + 2)})`,
  ).run(id, ...cols.map((col) => values[col]), at, at);
  statement(
    db,
    `INSERT INTO changes (tbl, row_id, col, value, hlc, node_id, officer) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(table, id, ROW_CREATED, JSON.stringify(pick(values, changed)), stamp, ctx.hlc.node, ctx.officer);
  return changed;
}

/**
 * An EARLIEST_WINS field that already holds a smaller value keeps it: a later value written here
 * (a merge carrying the other record's check-in, a second registration) would show on this laptop
 * only, since every laptop that pulls both keeps the smaller one.
 */
function keepsEarlier(
  table: SyncedTable,
  col: string,
  current: string | number | null | undefined,
  next: string | number | null | undefined,
): boolean {
  if (!EARLIEST_WINS.has(`${table}.${col}`)) return false;
  return current !== null && current !== undefined && next !== null && next !== undefined && current < next;
}

/** A log entry as field changes: a ROW_CREATED entry gives one per column it set, under its seq. */
export function expandChange<T extends { col: string; value: string | null }>(entry: T): T[] {
  if (entry.col !== ROW_CREATED) return [entry];
  const values = JSON.parse(entry.value ?? '{}') as Record<string, unknown>;
  return Object.keys(values).map((col) => ({ ...entry, col, value: JSON.stringify(values[col]) }));
}

/**
 * The value a log entry gives one column, or undefined when the entry does not touch it (a row's
 * creation that left the column empty).
 */
export function entryValue(
  entry: { col: string; value: string | null },
  col: string,
): string | null | undefined {
  if (entry.col === col) return entry.value;
  if (entry.col !== ROW_CREATED) return undefined;
  const values = JSON.parse(entry.value ?? '{}') as Record<string, unknown>;
  return Object.hasOwn(values, col) ? JSON.stringify(values[col]) : undefined;
}

function pick(values: RowValues, cols: string[]): RowValues {
  const picked: RowValues = {};
  for (const col of cols) picked[col] = values[col] ?? null;
  return picked;
}

/** Every field change of one row, oldest first, its creation expanded to one per column. */
export function rowChanges(db: Db, table: SyncedTable, id: string): ChangeRow[] {
  return (
    statement(
      db,
      `SELECT seq, tbl, row_id, col, value, hlc, node_id, officer FROM changes WHERE tbl = ? AND row_id = ? ORDER BY hlc, seq`,
    ).all(table, id) as ChangeRow[]
  ).flatMap(expandChange);
}

/** The newest stamp this database has seen, so a restarted clock never goes backwards. */
export function latestHlc(db: Db): string | undefined {
  const row = statement(db, `SELECT max(hlc) AS hlc FROM changes`).get() as { hlc: string | null };
  return row.hlc ?? undefined;
}
