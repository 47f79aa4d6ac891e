import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirPrivate, writePrivateFile } from '../node/private-files';
import { userStateHome } from '../node/user-dirs';
import { isAlive } from './data-dir';

/**
 * Each running `chapterdesk server` leaves a small file (0600) in the user's state folder saying
 * where its data is, so that admin commands run without `--data` act on that server's data rather
 * than on a default folder it does not use. It holds no secret: the URL and admin token stay in the
 * data folder's lock, and a PostgreSQL server is recorded without its URL.
 */
export interface ServerRecord {
  pid: number;
  startedAt: string;
  /** The embedded database's data folder; null for a server on PostgreSQL. */
  dataDir: string | null;
}

export function runningServersDir(env: NodeJS.ProcessEnv): string {
  return join(userStateHome(env), 'chapterdesk', 'servers');
}

function removeIfThere(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function parse(text: string): ServerRecord | null {
  const value = JSON.parse(text) as Partial<ServerRecord>;
  return typeof value.pid === 'number' && (typeof value.dataDir === 'string' || value.dataDir === null)
    ? { pid: value.pid, startedAt: String(value.startedAt), dataDir: value.dataDir }
    : null;
}

/** Records this process (one process runs one server) as a running server until `remove()`. */
export function recordRunningServer(env: NodeJS.ProcessEnv, dataDir: string | null): { remove(): void } {
  const dir = runningServersDir(env);
  makeDirPrivate(dir);
  const file = join(dir, `${process.pid}.json`);
  const record: ServerRecord = { pid: process.pid, startedAt: new Date().toISOString(), dataDir };
  writePrivateFile(file, JSON.stringify(record));
  return { remove: () => removeIfThere(file) };
}

/** The servers running now; a file left by a server that died is skipped (and deleted). */
export function runningServers(env: NodeJS.ProcessEnv): ServerRecord[] {
  const dir = runningServersDir(env);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: ServerRecord[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let record: ServerRecord | null;
    try {
      record = parse(readFileSync(path, 'utf8'));
    } catch (error) {
      // Gone since the listing (a server stopped), or not ours to read: either way not a server.
      if (error instanceof SyntaxError || (error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    if (record && isAlive(record.pid)) found.push(record);
    else if (record) removeIfThere(path);
  }
  return found;
}
