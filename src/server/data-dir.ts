import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { makeDirPrivate } from '../node/private-files';
import { userDataHome } from '../node/user-dirs';
import { newAdminToken } from './auth';

/**
 * The server's data directory: the embedded database, the admin token file, and a lock file that
 * says which process owns the embedded database. PGlite is single-process, so the running server
 * (or a CLI command while the server is stopped) holds the lock; a CLI command that finds a live
 * server's lock talks to that server's admin API instead, with the URL and token written here.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv): string {
  // In the user's data folder, never the working directory: a command run from another folder (the
  // source tree, say) would otherwise find, or make, a second database there.
  return join(userDataHome(env), 'chapterdesk-server');
}

export function pgliteDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}

export function defaultAdminTokenFile(dataDir: string): string {
  return join(dataDir, 'admin-token');
}

function lockFile(dataDir: string): string {
  return join(dataDir, 'server.lock');
}

export interface LockInfo {
  pid: number;
  kind: 'server' | 'cli';
  startedAt: string;
  /** Set once a server is listening: where its admin API answers on this machine. */
  url?: string;
  adminToken?: string;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      holder.kind === 'server'
        ? `A ChapterDesk server (pid ${holder.pid}) is starting with ${dataDir}; try again in a moment.`
        : `Another chapterdesk command (pid ${holder.pid}) is using ${dataDir}; try again when it has finished. ` +
            `If no such process exists, delete ${lockFile(dataDir)}.`,
    );
    this.name = 'DataDirBusyError';
  }
}

/**
 * Creates the data directory 0700, or tightens an existing one (an older version left it 0755 and
 * PGlite writes its files 0666) to 0700 with every file in it 0600.
 */
export function ensureDataDir(dataDir: string): void {
  makeDirPrivate(dataDir);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(lockFile(dataDir), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** The lock's holder if that process is still running. */
export function readLiveLock(dataDir: string): LockInfo | null {
  const info = readLock(dataDir);
  return info && isAlive(info.pid) ? info : null;
}

export interface DataDirLock {
  /** Adds the listening URL and admin token once the server is up. */
  update(extra: Pick<LockInfo, 'url' | 'adminToken'>): void;
  release(): void;
}

/** Takes the data directory for this process, replacing a lock left by a process that died. */
export function acquireDataDirLock(dataDir: string, kind: LockInfo['kind']): DataDirLock {
  ensureDataDir(dataDir);
  const path = lockFile(dataDir);
  const info: LockInfo = { pid: process.pid, kind, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      // 'wx' creates the file or fails if it exists: two processes cannot both succeed.
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(info));
      } finally {
        closeSync(fd);
      }
      return lockHandle(dataDir, info);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(dataDir);
      if (holder && isAlive(holder.pid)) throw new DataDirBusyError(dataDir, holder);
      try {
        unlinkSync(path);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
    }
  }
  throw new Error(`Could not take the lock ${path}; another process keeps replacing it.`);
}

function lockHandle(dataDir: string, info: LockInfo): DataDirLock {
  const path = lockFile(dataDir);
  return {
    update(extra) {
      // Write then rename, so a reader never sees half a file.
      const next = `${path}.${process.pid}.tmp`;
      writeFileSync(next, JSON.stringify({ ...info, ...extra }), { mode: 0o600 });
      renameSync(next, path);
    },
    release() {
      if (readLock(dataDir)?.pid === info.pid) unlinkSync(path);
    },
  };
}

/** Reads the admin token file, creating it (mode 0600) with a fresh token the first time. */
export function loadOrCreateAdminToken(file: string): string {
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (token.length < 16) throw new Error(`The admin token in ${file} is shorter than 16 characters.`);
    return token;
  }
  const token = newAdminToken();
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return token;
}
