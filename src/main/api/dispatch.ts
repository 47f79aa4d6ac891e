import type { z } from 'zod';
import { contract } from '../../shared/api';
import { AppError, type FieldIssue, type Result } from '../../shared/errors';
import { isOperationName } from '../../shared/operations';
import { zodProblem } from '../../shared/problems';
import type { Handlers } from './handlers';

export interface DispatchLogger {
  error(message: string, error: unknown): void;
}

/**
 * Field names as the contract spells them (an update's fields live under `patch`), each with zod's
 * issue as a problem the renderer words for that field.
 */
function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path[0] === 'patch' ? issue.path.slice(1) : issue.path;
    return {
      field: path.map(String).join('.') || '(input)',
      message: issue.message,
      problem: zodProblem(issue),
    };
  });
}

/**
 * The one door into the services for every transport (IPC, browser-mode HTTP): checks the
 * operation name, validates the input against the contract, and turns every outcome into a
 * Result. Unexpected errors are logged and reported without internals.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  input: unknown,
  logger: DispatchLogger = console,
): Promise<Result<unknown>> {
  if (!isOperationName(name)) {
    return {
      ok: false,
      error: {
        code: 'UNKNOWN_OPERATION',
        // Not String(name): an object whose toString is not a function throws there.
        message: `Unknown operation: ${typeof name === 'string' ? name.slice(0, 60) : typeof name}`,
      },
    };
  }
  const parsed = contract[name].input.safeParse(input);
  if (!parsed.success) {
    const fields = fieldIssues(parsed.error);
    return {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
        details: { fields },
      },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toBody() };
    logger.error(`Operation ${name} failed`, error);
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong; nothing was saved. Try again.' },
    };
  }
}
