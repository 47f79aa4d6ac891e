import { z } from 'zod';
import type { MemberStatus } from './dues/status';
import type { Problem } from './problems';
import { MAX_FILE_BASE64 } from './imports';

export const EVENT_KINDS = ['meeting', 'training', 'workshop', 'webinar', 'agm', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * A date and time as people give them: `2026-03-14T18:00` is read in the chapter's time zone;
 * one with an offset or Z (`2026-03-14T17:00:00Z`) is that instant.
 */
export const dateTimeInput = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/,
    'Use a date and time like 2026-03-14T18:00',
  );

/** "20" people or "10%" of the members in good standing. */
export const quorumInput = z
  .string()
  .trim()
  .regex(/^(\d{1,6}|\d{1,3}(\.\d{1,2})?%)$/, 'Give a number of members (20) or a percentage (10%)')
  .refine((q) => !q.endsWith('%') || Number(q.slice(0, -1)) <= 100, 'A percentage is at most 100%');

const eventFields = {
  title: z.string().trim().min(1, 'Give the event a title').max(200),
  kind: z.enum(EVENT_KINDS),
  startsAt: dateTimeInput,
  endsAt: dateTimeInput,
  venue: z.string().trim().max(500).optional(),
  onlineLink: z
    .union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Give a link starting with https://' })])
    .optional(),
  capacity: z.number().int().min(1).max(1_000_000).nullable().optional(),
  quorum: z
    .union([z.literal(''), quorumInput])
    .nullable()
    .optional(),
  description: z.string().trim().max(5000).optional(),
};

export const eventCreateInput = z.strictObject(eventFields);
export const eventUpdateInput = z.strictObject({
  id: z.uuid(),
  patch: z.strictObject(eventFields).partial(),
});

export const eventListInput = z.strictObject({
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export interface EventCounts {
  /** Confirmed places (not the waiting list, not cancelled). */
  registered: number;
  waiting: number;
  /** People present, walk-ins included, once each. */
  checkedIn: number;
  walkIns: number;
  completed: number;
}

export interface QuorumState {
  /** Members in good standing who are present. */
  present: number;
  /** Members in good standing on the event's day. */
  eligible: number;
  required: number;
  met: boolean;
  /** When the required-th eligible member checked in. */
  metAt: string | null;
}

export interface ChapterEvent {
  id: string;
  title: string;
  kind: EventKind;
  /** Instants (UTC ISO); `timeZone` is the chapter's, to show them. */
  startsAt: string;
  endsAt: string;
  timeZone: string | null;
  venue: string | null;
  onlineLink: string | null;
  capacity: number | null;
  quorum: string | null;
  description: string | null;
  cancelled: boolean;
  counts: EventCounts;
  quorumState: QuorumState | null;
}

export interface EventPage {
  rows: ChapterEvent[];
  total: number;
}

export const REGISTRATION_STATES = ['confirmed', 'waiting', 'cancelled'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/** One person on an event's list: registered (confirmed or waiting) or a walk-in. */
export interface Attendee {
  /** The registration, or for a walk-in its attendance row. */
  id: string;
  registrationId: string | null;
  memberId: string | null;
  memberNumber: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  guest: boolean;
  state: RegistrationState | 'walk-in';
  /** 1-based place on the waiting list. */
  waitingPosition: number | null;
  checkedInAt: string | null;
  completed: boolean;
  /** Null for guests and deleted members: neither counts as a member in good standing. */
  memberStatus: MemberStatus | null;
  /** A registered member who has since been deleted: listed by name, marked, restorable. */
  memberDeleted: boolean;
  /** The person (member or guest) was erased for good: the place stays, with no name. */
  erased: boolean;
}

export interface EventDetail extends ChapterEvent {
  attendees: Attendee[];
}

/** A guest's details, as a registration stores them (also the sync registry's limits). */
export const guestFields = {
  guestName: z.string().trim().min(1, 'Give the guest’s name').max(200),
  guestEmail: z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .max(320)
        .pipe(z.email({ error: 'Not a valid email address' })),
    ])
    .optional(),
  guestPhone: z.string().trim().max(60).optional(),
};

/** A member or a guest: exactly one of the two. */
export const personInput = z.union([
  z.strictObject({ eventId: z.uuid(), memberId: z.uuid() }),
  z.strictObject({ eventId: z.uuid(), ...guestFields }),
]);

export const registrationCancelInput = z.strictObject({ eventId: z.uuid(), registrationId: z.uuid() });

export const checkInInput = z.union([
  z.strictObject({ eventId: z.uuid(), memberId: z.uuid() }),
  z.strictObject({ eventId: z.uuid(), registrationId: z.uuid() }),
  z.strictObject({ eventId: z.uuid(), ...guestFields }),
]);

export interface CheckInResult {
  attendee: Attendee;
  /** True when the person was already checked in: nothing was written. */
  already: boolean;
  counts: EventCounts;
  quorumState: QuorumState | null;
}

export const checkInUndoInput = z.strictObject({ eventId: z.uuid(), attendeeId: z.uuid() });
export const completionInput = z.strictObject({
  eventId: z.uuid(),
  attendeeId: z.uuid(),
  completed: z.boolean(),
});
export const guestConvertInput = z.strictObject({ eventId: z.uuid(), attendeeId: z.uuid() });

export const eventSearchInput = z.strictObject({
  eventId: z.uuid(),
  query: z.string().max(200),
  limit: z.number().int().min(1).max(50).default(8),
});

export const attendanceReportInput = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
});

export interface AttendanceReport {
  from: string;
  to: string;
  events: number;
  attendances: number;
  members: number;
  guests: number;
  firstTimers: number;
  /** Distinct people who completed a training in the period, members and guests. */
  trained: number;
}

export interface MemberAttendance {
  eventId: string;
  title: string;
  kind: EventKind;
  startsAt: string;
  checkedInAt: string;
  completed: boolean;
}

export const registrationsImportInput = z.strictObject({
  eventId: z.uuid(),
  fileName: z.string().trim().min(1).max(260),
  data: z.base64().max(MAX_FILE_BASE64),
  dryRun: z.boolean().default(false),
});

export interface RegistrationsImportResult {
  rows: number;
  members: number;
  guests: number;
  alreadyRegistered: number;
  /** Rows left out: `message` in English for the command line, `problem` for the renderer to word. */
  rejected: { row: number; field: string; message: string; problem: Problem }[];
}
