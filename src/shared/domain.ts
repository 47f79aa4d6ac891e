import { z } from 'zod';

import { customValuesInput } from './custom-fields';
import { MEMBER_STATUSES, type MemberStatus } from './dues/status';
import { isTimeZone } from './dues/dates';
import type { MeteredWait, NetworkSettings, TrafficFigures } from './network';

export { MEMBER_STATUSES, MEMBERSHIP_KINDS } from './dues/status';
export type { MemberStatus, MembershipKind } from './dues/status';
export type { MembershipType } from './payments';

const isoDate = z.iso.date({ error: 'Use a date like 2024-03-31' });
const shortText = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

/** The languages the app speaks: its screens, and a chapter's language (for its default types and its exports' defaults). */
export const UI_LANGUAGES = ['en', 'fr', 'es', 'pt', 'ar'] as const;

export const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code such as FR or KE')
  .transform((v) => v.toUpperCase());

export const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'Use a three-letter currency code such as EUR or KES')
  .transform((v) => v.toUpperCase());

export const chapterSetupInput = z.strictObject({
  name: shortText(200).min(1, 'Give the chapter a name'),
  country: countryCode,
  currency: currencyCode,
  officerName: shortText(200).min(1, 'Say who is using this laptop'),
  locale: z.enum(UI_LANGUAGES).default('en'),
  /** IANA time zone (Africa/Dakar); the laptop's own when not given. */
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine(isTimeZone, 'Not a time zone name such as Africa/Dakar')
    .optional(),
  createDefaultTypes: z.boolean().default(true),
});
export type ChapterSetupInput = z.input<typeof chapterSetupInput>;

export interface Chapter {
  id: string;
  name: string;
  country: string;
  currency: string;
  graceDays: number;
  /** IANA time zone whose calendar decides dues status (Africa/Dakar); null: the laptop's. */
  timeZone: string | null;
  locale: string;
  officerName: string;
  /** This laptop's prefix for receipt numbers (K3M in K3M-000042); drawn at the first receipt. */
  receiptPrefix: string | null;
  nodeId: string;
  /** Members lapsed for more than this many years are listed for erasure; null: never. */
  retentionYears: number | null;
  /** The chapter's officers, whom a laptop can name as its user. */
  officers: string[];
  /** What separates an exported CSV's cells; null: what the language's spreadsheets expect. */
  csvDelimiter: ',' | ';' | '\t' | null;
}

/** The retention setting: whole years, or null for off (the default). */
export const retentionYears = z
  .number()
  .int('Give a whole number of years')
  .min(1, 'Give at least 1 year')
  .max(100, 'Give at most 100 years')
  .nullable();

export const chapterRetentionInput = z.strictObject({ years: retentionYears });

/** A member retention would erase: lapsed for more than the chapter's retention years. */
export interface RetentionCandidate {
  id: string;
  name: string;
  memberNumber: string | null;
  paidThrough: string;
  /** The first day the member was lapsed: after the paid-through date and the grace days. */
  lapsedSince: string;
  deleted: boolean;
}

export interface RetentionList {
  /** The chapter's setting; null: retention is off and nothing is listed. */
  years: number | null;
  /** The first members, oldest lapse first; `total` counts them all. */
  members: RetentionCandidate[];
  total: number;
}

/** The confirmed members of the retention list to erase (their ids, as listed). */
export const retentionEraseInput = z.strictObject({ ids: z.array(z.uuid()).min(1).max(1000) });

export interface RetentionErased {
  erased: string[];
  /** False when another connection kept the WAL from being emptied; the next scrub finishes. */
  fileScrubbed: boolean;
}

/** Fields a secretary edits. Empty strings mean "not known"; the service stores them as NULL. */
export const memberFields = z.strictObject({
  memberNumber: shortText(40).optional(),
  firstName: shortText(200).optional(),
  lastName: shortText(200).optional(),
  email: z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .max(320)
        .pipe(z.email({ error: 'Not a valid email address' })),
    ])
    .optional(),
  phone: shortText(60).optional(),
  country: z.union([z.literal(''), countryCode]).optional(),
  addressLine1: shortText(200).optional(),
  addressLine2: shortText(200).optional(),
  postalCode: shortText(20).optional(),
  city: shortText(200).optional(),
  region: shortText(200).optional(),
  organisation: shortText(200).optional(),
  typeId: z.union([z.literal(''), z.uuid()]).optional(),
  joinedOn: z.union([z.literal(''), isoDate]).optional(),
  paidThrough: z.union([z.literal(''), isoDate]).optional(),
  notes: shortText(5000).optional(),
  consentEmail: z.boolean().optional(),
  consentSms: z.boolean().optional(),
});
export type MemberFields = z.input<typeof memberFields>;

export const memberCreateInput = memberFields
  .extend({ customFields: customValuesInput.optional() })
  .refine((m) => Boolean(m.firstName || m.lastName || m.email), {
    message: 'Give at least a name or an email',
    path: ['lastName'],
  });

export interface Member {
  id: string;
  memberNumber: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  phoneE164: string | null;
  country: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  region: string | null;
  organisation: string | null;
  typeId: string | null;
  typeName: string | null;
  joinedOn: string | null;
  /** The last day paid for: from payments, or a date brought from before ChapterDesk. */
  paidThrough: string | null;
  notes: string | null;
  consentEmail: boolean;
  consentSms: boolean;
  status: MemberStatus;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
}

