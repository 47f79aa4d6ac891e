import { createHash } from 'node:crypto';
import { DERIVED_FIELDS } from '../../shared/fields';
import { checksumLine } from '../../shared/sync-protocol';
import { expandChange } from '../db/changes';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

interface Entry {
  tbl: string;
  row_id: string;
  col: string;
  value: string | null;
  hlc: string;
}

/**
 * The same checksum the server computes over its last-writer-wins state: once this laptop's
 * outbox is empty and it has pulled up to the server's seq, equal checksums mean equal data.
 * The log is read a row at a time (a row's creation is one entry for all its fields), keeping the
 * newest value of each field, and hashed in (tbl, row, col) order as the server does.
 */
export function localChecksum(db: Db): { checksum: string; fields: number } {
  const entries = statement(
    db,
    `SELECT tbl, row_id, col, value, hlc FROM changes WHERE pushed != 2 ORDER BY tbl, row_id`,
  ).iterate() as IterableIterator<Entry>;
  const hash = createHash('sha256');
  let fields = 0;
  let row = new Map<string, Entry>();
  const flush = () => {
    for (const col of [...row.keys()].sort()) {
      const f = row.get(col)!;
      // Derived columns never travel: each side computes its own.
      if (DERIVED_FIELDS.has(`${f.tbl}.${f.col}`)) continue;
      hash.update(checksumLine({ tbl: f.tbl, rowId: f.row_id, col: f.col, value: f.value, hlc: f.hlc }));
      fields++;
    }
    row = new Map();
  };
  let current: Entry | undefined;
  for (const entry of entries) {
    if (current && (entry.tbl !== current.tbl || entry.row_id !== current.row_id)) flush();
    current = entry;
    for (const field of expandChange(entry)) {
      const newest = row.get(field.col);
      if (!newest || field.hlc > newest.hlc) row.set(field.col, field);
    }
  }
  flush();
  return { checksum: hash.digest('hex'), fields };
}
