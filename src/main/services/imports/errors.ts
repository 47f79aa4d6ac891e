import { AppError } from '../../../shared/errors';
import type { ImportJobFailure } from '../../../shared/imports';
import { problem, type Problem } from '../../../shared/problems';

/** Why a file could not be read at all. The wizard branches on `code`; `message` is for the secretary. */
export const IMPORT_READ_ERROR_CODES = [
  'EMPTY',
  'TOO_LARGE',
  'BINARY',
  'UNSUPPORTED_FORMAT',
  'ENCRYPTED',
  'CORRUPT',
  'SHEET_NOT_FOUND',
  'HEADER_ROW_OUT_OF_RANGE',
  /** The file has its row of column names and nothing below it. */
  'NO_ROWS',
] as const;
export type ImportReadErrorCode = (typeof IMPORT_READ_ERROR_CODES)[number];

export class ImportReadError extends Error {
  override readonly name = 'ImportReadError';
  /** The sheet asked for, when it is the one missing. */
  readonly sheet: string | undefined;

  constructor(
    readonly code: ImportReadErrorCode,
    message: string,
    options?: { cause?: unknown; sheet?: string },
  ) {
    super(message, options);
    this.sheet = options?.sheet;
  }
}

export function isImportReadError(value: unknown): value is ImportReadError {
  return value instanceof ImportReadError;
}

/** Why a file could not be read, as the problem the renderer words. */
export function importReadProblem(error: ImportReadError): Problem {
  const { code } = error;
  if (code === 'SHEET_NOT_FOUND') return problem('FILE_SHEET_NOT_FOUND', { sheet: error.sheet ?? '' });
  return problem(`FILE_${code}`);
}

/** A file that could not be read, refused: its English message for the CLI, its problem for the app. */
export function importReadAppError(error: ImportReadError): AppError {
  return new AppError('VALIDATION', error.message, { problem: importReadProblem(error) });
}

/** Why an import job failed, as the job's status tells it: the code, the English message, the problem. */
export function jobFailure(error: unknown): ImportJobFailure {
  if (error instanceof AppError) {
    const found = error.details?.problem;
    return found
      ? { code: error.code, message: error.message, problem: found }
      : { code: error.code, message: error.message };
  }
  if (isImportReadError(error))
    return { code: 'VALIDATION', message: error.message, problem: importReadProblem(error) };
  return { code: 'INTERNAL', message: 'The import failed; nothing was changed.' };
}

export const NO_ROWS_MESSAGE = 'The file has column names but no rows.';
