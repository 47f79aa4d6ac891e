import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { SyncErrorBody, SyncErrorCode } from '../shared/sync-protocol';

export interface Issue {
  path: string;
  message: string;
}

/** An error whose code and message are safe and useful to show to the caller. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: SyncErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function notFound(message: string): HttpError {
  return new HttpError(404, 'NOT_FOUND', message);
}

export function unauthorised(message: string): HttpError {
  return new HttpError(401, 'UNAUTHORISED', message);
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Parses input with `schema`, or throws a VALIDATION error listing what is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = describeIssues(result.error.issues);
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new HttpError(400, 'VALIDATION', `Invalid ${what}: ${summary}`, issues);
}

function errorBody(code: SyncErrorCode, message: string, issues?: Issue[]): SyncErrorBody {
  return { error: issues ? { code, message, issues } : { code, message } };
}

/** Maps every failure to `{ error: { code, message } }`; only server faults are logged as errors. */
export function handleError(
  error: FastifyError | HttpError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (error instanceof HttpError) {
    void reply.code(error.statusCode).send(errorBody(error.code, error.message, error.issues));
    return;
  }
  const status = error.statusCode ?? 500;
  if (status === 413) {
    void reply
      .code(413)
      .send(errorBody('PAYLOAD_TOO_LARGE', 'The request body is too large; send smaller batches.'));
  } else if (status === 429) {
    void reply.code(429).send(errorBody('RATE_LIMITED', 'Too many requests; slow down and retry later.'));
  } else if (status === 404) {
    void reply.code(404).send(errorBody('NOT_FOUND', error.message));
  } else if (status >= 400 && status < 500) {
    // Fastify's own client errors (bad JSON, unsupported media type or encoding, bad gzip):
    // their messages describe the request, never server state.
    void reply.code(status).send(errorBody('VALIDATION', error.message));
  } else {
    request.log.error({ err: error }, 'request failed');
    void reply
      .code(500)
      .send(errorBody('INTERNAL', 'The server could not complete the request; try again later.'));
  }
}
