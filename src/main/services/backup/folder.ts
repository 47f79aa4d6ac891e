import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BACKUP_KINDS, KEEP_BACKUPS, type BackupEntry, type BackupKind } from '../../../shared/backup';
import { makeDirPrivate } from '../../../node/private-files';

export { KEEP_BACKUPS };

/**
 * Automatic backups live in `backups/` beside the chapter file (the user's data folder for the
 * app), named after the file, the time (UTC) and why: `chapter-2026-03-15T10-00-00Z-daily.sqlite`.
 * The name says everything the list shows, so listing opens no file.
 */
export function backupFolder(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function stem(dbPath: string): string {
  return basename(dbPath).replace(/\.(sqlite3?|db)$/i, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function namePattern(dbPath: string): RegExp {
  return new RegExp(
    `^${escapeRegExp(stem(dbPath))}-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})Z(?:-(\\d+))?-(${BACKUP_KINDS.join('|')})\\.sqlite$`,
  );
}

/** A backup's file name for this moment; `n` tells apart two made within one second. */
function backupName(dbPath: string, at: Date, kind: BackupKind, n: number): string {
  const time = at.toISOString().slice(0, 19).replace(/:/g, '-');
  return `${stem(dbPath)}-${time}Z${n > 1 ? `-${n}` : ''}-${kind}.sqlite`;
}

/**
 * A path for a new backup that no other backup has, with the folder made (0700). Its number within
 * the second counts backups of every kind, so two made in one second (an import's, then a
 * restore's safety copy) list newest first.
 */
export function newBackupPath(dbPath: string, at: Date, kind: BackupKind): string {
  const folder = backupFolder(dbPath);
  makeDirPrivate(folder);
  forgetOldReservations(Date.now());
  for (let n = 1; ; n++) {
    const names = BACKUP_KINDS.map((other) => join(folder, backupName(dbPath, at, other, n)));
    if (names.some((path) => existsSync(path) || reserved.has(path))) continue;
    const path = join(folder, backupName(dbPath, at, kind, n));
    reserved.set(path, Date.now());
    return path;
  }
}

/**
 * Names given out whose backup may still be being written (a copy takes its name only once it is
 * complete): two backups started in one second (the daily one and an import's) get different
 * numbers, and neither replaces the other. Held longer than any backup takes to write.
 */
const reserved = new Map<string, number>();
const RESERVED_MS = 10 * 60_000;

function forgetOldReservations(nowMs: number): void {
  for (const [path, at] of reserved) if (nowMs - at > RESERVED_MS) reserved.delete(path);
}

/** This chapter file's automatic backups, newest first. */
export function listBackups(dbPath: string): BackupEntry[] {
  const folder = backupFolder(dbPath);
  if (!existsSync(folder)) return [];
  const pattern = namePattern(dbPath);
  const found: (BackupEntry & { order: string })[] = [];
  for (const name of readdirSync(folder)) {
    const match = pattern.exec(name);
    if (!match) continue;
    const [, day, hours, minutes, seconds, n, kind] = match;
    const createdAt = `${day}T${hours}:${minutes}:${seconds}.000Z`;
    if (Number.isNaN(Date.parse(createdAt))) continue;
    found.push({
      name,
      createdAt,
      kind: kind as BackupKind,
      bytes: statSync(join(folder, name)).size,
      order: `${createdAt}${(n ?? '1').padStart(6, '0')}`,
    });
  }
  // Two backups of one second named before numbers counted every kind share an order: the name
  // decides, so the list is the same on every reading.
  const key = (entry: { order: string; name: string }) => `${entry.order} ${entry.name}`;
  found.sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
  return found.map(({ order: _order, ...entry }) => entry);
}

/** The path of one of this file's backups named in a request, or null if there is none by that name. */
export function backupPath(dbPath: string, name: string): string | null {
  if (!namePattern(dbPath).test(name)) return null;
  const path = join(backupFolder(dbPath), name);
  return existsSync(path) ? path : null;
}

/** Deletes all but the newest `keep` backups of this chapter file. */
export function pruneBackups(dbPath: string, keep = KEEP_BACKUPS): string[] {
  const removed = listBackups(dbPath).slice(keep);
  for (const entry of removed) rmSync(join(backupFolder(dbPath), entry.name), { force: true });
  return removed.map((entry) => entry.name);
}
