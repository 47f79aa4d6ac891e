import { createHash } from 'node:crypto';
import { checksumLine } from '../../shared/sync-protocol';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

/**
 * The same checksum the server computes over its last-writer-wins state: once this laptop's
 * outbox is empty and it has pulled up to the server's seq, equal checksums mean equal data.
 */
export function localChecksum(db: Db): { checksum: string; fields: number } {
  const rows = statement(
    db,
    `SELECT tbl, row_id, col, value, hlc FROM changes c
     WHERE pushed != 2 AND hlc = (
       SELECT max(hlc) FROM changes w WHERE w.tbl = c.tbl AND w.row_id = c.row_id AND w.col = c.col AND w.pushed != 2)
     ORDER BY tbl, row_id, col`,
  ).iterate() as IterableIterator<{
    tbl: string;
    row_id: string;
    col: string;
    value: string | null;
    hlc: string;
  }>;
  const hash = createHash('sha256');
  let fields = 0;
  for (const r of rows) {
    hash.update(checksumLine({ tbl: r.tbl, rowId: r.row_id, col: r.col, value: r.value, hlc: r.hlc }));
    fields++;
  }
  return { checksum: hash.digest('hex'), fields };
}
