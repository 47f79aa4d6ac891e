import type { z } from 'zod';

/**
 * Every problem the app reports to a person, each with the names of the values it is worded with.
 * An AppError (and each of its field issues) carries one as `{ code, params }`; the renderer words
 * it from its own catalogue in the user's language, and the English message beside it stays for
 * the command line and the logs. The lower-case codes are zod's issue codes: a value the
 * contract's schemas refused arrives as one of them, worded per field by the renderer.
 */
export const PROBLEMS = {
  // zod's issues, as the contract's schemas report them.
  too_big: ['origin', 'maximum'],
  too_small: ['origin', 'minimum'],
  invalid_format: ['format'],
  invalid_type: ['expected'],
  invalid_value: [],
  not_multiple_of: ['divisor'],
  unrecognized_keys: [],
  invalid_union: [],
  invalid_key: [],
  invalid_element: [],
  custom: [],

  // Members.
  MEMBER_NOT_FOUND: [],
  MEMBER_DELETED: [],
  MEMBER_ERASED: [],
  MEMBER_NUMBER_TAKEN: ['number', 'name', 'memberId'],
  EMAIL_TAKEN: ['name', 'memberId'],
  NAME_OR_EMAIL_REQUIRED: [],
  MERGE_SAME_MEMBER: [],
  NOT_DUE_FOR_ERASURE: ['count'],

  // Membership types and amounts.
  TYPE_NOT_FOUND: [],
  TYPE_NAME_TAKEN: ['name'],
  TYPE_RETIRED: ['name'],
  PERIOD_MONTHS_REQUIRED: [],
  AMOUNT_MISSING: [],
  AMOUNT_INVALID: [],
  AMOUNT_TOO_PRECISE: [],
  AMOUNT_NOT_POSITIVE: [],
  AMOUNT_TOO_LARGE: [],

  // Payments and statements.
  PAYMENT_NOT_FOUND: [],
  PAYMENT_ALREADY_VOIDED: ['reason'],
  PAID_BEYOND_LAST_YEAR: ['year'],
  PERIOD_ENDS_BEFORE_START: [],
  PERIOD_HALF_GIVEN: [],
  STATEMENT_NO_AMOUNT_COLUMN: [],
  STATEMENT_NO_DATE_COLUMN: [],
  STATEMENT_LINE_REFUSED: ['line'],
  STATEMENT_NOT_OPEN: [],
  STATEMENT_IMPORT_NOT_FOUND: [],
  STATEMENT_ALREADY_UNDONE: [],

  // Events and registrations.
  EVENT_NOT_FOUND: [],
  EVENT_CANCELLED: [],
  EVENT_DATE_TIME_INVALID: [],
  EVENT_ENDS_BEFORE_START: [],
  CAPACITY_BELOW_CHECKED_IN: ['count'],
  ALREADY_REGISTERED: [],
  REGISTRATION_NOT_FOUND: [],
  ATTENDEE_NOT_FOUND: [],
  NOT_CHECKED_IN: [],
  COMPLETION_NEEDS_CHECK_IN: [],
  ALREADY_A_MEMBER: [],
  REGISTRATION_IS_A_MEMBERS: [],
  GUEST_ERASED: [],
  REGISTRATIONS_FILE_NO_PERSON: [],
  REGISTRATION_EMAIL_INVALID: ['email'],
  REGISTRATION_NO_PERSON: [],
  REGISTRATION_VALUE_REFUSED: ['field'],
  CERTIFICATE_NOT_TRAINING: [],
  PRINT_FAILED: [],

  // Files to import (members, registrations, statements) and imports.
  FILE_EMPTY: [],
  FILE_TOO_LARGE: [],
  FILE_BINARY: [],
  FILE_UNSUPPORTED_FORMAT: [],
  FILE_ENCRYPTED: [],
  FILE_CORRUPT: [],
  FILE_SHEET_NOT_FOUND: ['sheet'],
  FILE_HEADER_ROW_OUT_OF_RANGE: [],
  FILE_NO_ROWS: [],
  IMPORT_NO_FILE: [],
  IMPORT_FILE_CLOSED: [],
  IMPORT_MAPPING_MISMATCH: [],
  IMPORT_CANCELLED: [],
  IMPORT_JOB_NOT_FOUND: [],
  IMPORT_NOT_FOUND: [],
  IMPORT_ALREADY_UNDONE: ['when'],

  // Chapter settings.
  OFFICERS_TOO_MANY: ['maximum'],
  OFFICERS_REPEATED: [],

  // The chapter's own member fields and their values.
  CUSTOM_FIELD_NOT_FOUND: [],
  CUSTOM_FIELD_LABEL_TAKEN: ['label'],
  CUSTOM_FIELDS_TOO_MANY: ['maximum'],
  CUSTOM_FIELD_NOT_CHOICE: [],
  CUSTOM_FIELD_UNKNOWN: [],
  CUSTOM_FIELD_RETIRED: ['label'],
  CUSTOM_NUMBER_INVALID: ['label'],
  CUSTOM_DATE_INVALID: ['label'],
  CUSTOM_YESNO_INVALID: ['label'],
  CUSTOM_CHOICE_UNKNOWN: ['label'],
  CUSTOM_TEXT_TOO_LONG: ['label', 'maximum'],

  // Sync, enrolment and conflicts.
  SERVER_URL_INVALID: [],
  INSECURE_SERVER_URL: ['host'],
  SERVER_UNREACHABLE: [],
  ENROL_CODE_REFUSED: [],
  SERVER_REFUSED: [],
  CONFLICT_RESOLVED: [],
  CONFLICT_FIELD_UNKNOWN: [],

  // Sync files (src/main/sync/file).
  SYNC_FILE_NOT_SYNC_FILE: [],
  SYNC_FILE_DAMAGED: [],
  SYNC_FILE_TOO_NEW: [],
  SYNC_FILE_OTHER_CHAPTER: [],
  SYNC_FILE_NO_CHAPTER: [],
  SYNC_FILE_LIMIT_TOO_SMALL: ['maximum'],

  // Laptop to laptop on one network (src/main/sync/peer).
  PEER_NOT_ENROLLED: [],
  PEER_UNREACHABLE: [],
  PEER_OTHER_CHAPTER: [],
  PEER_KEY_REFUSED: [],
  PEER_VERSION: [],
  PEER_CONNECTION_LOST: [],
  PEER_ADDRESS_INVALID: [],
  PEER_PORT_TAKEN: ['port'],
  PEER_BUSY_HERE: [],
  PEER_BUSY_THERE: [],

  // Backups and restoring one.
  BACKUP_NOT_FOUND: [],
  BACKUP_UNREADABLE: [],
  BACKUP_NO_CHAPTER: [],
  BACKUP_OTHER_LAPTOP: [],
  UNSYNCED_CHANGES: ['count'],
} as const satisfies Record<string, readonly string[]>;