/** Live members who share a member number (two imports on two laptops), oldest on this laptop first. */
export interface NumberClash {
  number: string;
  members: Member[];
}

export interface NumberClashes {
  /** The first clashes by number; `total` counts them all. */
  clashes: NumberClash[];
  total: number;
}

/**
 * Live members who share an email: one laptop changed a member's email to one another laptop gave a
 * new member (ids derive from the email at creation, so they are two rows). Merged on request.
 */
export interface EmailClash {
  email: string;
  members: Member[];
}

export interface EmailClashes {
  /** The first clashes by email; `total` counts them all. */
  clashes: EmailClash[];
  total: number;
}

export const memberMergeInput = z.strictObject({
  /** The member who stays. */
  keepId: z.uuid(),
  /** The member merged into them and deleted. */
  otherId: z.uuid(),
});

/** One field of a merge: `other`'s value fills an empty field of `keep`, or differs and is not kept. */
export interface MergeField {
  /** The contract's name of the field (memberNumber, phone…). */
  field: string;
  keep: string | number | null;
  other: string | number | null;
}

/** What merging `other` into `keep` does, shown before it is done. */
export interface MergePreview {
  keep: Member;
  other: Member;
  /** Empty fields of `keep` that take `other`'s value. */
  filled: MergeField[];
  /** Fields both have, with different values: `keep`'s stays, `other`'s stays in the history. */
  differing: MergeField[];
  /** Payments, registrations and check-ins of `other` that move to `keep`. */
  moved: { payments: number; registrations: number; attendance: number };
}

export const MEMBER_SORT_FIELDS = ['name', 'memberNumber', 'email', 'city', 'joinedOn', 'status'] as const;
export type MemberSortField = (typeof MEMBER_SORT_FIELDS)[number];

/** What the Members screen filters and sorts by; exports take the same. */
export const MEMBER_LIST_FILTERS = {
  query: z.string().max(200).default(''),
  status: z.enum(MEMBER_STATUSES).optional(),
  /** Active members whose paid-through date falls within this many days from today. */
  expiringWithinDays: z.number().int().min(0).max(366).optional(),
  /** Members in grace or lapsed whose type has a fee: what the Dues screen counts as outstanding. */
  owing: z.boolean().optional(),
  typeId: z.uuid().optional(),
  city: z.string().max(200).optional(),
  /** Deleted members instead of current ones: hidden everywhere else, still stored and restorable. */
  deleted: z.boolean().optional(),
  /** Members with a value of this field of the chapter's own (any value, unless `fieldValue`). */
  fieldId: z.uuid().optional(),
  /** The value: a choice, yes/no, number or date as stored; text found anywhere in a text field's. */
  fieldValue: z.string().trim().min(1).max(500).optional(),
  sort: z.enum(MEMBER_SORT_FIELDS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
};

export const memberListInput = z.strictObject({
  ...MEMBER_LIST_FILTERS,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type MemberListInput = z.input<typeof memberListInput>;

export interface MemberPage {
  rows: Member[];
  total: number;
}

/** Who made a change, as people know them: an officer's name and a laptop's, never a node id. */
export interface ChangeAuthor {
  /** The officer's name the change carried; null for changes from laptops that sent none. */
  officer: string | null;
  /** The name the laptop enrolled with; null when it is this laptop or its name is not known yet. */
  laptop: string | null;
  thisLaptop: boolean;
}

export interface HistoryEntry {
  hlc: string;
  at: string;
  /** The field as the contract names it (firstName, phoneE164, deleted…). */
  column: string;
  value: unknown;
  by: ChangeAuthor;
}

/** A value that lost a sync conflict, kept so the secretary can put it back. */
export interface Conflict {
  id: number;
  table: string;
  rowId: string;
  /** A label for the row (the member's name) when there is one. */
  rowLabel: string | null;
  /** The field as the contract names it (firstName, city…). */
  column: string;
  lostValue: unknown;
  /** When the value that lost was written (ISO 8601). */
  lostAt: string;
  lostBy: ChangeAuthor;
  wonValue: unknown;
  wonBy: ChangeAuthor;
  detectedAt: string;
}

export const SYNC_STATES = ['not-enrolled', 'idle', 'syncing', 'offline', 'error'] as const;
export type SyncStateName = (typeof SYNC_STATES)[number];

export interface SyncStatus {
  state: SyncStateName;
  serverUrl: string | null;
  /** Local changes not yet acknowledged by the server. */
  pending: number;
  lastSyncAt: string | null;
  error: { code: string; message: string } | null;
  progress: { phase: 'push' | 'pull'; done: number; total: number | null } | null;
  nextAttemptAt: string | null;
  openConflicts: number;
  /**
   * Changes received from the server and set aside instead of applied: a field this version does
   * not have yet, or a value that does not fit its field.
   */
  heldChanges: number;
  /** This laptop's connection settings (metered, budget), kept in its file and never synced. */
  network: NetworkSettings;
  /** Why automatic sync is holding back on the metered connection; "Sync now" goes ahead. */
  meteredWait: MeteredWait;
  traffic: TrafficFigures;
}

export const syncEnrollInput = z.strictObject({
  serverUrl: z.string().trim().min(1, 'Give the server address').max(500),
  code: z.string().trim().min(1, 'Give the enrolment code').max(64),
  officerName: z.string().trim().max(200).optional(),
});
