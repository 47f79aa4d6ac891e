/**
 * Errors in words: each problem code of src/shared/problems.ts, and a heading and a text for each
 * error code; merged into `translation` in setup.ts. A count is worded with `count` (plurals).
 */
export const problemsEn = {
  problems: {
    too_big: 'Too large',
    too_big_string: 'At most {{maximum, number}} characters',
    too_big_number: 'At most {{maximum, number}}',
    too_big_array: 'At most {{maximum, number}} items',
    too_small: 'Too small',
    too_small_empty: 'Fill this in',
    too_small_string: 'At least {{minimum, number}} characters',
    too_small_number: 'At least {{minimum, number}}',
    too_small_array: 'At least {{minimum, number}} items',
    invalid_format: 'Not written the way this field expects',
    invalid_format_email: 'Not a valid email address',
    invalid_format_date: 'Use a date like 2024-03-31',
    invalid_format_url: 'Not a web address',
    invalid_type: 'Missing, or not the kind of value this field takes',
    invalid_value: 'Not one of the choices',
    not_multiple_of: 'Must be a multiple of {{divisor, number}}',
    unrecognized_keys: 'ChapterDesk sent something this version does not know. Reload the page.',
    invalid_union: 'Not a value this field takes',
    invalid_key: 'Not a value this field takes',
    invalid_element: 'Not a value this field takes',
    custom: 'Not a value this field takes',

    MEMBER_NOT_FOUND: 'This member is not here any more: they may have been erased on another laptop.',
    MEMBER_DELETED: 'This member has been deleted. Restore them first.',
    MEMBER_ERASED: 'This member has already been erased.',
    MEMBER_NUMBER_TAKEN: 'Number {{number}} already belongs to {{name}}',
    EMAIL_TAKEN: 'Another member ({{name}}) already uses this email',
    NAME_OR_EMAIL_REQUIRED: 'Give at least a name or an email',
    MERGE_SAME_MEMBER: 'A member cannot be merged with themselves.',
    NOT_DUE_FOR_ERASURE_one:
      'Nobody was erased: {{count, number}} of these members is no longer due for erasure. Look at the list again.',
    NOT_DUE_FOR_ERASURE_many:
      'Nobody was erased: {{count, number}} of these members are no longer due for erasure. Look at the list again.',
    NOT_DUE_FOR_ERASURE_other:
      'Nobody was erased: {{count, number}} of these members are no longer due for erasure. Look at the list again.',

    TYPE_NOT_FOUND: 'This membership type does not exist any more. Choose another.',
    TYPE_NAME_TAKEN: 'There is already a membership type called “{{name}}”',
    TYPE_RETIRED: 'The membership type “{{name}}” is retired: bring it back in Settings or choose another',
    PERIOD_MONTHS_REQUIRED: 'Give the period a payment covers, in months',
    AMOUNT_MISSING: '$t(payments.amountProblem.AMOUNT_MISSING)',
    AMOUNT_INVALID: '$t(payments.amountProblem.AMOUNT_INVALID)',
    AMOUNT_TOO_PRECISE: '$t(payments.amountProblem.AMOUNT_TOO_PRECISE)',
    AMOUNT_NOT_POSITIVE: '$t(payments.amountProblem.AMOUNT_NOT_POSITIVE)',
    AMOUNT_TOO_LARGE: '$t(payments.amountProblem.AMOUNT_TOO_LARGE)',

    PAYMENT_NOT_FOUND: 'This payment is not here any more.',
    PAYMENT_ALREADY_VOIDED: 'This payment was already voided: {{reason}}',
    PAID_BEYOND_LAST_YEAR:
      'This would pay until after the year {{year}}: check the amount and the number of periods.',
    PERIOD_ENDS_BEFORE_START: 'The period ends before it starts',
    PERIOD_HALF_GIVEN: 'Give both the start and the end of the period, or neither',
    STATEMENT_NO_AMOUNT_COLUMN:
      'This file does not look like a payment statement: it has no column of amounts.',
    STATEMENT_NO_DATE_COLUMN:
      'This file has amounts but no column of dates, so its payments cannot be dated.',
    STATEMENT_LINE_REFUSED: 'Line {{line, number}} could not be recorded: {{cause}} Nothing was recorded.',
    STATEMENT_NOT_OPEN: 'This statement is no longer open. Choose the file again.',
    STATEMENT_IMPORT_NOT_FOUND: 'This statement import is not here any more.',
    STATEMENT_ALREADY_UNDONE: 'This statement import was already undone.',

    EVENT_NOT_FOUND: 'This event is not here any more: it may have been deleted on another laptop.',
    EVENT_CANCELLED: 'This event is cancelled.',
    EVENT_DATE_TIME_INVALID: 'Give a date and a time',
    EVENT_ENDS_BEFORE_START: 'The event ends before it starts',
    CAPACITY_BELOW_CHECKED_IN_one:
      '{{count, number}} person is already checked in: there must be at least as many places',
    CAPACITY_BELOW_CHECKED_IN_many:
      '{{count, number}} people are already checked in: there must be at least as many places',
    CAPACITY_BELOW_CHECKED_IN_other:
      '{{count, number}} people are already checked in: there must be at least as many places',
    ALREADY_REGISTERED: 'Already registered for this event',
    REGISTRATION_NOT_FOUND: 'This registration is not on this event any more.',
    ATTENDEE_NOT_FOUND: 'This person is not on this event any more.',
    NOT_CHECKED_IN: 'This person is not checked in.',
    COMPLETION_NEEDS_CHECK_IN: 'Only someone who came can complete the training: check them in first.',
    ALREADY_A_MEMBER: 'This person is already a member.',
    REGISTRATION_IS_A_MEMBERS:
      'This registration is a member’s: erase the member instead, which erases their guest details too.',
    GUEST_ERASED: 'This guest has already been erased.',
    REGISTRATIONS_FILE_NO_PERSON:
      'This file has no column for a name, an email or a member number, so nobody can be registered from it.',
    REGISTRATION_EMAIL_INVALID: '“{{email}}” is not an email address',
    REGISTRATION_NO_PERSON: 'No name, email or known member number',
    REGISTRATION_VALUE_REFUSED: 'The {{field}} is too long or not valid',
    CERTIFICATE_NOT_TRAINING: 'Certificates are for trainings and workshops.',
    PRINT_FAILED:
      'The document was not printed: the printer or the system refused it. Check the printer, then try again.',

    FILE_EMPTY: 'The file is empty, or has no rows with data.',
    FILE_TOO_LARGE:
      'The file is too large to import in one go. Save it as CSV, or split it into smaller files.',
    FILE_BINARY:
      'This file is not a spreadsheet or a text (CSV) file. Open it in Excel or LibreOffice and save it as .xlsx or CSV.',
    FILE_UNSUPPORTED_FORMAT:
      'ChapterDesk cannot read this kind of file. Open it in Excel or LibreOffice and save it as .xlsx or CSV.',
    FILE_ENCRYPTED:
      'This workbook is protected by a password. Open it in Excel, remove the password (or save a copy as CSV), and import that.',
    FILE_CORRUPT:
      'The file is damaged and cannot be opened. Open it in Excel or LibreOffice, save it again, and retry.',
    FILE_SHEET_NOT_FOUND: 'There is no sheet called “{{sheet}}” in this workbook.',
    FILE_HEADER_ROW_OUT_OF_RANGE: 'That row cannot hold the column names: it is empty or not in the file.',
    FILE_NO_ROWS: 'The file has column names but no rows.',
    IMPORT_NO_FILE: 'Choose a file to import.',
    IMPORT_FILE_CLOSED: 'That file is no longer open. Choose it again.',
    IMPORT_MAPPING_MISMATCH: 'The columns chosen no longer match the file. Choose the file again.',
    IMPORT_CANCELLED: 'The import was cancelled; nothing was changed.',
    IMPORT_JOB_NOT_FOUND: 'This import is no longer in progress.',
    IMPORT_NOT_FOUND: 'This import is not here any more.',
    IMPORT_ALREADY_UNDONE: 'This import was already undone ({{when}}).',

    OFFICERS_TOO_MANY: 'At most {{maximum, number}} officers',
    OFFICERS_REPEATED: 'Each officer once',

    CUSTOM_FIELD_NOT_FOUND: 'This field no longer exists',
    CUSTOM_FIELD_LABEL_TAKEN: 'There is already a field called “{{label}}”',
    CUSTOM_FIELDS_TOO_MANY: 'A chapter has at most {{maximum, number}} fields of its own',
    CUSTOM_FIELD_NOT_CHOICE: 'Only a choice field has choices',
    CUSTOM_FIELD_UNKNOWN: 'This field no longer exists: reload the page',
    CUSTOM_FIELD_RETIRED: '“{{label}}” is retired: bring it back in Settings to fill it in',
    CUSTOM_NUMBER_INVALID: 'Write a number, such as 12 or 3.5',
    CUSTOM_DATE_INVALID: 'Write a date that exists',
    CUSTOM_YESNO_INVALID: 'Answer yes or no',
    CUSTOM_CHOICE_UNKNOWN: 'Pick one of the choices of “{{label}}”',
    CUSTOM_TEXT_TOO_LONG: 'At most {{maximum, number}} characters',

    SERVER_URL_INVALID: 'Use an address like https://sync.example.org',
    INSECURE_SERVER_URL: 'Use https://{{host}}: http:// is only for a server on this computer',
    SERVER_UNREACHABLE: 'Cannot reach the server at this address. Check it, and that this laptop is online.',
    ENROL_CODE_REFUSED:
      'This enrolment code is not valid: it may be mistyped, used already or expired. Check it, or ask the server administrator for a new one.',
    SERVER_REFUSED: 'The server refused the request. Try again later, or ask your administrator.',
    CONFLICT_RESOLVED: 'This conflict was already resolved.',
    CONFLICT_FIELD_UNKNOWN:
      'This version of ChapterDesk cannot restore that field. Update ChapterDesk first.',
    SYNC_FILE_NOT_SYNC_FILE: 'This is not a ChapterDesk sync file. Nothing was applied.',
    SYNC_FILE_DAMAGED:
      'This sync file is damaged or incomplete. Nothing was applied: ask for the file again.',
    SYNC_FILE_TOO_NEW:
      'This sync file was written by a newer version of ChapterDesk. Nothing was applied: update ChapterDesk, then load it again.',
    SYNC_FILE_OTHER_CHAPTER: 'This sync file is from another chapter. Nothing was applied.',
    SYNC_FILE_NO_CHAPTER:
      'This laptop has not joined the chapter yet. Join it through the sync server once; then sync files can carry the changes.',
    SYNC_FILE_LIMIT_TOO_SMALL:
      'A sync file cannot be that small: one change alone is larger than {{maximum, number}} bytes.',
    PEER_NOT_ENROLLED:
      'This laptop has not joined the chapter through its sync server yet, so it holds no chapter key to prove itself to another laptop. Join the chapter once; then laptops can sync with each other.',
    PEER_UNREACHABLE:
      'Cannot reach the other laptop at this address. Check the address, that it is waiting for a connection, and that both laptops are on the same network.',
    PEER_OTHER_CHAPTER:
      'The other laptop is not one of this chapter’s: it belongs to another chapter, or holds a key this chapter never gave. Nothing was exchanged.',
    PEER_KEY_REFUSED: 'The other laptop could not prove it holds this chapter’s key. Nothing was exchanged.',
    PEER_VERSION:
      'The other laptop runs another version of ChapterDesk. Nothing was exchanged: update both laptops, then try again.',
    PEER_CONNECTION_LOST:
      'The connection with the other laptop ended before the sync finished. What arrived was kept: sync again to finish.',
    PEER_ADDRESS_INVALID:
      'Write the other laptop’s address as it shows it, such as 192.168.1.20:47170 (or a name, or [IPv6]:port).',
    PEER_PORT_TAKEN:
      'Port {{port}} is already in use on this laptop (another program, or another ChapterDesk). Close it, then try again.',
    PEER_BUSY_HERE:
      'This laptop is already syncing with a nearby laptop, or waiting for one. Cancel that first.',
    PEER_BUSY_THERE:
      'The other laptop is syncing with another one right now. Nothing was exchanged: try again in a moment.',

    BACKUP_NOT_FOUND: 'This backup is not there any more. Nothing was restored.',
    BACKUP_UNREADABLE: 'This file is not a sound ChapterDesk chapter file. Nothing was restored.',
    BACKUP_NO_CHAPTER: 'This file holds no chapter. Nothing was restored.',
    BACKUP_OTHER_LAPTOP:
      'This is a backup of another laptop’s chapter file. Nothing was restored: restore it on that laptop, or on a new, empty chapter file.',
    UNSYNCED_CHANGES_one:
      '{{count, number}} change made on this laptop has not reached the sync server and is not in this backup: restoring would lose it.',
    UNSYNCED_CHANGES_many:
      '{{count, number}} changes made on this laptop have not reached the sync server and are not in this backup: restoring would lose them.',
    UNSYNCED_CHANGES_other:
      '{{count, number}} changes made on this laptop have not reached the sync server and are not in this backup: restoring would lose them.',
  },
  failures: {
    /** A banner's heading: what happened, by error code. */
    title: {
      VALIDATION: 'Check what you entered',
      NOT_FOUND: 'Not found',
      CONFLICT: 'This clashes with what is already there',
      UNKNOWN_OPERATION: 'This version of ChapterDesk does not know that action',
      NOT_INITIALISED: 'The chapter is not set up yet',
      ALREADY_INITIALISED: 'The chapter is already set up',
      DB_TOO_NEW: 'The chapter file is from a newer ChapterDesk',
      DB_DAMAGED: 'The chapter file is damaged',
      UNAUTHORISED: 'Not allowed',
      CANCELLED: 'Cancelled',
      UNREACHABLE: 'Out of reach',
      NODE_ID_TAKEN: 'This laptop’s identity is taken',
      BUSY: 'The chapter file is busy',
      NETWORK: 'ChapterDesk is out of reach',
      INTERNAL: 'Something went wrong',
    },
    /** A banner's text when no problem says more. */
    text: {
      VALIDATION: 'Some of what was entered is not valid. Nothing was saved.',
      NOT_FOUND:
        'What you asked for is not here any more: it may have been deleted or erased on another laptop.',
      CONFLICT:
        'This was changed in the meantime, or clashes with something already saved. Nothing was saved.',
      UNKNOWN_OPERATION: 'Reload the page; if it keeps happening, update ChapterDesk.',
      NOT_INITIALISED: 'Set up the chapter first.',
      ALREADY_INITIALISED: 'Reload the page to see it.',
      DB_TOO_NEW:
        'This chapter file was written by a newer version of ChapterDesk. Update ChapterDesk to open it; the file has not been changed.',
      DB_DAMAGED:
        'The chapter file cannot be read safely any more. Nothing was changed in it; restore a backup to carry on.',
      UNAUTHORISED: 'This page needs the link printed by “chapterdesk serve”. Open that link again.',
      CANCELLED: 'Nothing was changed.',
      UNREACHABLE: 'A program or server ChapterDesk needs could not be reached. Try again later.',
      NODE_ID_TAKEN:
        'Another device on the sync server already uses this laptop’s identity (a copied chapter file?). Ask your administrator for a new code.',
      BUSY: 'Another program is writing to the chapter file (a command-line run or an import). Try again once it has finished.',
      NETWORK: 'ChapterDesk could not be reached. Check that it is still running, then try again.',
      INTERNAL: 'Nothing was saved. Try again; if it keeps happening, restart ChapterDesk.',
    },
  },
};

export type ProblemsTranslation = typeof problemsEn;