export type ProblemCode = keyof typeof PROBLEMS;
export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[];

type ParamName<C extends ProblemCode> = (typeof PROBLEMS)[C][number];
export type ProblemParams<C extends ProblemCode> = { [K in ParamName<C>]: string | number };

/** A problem and the values it names; `cause` is a problem it wraps (the payment a line refused). */
export type Problem = {
  [C in ProblemCode]: { code: C; params: ProblemParams<C>; cause?: Problem };
}[ProblemCode];

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && Object.hasOwn(PROBLEMS, value);
}

/** A problem with its values, typed by its code: `problem('TYPE_NAME_TAKEN', { name })`. */
export function problem<C extends ProblemCode>(
  code: C,
  ...params: [ParamName<C>] extends [never] ? [] : [ProblemParams<C>]
): Problem {
  return { code, params: params[0] ?? {} } as Problem;
}

/**
 * The problem a schema refinement names in its `params` (`{ problem: 'PERIOD_HALF_GIVEN' }`), where
 * one field can be refused for two reasons the renderer words apart.
 */
export const problemParams = (code: ProblemCode) => ({ problem: code });

/** A zod issue as a problem: its code and the values that say what was expected. */
export function zodProblem(issue: z.core.$ZodIssue): Problem {
  switch (issue.code) {
    case 'too_big':
      return problem('too_big', { origin: issue.origin, maximum: Number(issue.maximum) });
    case 'too_small':
      return problem('too_small', { origin: issue.origin, minimum: Number(issue.minimum) });
    case 'invalid_format':
      return problem('invalid_format', { format: issue.format });
    case 'invalid_type':
      return problem('invalid_type', { expected: issue.expected });
    case 'not_multiple_of':
      return problem('not_multiple_of', { divisor: Number(issue.divisor) });
    case 'custom': {
      const named: unknown = issue.params?.['problem'];
      return isProblemCode(named) ? ({ code: named, params: {} } as Problem) : problem('custom');
    }
    default:
      return problem(issue.code);
  }
}
