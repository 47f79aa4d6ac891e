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
] as const;
export type ImportReadErrorCode = (typeof IMPORT_READ_ERROR_CODES)[number];

export class ImportReadError extends Error {
  override readonly name = 'ImportReadError';

  constructor(
    readonly code: ImportReadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isImportReadError(value: unknown): value is ImportReadError {
  return value instanceof ImportReadError;
}
