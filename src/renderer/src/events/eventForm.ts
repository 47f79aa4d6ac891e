import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors';
import type { ChapterEvent, EventKind, eventCreateInput } from '../../../shared/events';
import { fieldErrors, type FieldErrors } from '../forms/fieldErrors';
import { defaultTimes, localInputValue } from './eventTime';

export type EventInput = z.input<typeof eventCreateInput>;

/** What the event form holds: strings as typed, times as wall clock in the chapter's zone. */
export interface EventFormValues {
  title: string;
  kind: EventKind;
  startsAt: string;
  endsAt: string;
  venue: string;
  onlineLink: string;
  capacity: string;
  quorum: string;
  description: string;
}

export const EVENT_FIELDS = [
  'title',
  'kind',
  'startsAt',
  'endsAt',
  'venue',
  'onlineLink',
  'capacity',
  'quorum',
  'description',
] as const satisfies readonly (keyof EventFormValues)[];

export function eventFormValues(
  event: ChapterEvent | null,
  timeZone: string | null,
  now: Date,
): EventFormValues {
  if (!event) {
    return {
      title: '',
      kind: 'meeting',
      ...defaultTimes(timeZone, now),
      venue: '',
      onlineLink: '',
      capacity: '',
      quorum: '',
      description: '',
    };
  }
  return {
    title: event.title,
    kind: event.kind,
    startsAt: localInputValue(event.startsAt, event.timeZone),
    endsAt: localInputValue(event.endsAt, event.timeZone),
    venue: event.venue ?? '',
    onlineLink: event.onlineLink ?? '',
    capacity: event.capacity === null ? '' : String(event.capacity),
    quorum: event.quorum ?? '',
    description: event.description ?? '',
  };
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const QUORUM = /^(\d{1,6}|\d{1,3}(\.\d{1,2})?%)$/;

function isDateTime(value: string): boolean {
  if (!DATE_TIME.test(value)) return false;
  const parsed = new Date(`${value}:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 16) === value;
}

function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** What to send to `events.create`, or what to fix first, in the secretary's language. */
export function checkEvent(
  values: EventFormValues,
  t: TFunction,
): { input: EventInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = values.title.trim();
  if (!title) errors['title'] = t('events.validation.title');
  else if (title.length > 200) errors['title'] = t('validation.tooLong', { max: 200 });
  if (!isDateTime(values.startsAt)) errors['startsAt'] = t('events.validation.dateTime');
  if (!isDateTime(values.endsAt)) errors['endsAt'] = t('events.validation.dateTime');
  // Both are wall-clock times in the same zone, which order as plain strings.
  else if (isDateTime(values.startsAt) && values.endsAt < values.startsAt)
    errors['endsAt'] = t('events.validation.endsBeforeStart');
  if (values.venue.trim().length > 500) errors['venue'] = t('validation.tooLong', { max: 500 });
  const link = values.onlineLink.trim();
  if (link && !isWebLink(link)) errors['onlineLink'] = t('events.validation.onlineLink');
  const capacity = values.capacity.trim();
  const capacityNumber = Number(capacity);
  if (capacity && (!/^\d+$/.test(capacity) || capacityNumber < 1 || capacityNumber > 1_000_000))
    errors['capacity'] = t('events.validation.capacity');
  const quorum = values.kind === 'agm' ? values.quorum.trim().replace(/\s+%$/, '%') : '';
  if (quorum && (!QUORUM.test(quorum) || (quorum.endsWith('%') && Number(quorum.slice(0, -1)) > 100)))
    errors['quorum'] = t('events.validation.quorum');
  if (values.description.trim().length > 5000) errors['description'] = t('validation.tooLong', { max: 5000 });
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      title,
      kind: values.kind,
      startsAt: values.startsAt,
      endsAt: values.endsAt,
      venue: values.venue.trim(),
      onlineLink: link,
      capacity: capacity ? capacityNumber : null,
      quorum: quorum || null,
      description: values.description.trim(),
    },
  };
}

/** Only what the secretary changed, so an edit on one laptop never rewrites the other fields. */
export function eventPatch(
  initial: EventFormValues,
  values: EventFormValues,
  input: EventInput,
): Partial<EventInput> {
  const patch: Partial<EventInput> = {};
  const changed = (field: keyof EventFormValues) => initial[field].trim() !== values[field].trim();
  if (changed('title')) patch.title = input.title;
  if (changed('kind')) patch.kind = input.kind;
  if (changed('startsAt')) patch.startsAt = input.startsAt;
  if (changed('endsAt')) patch.endsAt = input.endsAt;
  if (changed('venue')) patch.venue = input.venue ?? '';
  if (changed('onlineLink')) patch.onlineLink = input.onlineLink ?? '';
  if (changed('capacity')) patch.capacity = input.capacity ?? null;
  if (changed('quorum') && input.kind === 'agm') patch.quorum = input.quorum ?? null;
  if (changed('description')) patch.description = input.description ?? '';
  return patch;
}

/** The event form's and a guest's words for their fields, whatever the schema refused in them. */
const FIELD_WORDS: Partial<
  Record<string, 'title' | 'dateTime' | 'onlineLink' | 'capacity' | 'quorum' | 'guestName' | 'email'>
> = {
  title: 'title',
  startsAt: 'dateTime',
  endsAt: 'dateTime',
  onlineLink: 'onlineLink',
  capacity: 'capacity',
  quorum: 'quorum',
  guestName: 'guestName',
  guestEmail: 'email',
};

/** The server's field issues for an event or a guest, worded in the secretary's language. */
export function eventServerErrors(issues: readonly FieldIssue[], t: TFunction): FieldErrors {
  return fieldErrors(issues, t, (field) => {
    const words = FIELD_WORDS[field];
    return words ? t(`events.validation.${words}`) : undefined;
  });
}
