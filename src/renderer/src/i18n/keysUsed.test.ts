/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { BACKUP_KINDS } from '../../../shared/backup';
import { CUSTOM_FIELD_KINDS } from '../../../shared/custom-fields';
import { MEMBERSHIP_KINDS, MEMBER_STATUSES } from '../../../shared/dues/status';
import { UI_LANGUAGES } from '../../../shared/domain';
import { ERROR_CODES } from '../../../shared/errors';
import { EVENT_KINDS, REGISTRATION_STATES } from '../../../shared/events';
import {
  IMPORT_DATE_ORDERS,
  IMPORT_FIELDS,
  IMPORT_PROBLEM_CODES,
  type ImportCounts,
  type ImportProblemSeverity,
} from '../../../shared/imports';
import { TRAFFIC_CHANNELS } from '../../../shared/network';
import { MATCH_REASONS, PAYMENT_METHODS } from '../../../shared/payments';
import { ROSTER_COLUMNS } from '../../../shared/print/documents';
import { PAPER_SIZES } from '../../../shared/print/html';
import type { SheetKind } from '../../../shared/print/sheets';
import { PROBLEM_CODES } from '../../../shared/problems';
import type { AmountProblem } from '../../../shared/dues/money';
import { SECTIONS } from '../components/MainNav';
import { MEMBER_COLUMNS } from '../components/memberColumns';
import type { TypeChange } from '../dues/MembershipTypesSection';
import type { PrintKind } from '../print/printDocuments';
import type { ConflictResolution } from '../screens/ConflictsScreen';
import { LABELLED } from '../components/fieldDisplay';
import { CONSENT_FIELDS, TEXT_FIELDS } from '../forms/memberFormValues';
import type { DelimiterName } from '../import/labels';
import type { SyncHeadline } from '../sync/describeSync';
import { resources } from './catalogues';

/**
 * CI fails on a catalogue key no code uses. A key is used when the renderer's code names it in full
 * as a string ('members.title'; a plural's base names its forms, a context key its variants), when a
 * catalogue text refers to it ($t(...)), or when code builds it from a value: `status.${status}`.
 * Every prefix code builds keys on is listed here with the values it takes, from the code's own
 * enums where it has them, else exhaustively from its union type (a Record over the union, which
 * fails typecheck when the union gains or loses a member) or as listed in the component, so a key under a prefix no value reaches
 * is reported too, and a new `prefix.${...}` in the code must be declared here first.
 */
const all = <T extends string>(values: Record<T, true>): readonly T[] => Object.keys(values) as T[];

const DYNAMIC: Record<string, readonly string[]> = {
  'backup.kind.': BACKUP_KINDS,
  // ChapterHistory's FIELDS: the chapter settings a change names.
  'chapterSettings.': [
    'name',
    'country',
    'currency',
    'timeZone',
    'graceDays',
    'locale',
    'csvDelimiter',
    'officers',
    'retentionYears',
  ],
  'columns.': MEMBER_COLUMNS,
  'conflicts.': all<ConflictResolution>({ restored: true, dismissed: true }),
  'customFields.kinds.': CUSTOM_FIELD_KINDS,
  'dues.counts.': MEMBER_STATUSES,
  'events.kinds.': EVENT_KINDS,
  // RegisterForm's two ways to register someone.
  'events.register.': ['member', 'guest'],
  // AttendanceReport's FIGURES.
  'events.report.figures.': ['events', 'attendances', 'members', 'guests', 'firstTimers', 'trained'],
  // A walk-in has no registration; CheckInScreen and AttendeeTable word it with the states.
  'events.states.': [...REGISTRATION_STATES, 'walk-in'],
  // EventsScreen's TABS.
  'events.tabs.': ['upcoming', 'past'],
  // eventForm's FIELD_WORDS.
  'events.validation.': ['title', 'dateTime', 'onlineLink', 'capacity', 'quorum', 'guestName', 'email'],
  // ExportMenu's FORMATS.
  'export.': ['csv', 'xlsx'],
  'failures.text.': [...ERROR_CODES, 'NETWORK'],
  'failures.title.': [...ERROR_CODES, 'NETWORK'],
  'fields.': [...TEXT_FIELDS, ...CONSENT_FIELDS, ...LABELLED],
  'import.counts.': all<Exclude<keyof ImportCounts, 'rows'>>({
    created: true,
    updated: true,
    unchanged: true,
    rejected: true,
    possibleDuplicates: true,
    merged: true,
  }),
  'import.dates.': IMPORT_DATE_ORDERS,
  'import.dates.orders.': IMPORT_DATE_ORDERS,
  'import.delimiters.': all<DelimiterName>({
    comma: true,
    semicolon: true,
    tab: true,
    pipe: true,
    other: true,
  }),
  'import.fields.': IMPORT_FIELDS,
  'import.formats.': ['csv', 'xlsx', 'ods'],
  // ImportHistory's counts: a past import's result, merges not kept apart.
  'import.history.': ['created', 'updated', 'unchanged', 'rejected', 'possibleDuplicates'],
  'import.problem.': IMPORT_PROBLEM_CODES,
  'import.problems.': all<ImportProblemSeverity>({ rejected: true, error: true, warning: true }),
  // A job's phases (ImportProgress in shared/imports).
  'import.progress.': ['reading', 'checking', 'saving'],
  'language.': UI_LANGUAGES,
  // Import and events have their words in their own domain.
  'network.way.': TRAFFIC_CHANNELS,
  'nav.': SECTIONS.filter((section) => section !== 'import' && section !== 'events'),
  'payments.amountProblem.': all<AmountProblem | 'AMOUNT_MISSING'>({
    AMOUNT_MISSING: true,
    AMOUNT_INVALID: true,
    AMOUNT_TOO_PRECISE: true,
    AMOUNT_NOT_POSITIVE: true,
    AMOUNT_TOO_LARGE: true,
  }),
  'payments.methods.': PAYMENT_METHODS,
  'print.columnNames.': ROSTER_COLUMNS,
  'print.none.': all<SheetKind>({ labels: true, cards: true }),
  'print.papers.': PAPER_SIZES,
  'print.sheet.layout.': all<SheetKind>({ labels: true, cards: true }),
  'print.sheet.offset.': ['x', 'y'],
  'print.sheet.offsetHint.': ['x', 'y'],
  'print.sheet.product.': all<SheetKind>({ labels: true, cards: true }),
  // A receipt's title names the member.
  'print.title.': all<Exclude<PrintKind, 'receipt'>>({
    roster: true,
    dues: true,
    signIn: true,
    certificates: true,
    labels: true,
    cards: true,
    form: true,
    personData: true,
  }),
  'problems.': PROBLEM_CODES,
  // SetupScreen's two starts, each with its hint, and CreateChapterForm's text fields.
  'setup.': ['create', 'createHint', 'join', 'joinHint', 'name', 'officerName'],
  // statementLines' STATUS_WORDS.
  'statement.ignoredReasons.': ['failed', 'reversed', 'cancelled', 'pending'],
  // StatementMatcher's PROVIDERS.
  'statement.providers.': ['mpesa', 'bank', 'payments', 'generic'],
  'statement.why.': MATCH_REASONS,
  'status.': MEMBER_STATUSES,
  'sync.': all<SyncHeadline>({
    notEnrolled: true,
    connected: true,
    upToDate: true,
    syncing: true,
    offline: true,
    revoked: true,
    clockAhead: true,
    serverOutdated: true,
    busy: true,
    failed: true,
  }),
  'types.': all<TypeChange>({ added: true, saved: true, retired: true, restored: true }),
  // TypeFormValues' fields.
  'types.fields.': ['name', 'kind', 'fee', 'currency', 'periodMonths', 'graceDays'],
  'types.kinds.': MEMBERSHIP_KINDS,
  // fieldErrors words a form field with `validation.<field>` whenever the catalogue has that key.
  'validation.': Object.keys(resources.en.translation.validation),
};

