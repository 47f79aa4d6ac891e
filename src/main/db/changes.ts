import { statement } from './statements';
import type { Hlc } from '../../shared/hlc';
import type { Db } from './open';

/** Tables whose rows travel through sync; every write to them goes through `writeRow`. */
export const SYNCED_TABLES = ['chapter', 'membership_types', 'members'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

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
 * Inserts or updates one row of a synced table and records every column that actually changed as
 * a field-level change in the log, all under one HLC stamp. Must be called inside a transaction
 * together with the rest of the operation; returns the columns that changed.
 */
export function writeRow(ctx: WriteContext, table: SyncedTable, id: string, values: RowValues): string[] {
  const { db } = ctx;
  const existing = statement(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as RowValues | undefined;
  // A new row logs only the fields it sets: a column nobody has set is NULL on every device anyway.
  const changed = Object.keys(values).filter((col) =>
    existing ? existing[col] !== values[col] : values[col] !== null,
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
  } else {
    const cols = Object.keys(values);
    statement(
      db,
      `INSERT INTO ${table} (id, ${cols.join(', ')}, created_at, updated_at) VALUES (@id, ${cols.map((c) => `@${c}`).join(', ')}, @at, @at)`,
    ).run({ ...values, id, at });
  }

  // One statement for all the fields of a write: imports call this per row, 100,000 times.
  const tuple = '(?, ?, ?, ?, ?, ?, ?)';
  const log = statement(
    db,
    `INSERT INTO changes (tbl, row_id, col, value, hlc, node_id, officer) VALUES ${changed.map(() => tuple).join(', ')}`,
  );
  log.run(
    changed.flatMap((col) => [table, id, col, JSON.stringify(values[col]), stamp, ctx.hlc.node, ctx.officer]),
  );
  return changed;
}

function pick(values: RowValues, cols: string[]): RowValues {
  return Object.fromEntries(cols.map((c) => [c, values[c] ?? null]));
}

export function rowChanges(db: Db, table: SyncedTable, id: string): ChangeRow[] {
  return statement(
    db,
    `SELECT seq, tbl, row_id, col, value, hlc, node_id, officer FROM changes WHERE tbl = ? AND row_id = ? ORDER BY hlc, seq`,
  ).all(table, id) as ChangeRow[];
}

/** The newest stamp this database has seen, so a restarted clock never goes backwards. */
export function latestHlc(db: Db): string | undefined {
  const row = statement(db, `SELECT max(hlc) AS hlc FROM changes`).get() as { hlc: string | null };
  return row.hlc ?? undefined;
}
