import { AppError } from '../../../shared/errors';
import { DERIVED_FIELDS } from '../../../shared/fields';
import { problem } from '../../../shared/problems';
import type { Change } from '../../../shared/sync-protocol';
import { expandChange } from '../../db/changes';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import { getChapter } from '../../services/chapter/chapter';
import { getChapterKey } from '../../services/chapter/key';
import { getDevice } from '../../services/device/device';
import { recordTraffic } from '../traffic';
import { encodeSyncFile } from './format';

export interface SyncFileExport {
  /** The files' bytes: one, or the parts a size limit split the changes into, each loadable alone. */
  parts: Buffer[];
  /** Field changes written (a row's creation counts one per field, as on the wire). */
  changes: number;
}

interface LogRow {
  tbl: string;
  row_id: string;
  col: string;
  value: string | null;
  hlc: string;
  node_id: string;
  officer: string | null;
}

const NOT_DERIVED = `(tbl || '.' || col) NOT IN (${[...DERIVED_FIELDS].map((f) => `'${f}'`).join(', ')})`;

/**
 * Writes the changes other laptops may lack into one sync file (or several, each at most
 * `maxBytes`): every change this laptop holds, its own and those it learned, but never one of its
 * own the server refused for good, nor a derived column (as on the wire). Its own changes go even
 * once the server has them: a laptop out of the server's reach gets them only by file. No record
 * is kept of what each other laptop holds, so a plain export and `all` carry the same changes
 * (the file says which was asked for); loading what a laptop already has changes nothing there.
 */
export function exportSyncFile(
  db: Db,
  options: {
    all: boolean;
    maxBytes?: number;
    now: Date;
    /** False when the parts travel by a peer session, which counts its bytes on the wire as 'peer'. */
    countTraffic?: boolean;
  },
): SyncFileExport {
  const device = getDevice(db);
  const chapter = getChapter(db);
  if (!device || !chapter) {
    throw new AppError(
      'NOT_INITIALISED',
      'This chapter file holds no chapter yet: there is nothing to export.',
      {
        problem: problem('SYNC_FILE_NO_CHAPTER'),
      },
    );
  }
  const rows = statement(
    db,
    `SELECT tbl, row_id, col, value, hlc, node_id, officer FROM changes
     WHERE ${NOT_DERIVED} AND (node_id != @node OR pushed != 2) ORDER BY seq`,
  ).all({ node: device.nodeId }) as LogRow[];
  const changes: Change[] = [];
  for (const row of rows) {
    for (const field of expandChange(row)) {
      if (DERIVED_FIELDS.has(`${field.tbl}.${field.col}`)) continue;
      changes.push({
        tbl: field.tbl,
        rowId: field.row_id,
        col: field.col,
        value: field.value,
        hlc: field.hlc,
        nodeId: field.node_id,
        ...(field.officer ? { officer: field.officer } : {}),
      });
    }
  }
  const seen = Object.fromEntries(
    (
      statement(
        db,
        `SELECT node_id, max(hlc) AS hlc FROM changes WHERE pushed != 2 GROUP BY node_id`,
      ).all() as {
        node_id: string;
        hlc: string;
      }[]
    ).map((r) => [r.node_id, r.hlc]),
  );
  const header = {
    chapterId: chapter.id,
    node: device.nodeId,
    writtenAt: options.now.toISOString(),
    all: options.all,
    seen,
  };
  const chapterKey = getChapterKey(db).key;
  const encode = (chunks: Change[][]) =>
    chunks.map((chunk, i) => encodeSyncFile({ ...header, part: [i + 1, chunks.length] }, chunk, chapterKey));

  /** What the files weigh is what they cost to send, counted as bytes sent (sync/traffic.ts). */
  const written = (parts: Buffer[]): SyncFileExport => {
    if (options.countTraffic === false) return { parts, changes: changes.length };
    recordTraffic(
      db,
      'file',
      { sent: parts.reduce((sum, p) => sum + p.length, 0), received: 0 },
      options.now,
    );
    return { parts, changes: changes.length };
  };

  let parts = encode([changes]);
  const max = options.maxBytes;
  if (max === undefined || parts[0]!.length <= max) return written(parts);
  // Split into parts of equal counts, more of them until every part fits.
  let count = Math.min(changes.length, Math.ceil(parts[0]!.length / max));
  for (;;) {
    const size = Math.ceil(changes.length / count);
    if (size < 1 || count > changes.length) break;
    const chunks: Change[][] = [];
    for (let i = 0; i < changes.length; i += size) chunks.push(changes.slice(i, i + size));
    parts = encode(chunks);
    if (parts.every((part) => part.length <= max)) return written(parts);
    if (size === 1) break;
    // Never past one change per part, which is tried before giving up.
    count = Math.min(changes.length, Math.max(count + 1, Math.ceil(count * 1.25)));
  }
  throw new AppError(
    'VALIDATION',
    `A sync file cannot be that small: one change alone takes more than ${max} bytes.`,
    {
      problem: problem('SYNC_FILE_LIMIT_TOO_SMALL', { maximum: max }),
    },
  );
}

/** F.chapterdesk's parts: F.1.chapterdesk, F.2.chapterdesk… (the number before the extension). */
export function partPath(path: string, index: number): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? `${path.slice(0, dot)}.${index}${path.slice(dot)}` : `${path}.${index}`;
}
