import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { createRotatingLog, type RotatingLog } from '../../../node/rotating-log';

/** The app's log: `logs/chapterdesk.log` beside the chapter file (the user-data folder in the app). */
export const LOG_NAME = 'chapterdesk';
/** Five files of 1 MB: months of ordinary use, and small enough to send to support. */
export const LOG_KEEP = 5;
export const LOG_MAX_BYTES = 1024 * 1024;

export function logFolder(dbPath: string): string {
  return join(dirname(dbPath), 'logs');
}

/**
 * What a log line may carry: numbers, yes/no, and codes or ids (letters, digits and `_ . : -`, no
 * spaces, no `@` or `+`), so an email, a phone number or a name with a space can never be written
 * even by mistake; any other text is replaced by `[text]`. Names of single words would pass the
 * pattern, so callers pass ids and codes only, and diagnostics.test.ts checks an export for every
 * member's name, email and phone.
 */
export type LogValue = number | boolean | string | null;
export type LogFields = Record<string, LogValue>;

const CODE = /^[A-Za-z0-9_.:-]{1,80}$/;

function safeValue(value: LogValue): LogValue {
  if (typeof value !== 'string') return value;
  return CODE.test(value) ? value : '[text]';
}

/**
 * Stack frames only (the first line of a stack repeats the message, which may quote a value), each
 * path cut to its file name: an install or home folder names the user ("C:\\Users\\Maria Gonzalez\\…").
 */
function frames(stack: string | undefined): string[] {
  return (stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => withoutFolders(line.trim()))
    .slice(0, 12);
}

/** "at f (C:\\Users\\A B\\app\\x.js:1:2)" as "at f (x.js:1:2)"; "at /home/ab/x.js:1:2" as "at x.js:1:2". */
function withoutFolders(frame: string): string {
  const inParens = /^(.*\()(.*)\)$/.exec(frame);
  const [head, location] = inParens ? [inParens[1]!, inParens[2]!] : ['at ', frame.slice(3)];
  const file = location.split(/[\\/]/).pop() ?? '';
  return inParens ? `${head}${file})` : `${head}${file}`;
}

/**
 * An error as the log keeps it: its kind, its code (ours, SQLite's or the system's) and its stack
 * frames; never its message, which can quote a name or an email ("No member with the email …").
 */
export function errorFields(error: unknown): { error: string; code: string | null; stack: string[] } {
  if (!(error instanceof Error)) return { error: typeof error, code: null, stack: [] };
  const code = (error as Error & { code?: unknown }).code;
  const problem = error instanceof AppError ? error.details?.problem?.code : undefined;
  return {
    error: CODE.test(error.name) ? error.name : 'Error',
    code: typeof code === 'string' && CODE.test(code) ? (problem ? `${code}:${problem}` : code) : null,
    stack: frames(error.stack),
  };
}

export interface AppLog {
  info(event: string, fields?: LogFields): void;
  error(event: string, error: unknown, fields?: LogFields): void;
}

/** For code run without a log (tests, one-shot commands that print what happened). */
export const NO_LOG: AppLog = { info: () => undefined, error: () => undefined };

export interface AppLogOptions {
  dbPath: string;
  now: () => Date;
  maxBytes?: number;
  keep?: number;
  /** Where a line that cannot be written is reported: the log must never stop the app. */
  onWriteError?: (error: unknown) => void;
}

export function openAppLog(options: AppLogOptions): AppLog {
  let file: RotatingLog | null = null;
  const write = (line: Record<string, unknown>) => {
    try {
      file ??= createRotatingLog({
        folder: logFolder(options.dbPath),
        name: LOG_NAME,
        maxBytes: options.maxBytes ?? LOG_MAX_BYTES,
        keep: options.keep ?? LOG_KEEP,
      });
      file.appendLine(JSON.stringify({ at: options.now().toISOString(), ...line }));
    } catch (error) {
      // A full disk or a read-only folder loses the line, not the operation that was being logged.
      (options.onWriteError ?? ((e: unknown) => console.error('Cannot write the log', e)))(error);
    }
  };
  const clean = (fields: LogFields = {}) =>
    Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, safeValue(value)]));
  return {
    info: (event, fields) => write({ level: 'info', event: safeValue(event), ...clean(fields) }),
    error: (event, error, fields) =>
      write({ level: 'error', event: safeValue(event), ...clean(fields), ...errorFields(error) }),
  };
}
