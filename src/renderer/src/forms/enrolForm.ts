import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { syncEnrollInput } from '../../../shared/domain';
import { schemaErrors, type FieldErrors } from './fieldErrors';

export interface EnrolValues {
  serverUrl: string;
  code: string;
  officerName: string;
}
export type EnrolField = keyof EnrolValues;
export type EnrolInput = z.output<typeof syncEnrollInput>;

/** Enrolment accepts only http(s) addresses; saying so before the round trip saves a wait. */
export function isWebAddress(value: string): boolean {
  try {
    const { protocol } = new URL(value.trim());
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The enrolment to send, or what to fix first. Joining a chapter records who uses the laptop, so
 * there the name is required; connecting a chapter that exists already leaves it out.
 */
export function checkEnrolment(
  values: EnrolValues,
  askName: boolean,
  t: TFunction,
): { input: EnrolInput } | { errors: FieldErrors } {
  const parsed = syncEnrollInput.safeParse({
    serverUrl: values.serverUrl,
    code: values.code,
    ...(askName ? { officerName: values.officerName } : {}),
  });
  const errors = parsed.success ? {} : schemaErrors(parsed.error, t);
  if (!errors['serverUrl'] && !isWebAddress(values.serverUrl))
    errors['serverUrl'] = t('validation.serverUrl');
  if (askName && !values.officerName.trim()) errors['officerName'] ??= t('validation.officerName');
  if (!parsed.success || Object.keys(errors).length > 0) return { errors };
  return { input: parsed.data };
}
