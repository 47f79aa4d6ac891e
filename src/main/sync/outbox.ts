import type { Change } from '../../shared/sync-protocol';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

export interface OutboxBatch {
  seqs: number[];
  changes: Change[];
}

interface OutboxRow {
  seq: number;
  tbl: string;
  row_id: string;
  col: string;
  value: string | null;
  hlc: string;
  node_id: string;
}

export function pendingCount(db: Db): number {
  return (statement(db, `SELECT count(*) AS n FROM changes WHERE pushed = 0`).get() as { n: number }).n;
}

/**
 * The oldest waiting changes, up to about `maxBytes` of JSON: with gzip that is a request of a few
 * tens of KB, small enough to get through a poor link and cheap to send again if it drops.
 */
export function nextBatch(db: Db, maxBytes = 256 * 1024, maxChanges = 2000): OutboxBatch {
  const rows = statement(
    db,
    `SELECT seq, tbl, row_id, col, value, hlc, node_id FROM changes WHERE pushed = 0 ORDER BY seq LIMIT ?`,
  ).all(maxChanges) as OutboxRow[];
  const batch: OutboxBatch = { seqs: [], changes: [] };
  let bytes = 0;
  for (const r of rows) {
    const change: Change = {
      tbl: r.tbl,
      rowId: r.row_id,
      col: r.col,
      value: r.value,
      hlc: r.hlc,
      nodeId: r.node_id,
    };
    bytes += JSON.stringify(change).length;
    if (batch.changes.length > 0 && bytes > maxBytes) break;
    batch.seqs.push(r.seq);
    batch.changes.push(change);
  }
  return batch;
}

export function markPushed(db: Db, seqs: number[]): void {
  const mark = statement(db, `UPDATE changes SET pushed = 1 WHERE seq = ?`);
  for (const seq of seqs) mark.run(seq);
}

export function markRejected(db: Db, seq: number, reason: string): void {
  statement(db, `UPDATE changes SET pushed = 2, reject_reason = ? WHERE seq = ?`).run(reason, seq);
}
