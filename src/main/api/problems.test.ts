import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../tests/helpers/chapter';
import type { ApiErrorBody, Result } from '../../shared/errors';
import { dispatch } from './dispatch';

/**
 * What the renderer receives when a secretary trips over something: the error's code, and the
 * problem with the values it words them with, on the error and on the field to mark.
 */
let chapter: TestChapter;
afterEach(() => chapter?.close());

const silent = { error: () => undefined };

async function refused(name: string, input: unknown): Promise<ApiErrorBody> {
  const result: Result<unknown> = await dispatch(chapter.handlers, name, input, silent);
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.error;
}

async function value<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(chapter.handlers, name, input, silent);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
  return result.value as T;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('problems at the contract boundary: zod’s issues as codes with their values', () => {
  it('names a length limit, a format and a rule of the schema, field by field', async () => {
    chapter = openTestChapter();
    const error = await refused('members.create', { firstName: 'x'.repeat(201), email: 'not-an-email' });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields).toEqual([
      expect.objectContaining({
        field: 'firstName',
        problem: { code: 'too_big', params: { origin: 'string', maximum: 200 } },
      }),
      expect.objectContaining({
        field: 'email',
        problem: { code: 'invalid_format', params: { format: 'email' } },
      }),
    ]);
    const member = await value<{ id: string }>('members.create', { firstName: 'Awa' });
    const period = await refused('payments.record', {
      memberId: member.id,
      amount: '20',
      method: 'cash',
      periodFrom: '2026-01-01',
    });
    expect(period.details?.fields).toEqual([
      expect.objectContaining({ field: 'periodTo', problem: { code: 'PERIOD_HALF_GIVEN', params: {} } }),
    ]);
  });
});

describe('problems the services name', () => {
  it('members: an email another member uses names that member', async () => {
    chapter = openTestChapter();
    const awa = await value<{ id: string }>('members.create', {
      firstName: 'Awa',
      lastName: 'Diallo',
      email: 'awa@example.org',
    });
    const error = await refused('members.create', { firstName: 'Other', email: 'AWA@example.org' });
    expect(error.code).toBe('CONFLICT');
    expect(error.details?.problem).toEqual({
      code: 'EMAIL_TAKEN',
      params: { name: 'Awa Diallo', memberId: awa.id },
    });
    expect(error.details?.fields?.[0]).toMatchObject({ field: 'email', problem: { code: 'EMAIL_TAKEN' } });
    // The command line still reads English.
    expect(error.message).toBe('Another member (Awa Diallo) already uses this email.');
  });

  it('events: registering twice, and a capacity below the people already in with their count', async () => {
    chapter = openTestChapter();
    const event = await value<{ id: string }>('events.create', {
      title: 'Training',
      kind: 'training',
      startsAt: '2026-04-01T18:00',
      endsAt: '2026-04-01T20:00',
    });
    const names = ['Awa', 'Binta', 'Chidi'];
    for (const guestName of names) await value('events.checkIn', { eventId: event.id, guestName });
    const member = await value<{ id: string }>('members.create', { firstName: 'Dede' });
    await value('events.register', { eventId: event.id, memberId: member.id });
    const twice = await refused('events.register', { eventId: event.id, memberId: member.id });
    expect(twice).toMatchObject({
      code: 'CONFLICT',
      details: { problem: { code: 'ALREADY_REGISTERED', params: {} } },
    });

    const capacity = await refused('events.update', { id: event.id, patch: { capacity: 2 } });
    expect(capacity.details?.fields).toEqual([
      expect.objectContaining({
        field: 'capacity',
        problem: { code: 'CAPACITY_BELOW_CHECKED_IN', params: { count: 3 } },
      }),
    ]);
  });

  it('payments and types: voiding twice says the first reason; a type name already taken names it', async () => {
    chapter = openTestChapter();
    const member = await value<{ id: string }>('members.create', { firstName: 'Awa' });
    const receipt = await value<{ id: string }>('payments.record', {
      memberId: member.id,
      amount: '20',
      method: 'cash',
    });
    await value('payments.void', { id: receipt.id, reason: 'Typed twice' });
    const again = await refused('payments.void', { id: receipt.id, reason: 'Again' });
    expect(again).toMatchObject({
      code: 'CONFLICT',
      details: { problem: { code: 'PAYMENT_ALREADY_VOIDED', params: { reason: 'Typed twice' } } },
    });

    const taken = await refused('membershipTypes.create', { name: 'individual' });
    expect(taken.details?.fields?.[0]).toMatchObject({
      field: 'name',
      problem: { code: 'TYPE_NAME_TAKEN', params: { name: 'individual' } },
    });
  });

  it('files: one that cannot be read, one without a column for anyone, rows refused each with its problem', async () => {
    chapter = openTestChapter();
    const empty = await refused('imports.inspect', { fileName: 'members.csv', data: '' });
    expect(empty).toMatchObject({ code: 'VALIDATION', details: { problem: { code: 'FILE_EMPTY' } } });

    const event = await value<{ id: string }>('events.create', {
      title: 'AGM',
      kind: 'agm',
      startsAt: '2026-04-01T18:00',
      endsAt: '2026-04-01T20:00',
    });
    const nobody = await refused('events.importRegistrations', {
      eventId: event.id,
      fileName: 'form.csv',
      data: base64('Ticket;Paid\n1;yes\n'),
    });
    expect(nobody.details?.problem).toEqual({ code: 'REGISTRATIONS_FILE_NO_PERSON', params: {} });

    const preview = await value<{ rejected: unknown[] }>('events.importRegistrations', {
      eventId: event.id,
      fileName: 'form.csv',
      data: base64('Name;Email\nAwa Diallo;awa@\n;\n'),
      dryRun: true,
    });
    expect(preview.rejected).toEqual([
      expect.objectContaining({
        row: 2,
        problem: { code: 'REGISTRATION_EMAIL_INVALID', params: { email: 'awa@' } },
      }),
    ]);
  });

  it('chapter settings: the same officer twice', async () => {
    chapter = openTestChapter();
    const error = await refused('chapter.update', { officers: ['Amina', 'amina'] });
    expect(error.details?.fields?.[0]).toMatchObject({
      field: 'officers',
      problem: { code: 'OFFICERS_REPEATED', params: {} },
    });
  });
});
