import { readFileSync, renameSync, rmSync } from 'node:fs';
import { writePrivateFile } from '../../node/private-files';
import { databaseFile, type Db } from '../db/open';

/**
 * After a restore, the file's pull cursor is the backup's, and what this laptop pushed after the
 * backup was taken is on the server but no longer here. Pulls normally leave out the laptop's own
 * changes (`skipOwn`), so those would never come back: until a pull has reached the end once, a
 * marker beside the file (`chapter.sqlite-resync`, naming the laptop's node id) has pulls ask for
 * them too. It is a file, not a row, because it is written while the restored file is being put in
 * place and must not depend on what the backup holds.
 */
function markerPath(dbPath: string): string {
  return `${dbPath}-resync`;
}

export function markResync(dbPath: string, nodeId: string): void {
  const partial = `${markerPath(dbPath)}.partial-${process.pid}`;
  writePrivateFile(partial, `${JSON.stringify({ nodeId })}\n`);
  renameSync(partial, markerPath(dbPath));
}

/** Whether this laptop's next pulls must bring its own changes back (it was restored). */
export function resyncPending(db: Db, nodeId: string): boolean {
  const file = databaseFile(db);
  if (!file) return false;
  let text: string;
  try {
    text = readFileSync(markerPath(file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  // Written whole and renamed into place (markResync), so it is never half there.
  return (JSON.parse(text) as { nodeId?: unknown }).nodeId === nodeId;
}

export function clearResync(db: Db): void {
  const file = databaseFile(db);
  if (file) rmSync(markerPath(file), { force: true });
}
