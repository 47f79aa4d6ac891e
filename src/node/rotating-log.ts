import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirPrivate, makeFilePrivate } from './private-files';

/**
 * A log file that rotates by size: `NAME.log` is written until the next line would take it past
 * `maxBytes`, then it becomes `NAME.1.log` (the older ones move up one, `NAME.(keep-1).log` goes)
 * and a new `NAME.log` begins, so at most `keep` files and about `keep × maxBytes` stay. Files are
 * 0600 in a 0700 folder: even with ids only, a log says when the chapter was worked on.
 *
 * Writes are synchronous appends of whole lines: a line is a few hundred bytes, written rarely
 * (start, a sync, an import, an error), and a crash must not lose the line about its cause.
 */
export interface RotatingLogOptions {
  folder: string;
  /** The file's name without `.log`. */
  name: string;
  maxBytes: number;
  /** How many files are kept, the one being written included (at least 1). */
  keep: number;
}

export interface RotatingLog {
  appendLine(line: string): void;
}

export function logFilePath(folder: string, name: string, index: number): string {
  return join(folder, index === 0 ? `${name}.log` : `${name}.${index}.log`);
}

function sizeOf(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

function rotate(options: RotatingLogOptions): void {
  const { folder, name, keep } = options;
  rmSync(logFilePath(folder, name, keep - 1), { force: true });
  for (let index = keep - 2; index >= 0; index--) {
    const from = logFilePath(folder, name, index);
    if (existsSync(from)) renameSync(from, logFilePath(folder, name, index + 1));
  }
}

export function createRotatingLog(options: RotatingLogOptions): RotatingLog {
  const keep = Math.max(1, Math.floor(options.keep));
  const settings = { ...options, keep };
  const current = logFilePath(options.folder, options.name, 0);
  makeDirPrivate(options.folder);
  makeFilePrivate(current);
  return {
    appendLine(line) {
      const text = `${line.replace(/\n/g, ' ')}\n`;
      const size = sizeOf(current);
      if (size > 0 && size + Buffer.byteLength(text) > options.maxBytes) {
        if (keep > 1) rotate(settings);
        else rmSync(current, { force: true });
      }
      // Appended, never written afresh: another writer of the chapter (the app and `serve`) may
      // have just created the file, and the mode is set at creation as every other one is.
      appendFileSync(current, text, { mode: 0o600 });
    },
  };
}

/** The lines of every kept file, oldest first, at most `maxBytes` of the newest of them. */
export function readRecentLines(folder: string, name: string, keep: number, maxBytes: number): string[] {
  const lines: string[] = [];
  let bytes = 0;
  for (let index = 0; index < keep; index++) {
    const path = logFilePath(folder, name, index);
    if (!existsSync(path)) continue;
    const fileLines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    for (let at = fileLines.length - 1; at >= 0; at--) {
      const line = fileLines[at]!;
      bytes += Buffer.byteLength(line) + 1;
      if (bytes > maxBytes) return lines.reverse();
      lines.push(line);
    }
  }
  return lines.reverse();
}
