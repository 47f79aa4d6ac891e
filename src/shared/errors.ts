import type { Problem } from './problems';

/** Stable error codes: the renderer, the CLI and the HTTP clients branch on these, never on messages. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_OPERATION',
  'NOT_INITIALISED',
  'ALREADY_INITIALISED',
  'DB_TOO_NEW',
  /** The chapter file does not pass SQLite's check: it is kept as it is, and a backup can replace it. */
  'DB_DAMAGED',
  'UNAUTHORISED',
  'CANCELLED',
  'UNREACHABLE',
  /** Another device on the sync server already writes as this chapter file's node id. */
  'NODE_ID_TAKEN',
  /** Another program (a command-line run, an import) kept the chapter file's write lock too long. */
  'BUSY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  field: string;
  /** In English, for the command line and logs. */
  message: string;
  /** What the renderer words in the user's language: a code and the values it names. */
  problem?: Problem;
}

export interface ApiErrorBody {
  code: ErrorCode;
  /** In English, for the command line and logs; the renderer words `details.problem` instead. */
  message: string;
  details?: { problem?: Problem; fields?: FieldIssue[] };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ApiErrorBody['details'],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ApiErrorBody {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * A problem with one field: the error names the problem (for a banner) and the field (for a form),
 * and keeps the English message for the command line.
 */
export function fieldError(
  code: ErrorCode,
  field: string,
  message: string,
  problem: Problem,
  summary = `${field}: ${message}`,
): AppError {
  return new AppError(code, summary, { problem, fields: [{ field, message, problem }] });
}
