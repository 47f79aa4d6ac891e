import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { fr as frCatalogue } from '../i18n/fr';
import { problemsFr } from '../i18n/problemsFr';
import { eventsFr } from './eventsFr';
import { checkEvent, eventPatch, eventServerErrors, type EventFormValues } from './eventForm';
import { addMinutes, defaultTimes, eventTimeFormat, localInputValue, minutesBetween } from './eventTime';

/** Keys instead of words, with the count when there is one. */
const t = ((key: string, options?: { count?: number; max?: number }) =>
  options?.count !== undefined
    ? `${key}:${options.count}`
    : options?.max !== undefined
      ? `${key}:${options.max}`
      : key) as unknown as TFunction;

const values = (change: Partial<EventFormValues> = {}): EventFormValues => ({
  title: 'AGM',
  kind: 'agm',
  startsAt: '2026-03-14T18:00',
  endsAt: '2026-03-14T20:00',
  venue: '',
  onlineLink: '',
  capacity: '',
  quorum: '',
  description: '',
  ...change,
});

describe('event times on the chapter’s clock', () => {
  it('shows an instant as the wall clock of the chapter’s zone, not the laptop’s', () => {
    expect(localInputValue('2026-03-14T15:00:00.000Z', 'Africa/Nairobi')).toBe('2026-03-14T18:00');
    expect(localInputValue('2026-03-14T15:00:00.000Z', 'America/Sao_Paulo')).toBe('2026-03-14T12:00');
    expect(localInputValue('not a date', 'Africa/Nairobi')).toBe('');
  });

  it('measures and moves wall-clock times across midnight and months', () => {
    expect(minutesBetween('2026-03-14T18:00', '2026-03-14T20:30')).toBe(150);
    expect(minutesBetween('2026-03-14T18:00', '')).toBeNull();
    expect(addMinutes('2026-01-31T23:00', 120)).toBe('2026-02-01T01:00');
  });

  it('proposes tomorrow evening in the chapter for a new event', () => {
    // 23:30 UTC on 14 March is already 15 March in Nairobi: tomorrow there is the 16th.
    expect(defaultTimes('Africa/Nairobi', new Date('2026-03-14T23:30:00Z'))).toEqual({
      startsAt: '2026-03-16T18:00',
      endsAt: '2026-03-16T20:00',
    });
  });

  it('formats times in the event’s zone', () => {
    const format = eventTimeFormat('en-GB');
    expect(format.time('2026-03-14T15:02:00Z', 'Africa/Nairobi')).toBe('18:02');
    expect(format.range('2026-03-14T15:00:00Z', '2026-03-14T17:00:00Z', 'Africa/Nairobi')).toMatch(
      /14 Mar 2026.*18:00.*20:00/,
    );
    expect(format.tile('2026-03-14T22:00:00Z', 'Africa/Nairobi').day).toBe('15');
  });
});

describe('checkEvent', () => {
  it('sends wall-clock strings and empty fields as nothing', () => {
    expect(checkEvent(values({ quorum: '50 %', capacity: '40' }), t)).toEqual({
      input: {
        title: 'AGM',
        kind: 'agm',
        startsAt: '2026-03-14T18:00',
        endsAt: '2026-03-14T20:00',
        venue: '',
        onlineLink: '',
        capacity: 40,
        quorum: '50%',
        description: '',
      },
    });
  });

  it('refuses an event that ends before it starts, at the end', () => {
    expect(checkEvent(values({ endsAt: '2026-03-14T17:00' }), t)).toEqual({
      errors: { endsAt: 'events.validation.endsBeforeStart' },
    });
  });

  it('checks each field in the secretary’s words', () => {
    const checked = checkEvent(
      values({ title: ' ', startsAt: '', onlineLink: 'meet.example.org', capacity: '0', quorum: '120%' }),
      t,
    );
    expect(checked).toEqual({
      errors: {
        title: 'events.validation.title',
        startsAt: 'events.validation.dateTime',
        onlineLink: 'events.validation.onlineLink',
        capacity: 'events.validation.capacity',
        quorum: 'events.validation.quorum',
      },
    });
  });

  it('ignores a quorum typed for an event that is not an AGM', () => {
    const checked = checkEvent(values({ kind: 'meeting', quorum: 'lots' }), t);
    expect('input' in checked && checked.input.quorum).toBeNull();
  });
});

describe('eventPatch', () => {
  it('sends only what changed, an emptied capacity as null', () => {
    const initial = values({ capacity: '30', venue: 'Hall' });
    const edited = values({ capacity: '', venue: 'Hall', title: 'AGM 2026' });
    const checked = checkEvent(edited, t);
    if (!('input' in checked)) throw new Error('expected input');
    expect(eventPatch(initial, edited, checked.input)).toEqual({ title: 'AGM 2026', capacity: null });
  });
});

describe('eventServerErrors', () => {
  it('words the service’s problems and the schema’s issues in French, never the English message', async () => {
    const fr = i18next.createInstance();
    await fr.init({
      lng: 'fr',
      resources: { fr: { translation: { ...frCatalogue, ...eventsFr, ...problemsFr } } },
      showSupportNotice: false,
    });
    const errors = eventServerErrors(
      [
        {
          field: 'endsAt',
          message: 'The event ends before it starts',
          problem: { code: 'EVENT_ENDS_BEFORE_START', params: {} },
        },
        {
          field: 'patch.capacity',
          message: '12 people are already checked in; the capacity cannot be lower',
          problem: { code: 'CAPACITY_BELOW_CHECKED_IN', params: { count: 12 } },
        },
        {
          field: 'patch.quorum',
          message: 'A percentage is at most 100%',
          problem: { code: 'custom', params: {} },
        },
        {
          field: 'venue',
          message: 'Too big: expected string to have <=500 characters',
          problem: { code: 'too_big', params: { origin: 'string', maximum: 500 } },
        },
        { field: 'kind', message: 'Invalid option', problem: { code: 'invalid_value', params: {} } },
      ],
      fr.t,
    );
    expect(errors).toEqual({
      endsAt: 'L’événement se termine avant de commencer',
      capacity: '12 personnes sont déjà présentes : il faut au moins autant de places',
      quorum: eventsFr.events.validation.quorum,
      venue: '500 caractères au maximum',
      kind: 'Ne fait pas partie des choix',
    });
  });
});
