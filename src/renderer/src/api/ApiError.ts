import type { ApiErrorBody, ErrorCode, FieldIssue } from '../../../shared/errors';
import { isErrorCode } from '../../../shared/errors';
import type { Problem } from '../../../shared/problems';

/** `NETWORK` is the client's own: the request never got an answer, so no server code applies. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

/** `message` is English, for the console; screens word `code`, `problem` and `fields` instead. */
export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly fields: FieldIssue[] = [],
    readonly problem: Problem | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromBody({ code, message, details }: ApiErrorBody): ApiError {
    return new ApiError(code, message, details?.fields ?? [], details?.problem ?? null);
  }
}

/** Whatever was thrown, as an ApiError, so screens handle one shape of error. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof Error) return new ApiError('INTERNAL', error.message);
  return new ApiError('INTERNAL', String(error));
}

export function isClientErrorCode(value: unknown): value is ClientErrorCode {
  return value === 'NETWORK' || isErrorCode(value);
}
