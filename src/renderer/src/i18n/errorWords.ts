import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../shared/errors';
import type { Problem } from '../../../shared/problems';
import { toApiError } from '../api/ApiError';

/** Loosely typed: problem keys are built from codes, and the unit tests check that each has wording. */
type Say = (keys: string | string[], options?: Record<string, unknown>) => string;

/** zod's issue codes are lower case; the app's own problems are upper case. */
const isSchemaProblem = (problem: Problem) => problem.code === problem.code.toLowerCase();

/** Which variant of a schema problem's wording fits: "at most 200 characters" rather than "too large". */
function contextOf(problem: Problem): string | undefined {
  switch (problem.code) {
    case 'too_big':
      return String(problem.params.origin);
    case 'too_small':
      return problem.params.origin === 'string' && problem.params.minimum === 1
        ? 'empty'
        : String(problem.params.origin);
    case 'invalid_format':
      return String(problem.params.format);
    default:
      return undefined;
  }
}

/**
 * A problem in the user's language, with the values it names (a `count` picks the plural). A code
 * this renderer has no words for (sent by a newer version) is said with `fallback`, in words too.
 */
export function wordProblem(problem: Problem, t: TFunction, fallback = 'problems.custom'): string {
  const say = t as unknown as Say;
  const cause = problem.cause ? wordProblem(problem.cause, t) : undefined;
  return say([`problems.${problem.code}`, fallback], {
    ...problem.params,
    cause,
    context: contextOf(problem),
  });
}

/** The form field an issue is about: "patch.email" is the email field, "officers.2" the officers. */
export const formField = (path: string): string => path.replace(/^patch\./, '').split('.')[0] ?? path;

/** Words a form has for one of its fields whatever the schema refused ("Give the chapter a name"). */
export type FieldWords = (field: string) => string | undefined;

/**
 * One field's problem in words. A problem of the app's own (a number already taken) is worded as
 * itself; one the schema found is worded by the form for that field when it has words for it, as
 * it knows what the field wants better than "not written the way this field expects". A length
 * limit is always worded as such, since it names the limit.
 */
export function wordFieldIssue(issue: FieldIssue, t: TFunction, fieldWords?: FieldWords): string {
  const field = formField(issue.field);
  const { problem } = issue;
  if (!problem) return fieldWords?.(field) ?? wordProblem({ code: 'custom', params: {} }, t);
  if (!isSchemaProblem(problem)) return wordProblem(problem, t);
  if (problem.code === 'too_big' && problem.params.origin === 'string') return wordProblem(problem, t);
  return fieldWords?.(field) ?? wordProblem(problem, t);
}

export interface ErrorWords {
  /** What happened, by error code: "Something went wrong" only for the unexpected. */
  title: string;
  /** The problem the error names, or what its code means. */
  text: string;
}

/** Any error as a heading and a text in the user's language; never the English message. */
export function wordError(error: unknown, t: TFunction): ErrorWords {
  const say = t as unknown as Say;
  const { code, problem } = toApiError(error);
  const title = [`failures.title.${code}`, 'failures.title.INTERNAL'];
  const text = [`failures.text.${code}`, 'failures.text.INTERNAL'];
  return {
    title: say(title),
    text: problem ? wordProblem(problem, t, text[0]) : say(text),
  };
}