/** The catalogues' own modules: `xxEn.ts`, `en.ts`, … and catalogue/ which merges them. */
const isCatalogue = (path: string) =>
  /\/(en|fr|es|pt|ar)\.ts$|(En|Fr|Es|Pt|Ar)\.ts$/.test(path) || path.includes('/catalogue/');

/** The renderer's code, its tests left out, read as text. */
const files: Record<string, string> = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const code = Object.entries(files)
  .filter(([path]) => !isCatalogue(path))
  .map(([, text]) => text);

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix + key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, `${path}.`)) out.set(k, v);
  }
  return out;
}

const english = flatten(resources.en.translation as Catalogue);

/** Every quoted string in the code that could be a key. */
const named = new Set(
  code.flatMap((text) => [...text.matchAll(/['"`]([\w.-]+)['"`]/g)].map((m) => m[1] ?? '')),
);
/** Keys a catalogue text includes: '$t(payments.amountProblem.AMOUNT_MISSING)'. */
const referred = new Set(
  [...english.values()].flatMap((text) => [...text.matchAll(/\$t\(([\w.-]+)/g)].map((m) => m[1] ?? '')),
);
/** Every prefix the code builds a key on: t(`import.fields.${field}`) gives 'import.fields.'. */
const built = new Set(
  code.flatMap((text) => [...text.matchAll(/`([a-zA-Z][\w.]*\.)\$\{/g)].map((m) => m[1] ?? '')),
);

/** i18next's suffixes: plural forms and a context ('too_big_string'), after the name code gives. */
const SUFFIX = /_(zero|one|two|few|many|other)$|_[a-z]+$/;

function isUsed(key: string): boolean {
  const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
  if (named.has(key) || named.has(base) || referred.has(key) || referred.has(base)) return true;
  return Object.entries(DYNAMIC).some(([prefix, values]) => {
    if (!key.startsWith(prefix)) return false;
    const rest = key.slice(prefix.length);
    return values.some((value) => rest === value || (rest.startsWith(`${value}_`) && SUFFIX.test(rest)));
  });
}

describe('catalogue keys', () => {
  it('finds the code and the keys it reads', () => {
    expect(code.length).toBeGreaterThan(100);
    expect(named.has('members.title')).toBe(true);
    expect(built.has('status.')).toBe(true);
  });

  it('declares every prefix the code builds keys on, with the values it takes', () => {
    expect([...built].filter((prefix) => !(prefix in DYNAMIC))).toEqual([]);
  });

  it('has no key that no code uses', () => {
    expect([...english.keys()].filter((key) => !isUsed(key))).toEqual([]);
  });

  it('words every value a built key takes', () => {
    const missing = Object.entries(DYNAMIC).flatMap(([prefix, values]) =>
      values
        .map((value) => prefix + value)
        .filter((key) => !english.has(key) && ![...english.keys()].some((k) => k.startsWith(`${key}_`))),
    );
    expect(missing).toEqual([]);
  });

  it('reports a key under a built prefix that no value reaches, and one named nowhere', () => {
    expect(isUsed('status.active')).toBe(true);
    expect(isUsed('status.retired')).toBe(false);
    expect(isUsed('members.count_one')).toBe(true);
    expect(isUsed('problems.too_big_string')).toBe(true);
    expect(isUsed('members.neverSaid')).toBe(false);
  });
});
