import type { Change } from '../../shared/sync-protocol';
import { DERIVED_FIELDS } from '../../shared/fields';
import { expandChange, ROW_CREATED } from '../db/changes';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

export interface OutboxBatch {
  /** The log entry of each change: a row's creation is one entry for several changes. */
  seqs: number[];
  changes: Change[];
  /** Log entries in the batch. */
  entries: number;
}

interface OutboxRow {
  seq: number;
  tbl: string;
  row_id: string;
  col: string;
  value: string | null;
  hlc: string;
  node_id: string;
  officer: string | null;
}

/** Derived columns are computed on every laptop and never travel (older logs still hold some). */
const derived = (r: { tbl: string; col: string }) => DERIVED_FIELDS.has(`${r.tbl}.${r.col}`);
const NOT_DERIVED = `(tbl || '.' || col) NOT IN (${[...DERIVED_FIELDS].map((f) => `'${f}'`).join(', ')})`;

/**
 * The seq of this laptop's oldest change the server has not taken yet, or null when none waits.
 * A pull compares what it brings with every local change from there on: such a change is
 * concurrent with anything another laptop wrote, since no other laptop has seen it.
 */
export function oldestUnpushedSeq(db: Db): number | null {
  const row = statement(
    db,
    `SELECT min(seq) AS seq FROM changes WHERE pushed = 0 AND ${NOT_DERIVED}`,
  ).get() as {
    seq: number | null;
  };
  return row.seq;
}

/** Read from the index changes_pending alone (migration 24): the window asks it with every status. */
export const PENDING_COUNT_SQL = `SELECT count(*) AS n FROM changes WHERE pushed = 0 AND ${NOT_DERIVED}`;

export function pendingCount(db: Db): number {
  return (statement(db, PENDING_COUNT_SQL).get() as { n: number }).n;
}

/**
 * The oldest waiting changes, up to about `maxBytes` of JSON: with gzip that is a request of a few
 * tens of KB, small enough to get through a poor link and cheap to send again if it drops. A row's
 * creation goes as one change per field, all in the same batch.
 */
export function nextBatch(db: Db, maxBytes = 256 * 1024, maxChanges = 2000): OutboxBatch {
  const rows = statement(
    db,
    `SELECT seq, tbl, row_id, col, value, hlc, node_id, officer FROM changes WHERE pushed = 0 AND ${NOT_DERIVED} ORDER BY seq LIMIT ?`,
  ).iterate(maxChanges) as IterableIterator<OutboxRow>;
  const batch: OutboxBatch = { seqs: [], changes: [], entries: 0 };
  let bytes = 0;
  for (const entry of rows) {
    const changes = expandChange(entry)
      .filter((r) => !derived(r))
      .map((r): Change => ({
        tbl: r.tbl,
        rowId: r.row_id,
        col: r.col,
        value: r.value,
        hlc: r.hlc,
        nodeId: r.node_id,
        ...(r.officer ? { officer: r.officer } : {}),
      }));
    bytes += changes.reduce((sum, change) => sum + JSON.stringify(change).length, 0);
    if (batch.entries > 0 && (bytes > maxBytes || batch.changes.length + changes.length > maxChanges)) break;
    for (const change of changes) {
      batch.seqs.push(entry.seq);
      batch.changes.push(change);
    }
    batch.entries++;
  }
  return batch;
}

export function markPushed(db: Db, seqs: number[]): void {
  const mark = statement(db, `UPDATE changes SET pushed = 1 WHERE seq = ?`);
  for (const seq of new Set(seqs)) mark.run(seq);
}

/**
 * Gives each change of the batch at `indexes` a log entry of its own, so the server can refuse one
 * field of a row's creation and accept the others: the creation entry is replaced by one entry per
 * field, same stamp, officer and state. Returns the batch with its seqs renumbered.
 */
export function separateEntries(db: Db, batch: OutboxBatch, indexes: number[]): OutboxBatch {
  const seqs = [...batch.seqs];
  const insert = statement(
    db,
    `INSERT INTO changes (tbl, row_id, col, value, hlc, node_id, officer, pushed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const seq of new Set(indexes.map((i) => batch.seqs[i]))) {
    const entry = statement(db, `SELECT * FROM changes WHERE seq = ?`).get(seq) as
      (OutboxRow & { pushed: number }) | undefined;
    if (entry?.col !== ROW_CREATED) continue;
    statement(db, `DELETE FROM changes WHERE seq = ?`).run(seq);
    const seqOf = new Map(
      expandChange(entry).map((f) => [
        f.col,
        Number(
          insert.run(f.tbl, f.row_id, f.col, f.value, f.hlc, f.node_id, f.officer, f.pushed).lastInsertRowid,
        ),
      ]),
    );
    batch.changes.forEach((change, i) => {
      if (batch.seqs[i] === seq) seqs[i] = seqOf.get(change.col)!;
    });
  }
  return { ...batch, seqs };
}

/** Removes a change from the log for good (with its place in the held list, if any). */
export function dropEntry(db: Db, seq: number): void {
  statement(db, `DELETE FROM held_changes WHERE change_seq = ?`).run(seq);
  statement(db, `DELETE FROM changes WHERE seq = ?`).run(seq);
}

export function markRejected(db: Db, seq: number, reason: string): void {
  statement(db, `UPDATE changes SET pushed = 2, reject_reason = ? WHERE seq = ?`).run(reason, seq);
}
