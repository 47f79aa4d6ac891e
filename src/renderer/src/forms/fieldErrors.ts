import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors';
import { zodProblem } from '../../../shared/problems';
import { en } from '../i18n/en';
import { formField, wordFieldIssue, type FieldWords } from '../i18n/errorWords';

/** Error message per form field, keyed like the zod schema. */
export type FieldErrors = Partial<Record<string, string>>;

type FieldMessageKey = Exclude<keyof typeof en.validation, 'tooLong'>;

function hasFieldMessage(field: string): field is FieldMessageKey {
  return field !== 'tooLong' && Object.hasOwn(en.validation, field);
}

/** The words of the member, chapter and enrolment forms for their fields ("Not a valid email address"). */
export const validationWords =
  (t: TFunction): FieldWords =>
  (field) =>
    hasFieldMessage(field) ? t(`validation.${field}`) : undefined;

/** The first issue of each field, worded. */
export function fieldErrors(
  issues: readonly FieldIssue[],
  t: TFunction,
  words = validationWords(t),
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    errors[formField(issue.field)] ??= wordFieldIssue(issue, t, words);
  }
  return errors;
}

/** What the form's own check of the contract's schema found, worded as the server's answer would be. */
export function schemaErrors(error: z.ZodError, t: TFunction, words?: FieldWords): FieldErrors {
  return fieldErrors(
    error.issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      message: issue.message,
      problem: zodProblem(issue),
    })),
    t,
    words,
  );
}

/** The server's field issues: each names its problem by code, worded here in the user's language. */
export function serverErrors(issues: readonly FieldIssue[], t: TFunction, words?: FieldWords): FieldErrors {
  return fieldErrors(issues, t, words);
}
