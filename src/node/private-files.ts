import { chmodSync, closeSync, fchmodSync, mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Files that hold members' data or secrets (the chapter database, its -wal and -shm, exports,
 * rejected rows, printed documents, the server's database) are readable by their owner only,
 * whatever the umask and whatever mode an earlier version left: a mode given at creation is
 * filtered by the umask and ignored for a file that already exists, so every writer also chmods.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

// Windows has no POSIX modes (Node's chmod only toggles read-only there); what protects these files
// is the ACL of the user's own folders.
const POSIX = process.platform !== 'win32';

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Writes `data` to `path` (created or truncated), 0600 before the first byte lands. */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'w', PRIVATE_FILE_MODE);
  try {
    if (POSIX) fchmodSync(fd, PRIVATE_FILE_MODE);
    writeFileSync(fd, data);
  } finally {
    closeSync(fd);
  }
}

/** Makes an existing file 0600; a file that is not there is left not there. */
export function makeFilePrivate(path: string): void {
  if (!POSIX) return;
  try {
    chmodSync(path, PRIVATE_FILE_MODE);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

/**
 * Creates `dir` (and missing parents) 0700, or tightens it to 0700 with everything in it: folders
 * 0700, files 0600. Symbolic links are left alone (chmod would follow them out of the folder).
 */
export function makeDirPrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!POSIX) return;
  chmodSync(dir, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makeDirPrivate(path);
    else if (entry.isFile()) makeFilePrivate(path);
  }
}
