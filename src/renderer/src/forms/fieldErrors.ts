import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors';
import { en } from '../i18n/en';

/** Error message per form field, keyed like the zod schema. */
export type FieldErrors = Partial<Record<string, string>>;

type FieldMessageKey = Exclude<keyof typeof en.validation, 'tooLong'>;

function hasFieldMessage(field: string): field is FieldMessageKey {
  return field !== 'tooLong' && Object.hasOwn(en.validation, field);
}

const TOO_LONG = /^At most (\d+) characters$/;

/**
 * The schemas speak English. A problem the schema itself reports is shown with the translated text
 * for that field; anything else (a duplicate number, say) is shown as the server wrote it.
 */
function translateIssue(field: string, message: string, t: TFunction, fromSchema: boolean): string {
  const tooLong = TOO_LONG.exec(message);
  if (tooLong) return t('validation.tooLong', { max: Number(tooLong[1]) });
  if (!hasFieldMessage(field)) return message;
  const isSchemaMessage = fromSchema || message === en.validation[field] || message === 'Invalid input';
  return isSchemaMessage ? t(`validation.${field}`) : message;
}

export function schemaErrors(error: z.ZodError, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= translateIssue(field, issue.message, t, true);
  }
  return errors;
}

/**
 * Server paths may be nested ("patch.email"); the form knows fields by their last segment. A
 * problem the server names by code (a member number already taken) is worded here, in the
 * user's language.
 */
export function serverErrors(issues: readonly FieldIssue[], t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.field.split('.').at(-1) ?? issue.field;
    errors[field] ??= issue.problem
      ? t(`fieldProblems.${issue.problem.code}`, { replace: issue.problem.params })
      : translateIssue(field, issue.message, t, false);
  }
  return errors;
}
