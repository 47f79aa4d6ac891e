import { readFileSync, renameSync } from 'node:fs';
import { writePrivateFile } from '../../../node/private-files';
import { isHlc } from '../../../shared/hlc';

/**
 * The newest stamp this laptop is known to have issued or seen, kept beside the chapter file
 * (`chapter.sqlite-clock`, 0600) and written after every sync and before a restore. Putting back an
 * older copy of the file does not touch it, so the clock resumes after it rather than after the
 * older copy's newest stamp: an edit made after a restore never sorts before one this laptop had
 * already sent to the server (see "Backups and recovery" in docs/ARCHITECTURE.md).
 */
export function clockFloorPath(dbPath: string): string {
  return `${dbPath}-clock`;
}

export function readClockFloor(dbPath: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(clockFloorPath(dbPath), 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return isHlc(text) ? text : undefined;
}

/** Keeps the larger of the stamp kept and `hlc`; written beside and renamed, so never half there. */
export function raiseClockFloor(dbPath: string, hlc: string): void {
  const kept = readClockFloor(dbPath);
  if (kept !== undefined && kept >= hlc) return;
  const partial = `${clockFloorPath(dbPath)}.partial-${process.pid}`;
  writePrivateFile(partial, `${hlc}\n`);
  renameSync(partial, clockFloorPath(dbPath));
}
