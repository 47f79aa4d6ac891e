import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../tests/helpers/chapter';
import { SYNCED_FIELDS, SYNCED_TABLES } from '../../shared/fields';
import { valueIssue } from '../../shared/fields/check';
import { paymentListInput } from '../../shared/payments';
import { expandChange, type ChangeRow } from '../db/changes';
import { syncableColumns } from './apply';
import { chapterUpdateInput } from '../../shared/chapter-settings';

let chapter: TestChapter;
afterEach(() => chapter?.close());

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('the field registry against the chapter file', () => {
  it('describes every column sync carries, and nothing else', () => {
    chapter = openTestChapter();
    for (const table of SYNCED_TABLES) {
      expect([...syncableColumns(chapter.db, table)!].sort(), table).toEqual(
        SYNCED_FIELDS[table].map((f) => f.column).sort(),
      );
    }
  });

  it('takes every value the app writes, at the limits of its forms and imports', async () => {
    chapter = openTestChapter({ at: '2026-03-15T10:00:00Z' });
    const { handlers } = chapter;
    handlers['chapter.setRetention']({ years: 100 });
    handlers['chapter.setRetention']({ years: null });
    handlers['chapter.update'](
      chapterUpdateInput.parse({
        officers: ['Amina', ...Array.from({ length: 49 }, (_, i) => `${i}`.padEnd(200, 'O'))],
        csvDelimiter: '\t',
        graceDays: 3650,
      }),
    );
    handlers['chapter.update'](
      chapterUpdateInput.parse({ officers: ['Amina'], csvDelimiter: null, locale: 'fr' }),
    );
    const type = handlers['membershipTypes.create']({
      name: 'T'.repeat(200),
      kind: 'family',
      fee: '12 500',
      currency: 'XOF',
      periodMonths: 1200,
      graceDays: 3650,
    });
    const member = handlers['members.create']({
      memberNumber: '9'.repeat(40),
      firstName: 'Ǆ'.repeat(200),
      lastName: 'ﷺ'.repeat(200),
      email: 'Someone.Long@Example.org',
      phone: '06 12 34 56 78',
      country: 'fr',
      addressLine1: 'a'.repeat(200),
      addressLine2: 'b'.repeat(200),
      postalCode: 'p'.repeat(20),
      city: 'c'.repeat(200),
      region: 'r'.repeat(200),
      organisation: 'o'.repeat(200),
      typeId: type.id,
      joinedOn: '2024-02-29',
      paidThrough: '2025-12-31',
      notes: 'n'.repeat(5000),
      consentEmail: true,
      consentSms: false,
    });
    const fields = [
      handlers['customFields.create']({ label: 'L'.repeat(80), kind: 'text' }),
      handlers['customFields.create']({
        label: 'Size',
        kind: 'choice',
        choices: Array.from({ length: 100 }, (_, i) => `${i}`.padEnd(100, 'c')),
      }),
      handlers['customFields.create']({ label: 'Years', kind: 'number' }),
      handlers['customFields.create']({ label: 'Since', kind: 'date' }),
      handlers['customFields.create']({ label: 'Volunteer', kind: 'yesno' }),
    ];
    handlers['customFields.update']({ id: fields[1]!.id, choices: ['Small', 'Large'], position: 10_000 });
    handlers['customFields.update']({ id: fields[4]!.id, retired: true });
    handlers['members.update']({
      id: member.id,
      patch: { phone: 'not a number', country: '' },
      customFields: {
        [fields[0]!.id]: 'ǅ'.repeat(500),
        [fields[1]!.id]: ' large',
        [fields[2]!.id]: '-12 345 678 901,2345',
        [fields[3]!.id]: '29/02/2024',
      },
    });
    handlers['members.delete']({ id: member.id });
    handlers['members.restore']({ id: member.id });
    const payment = handlers['payments.record']({
      memberId: member.id,
      amount: '5000',
      method: 'mobile-money',
      reference: 'R'.repeat(100),
      note: 'N'.repeat(1000),
      periods: 2,
    });
    handlers['payments.void']({ id: payment.id, reason: 'V'.repeat(500) });

    const event = handlers['events.create']({
      title: 'E'.repeat(200),
      kind: 'agm',
      startsAt: '2026-04-01T18:00',
      endsAt: '2026-04-01T20:00:00+02:00',
      venue: 'v'.repeat(500),
      onlineLink: 'https://example.org/meet',
      capacity: 1_000_000,
      quorum: '12.5%',
      description: 'd'.repeat(5000),
    });
    handlers['events.register']({ eventId: event.id, memberId: member.id });
    handlers['events.checkIn']({ eventId: event.id, memberId: member.id });
    const guest = handlers['events.checkIn']({
      eventId: event.id,
      guestName: 'G'.repeat(200),
      guestEmail: 'guest@example.org',
      guestPhone: '+'.padEnd(60, '1'),
    });
    handlers['events.setCompleted']({ eventId: event.id, attendeeId: guest.attendee.id, completed: true });
    handlers['events.undoCheckIn']({ eventId: event.id, attendeeId: guest.attendee.id });

    // A form export with what its columns cannot hold: the rows are refused, never half-kept.
    const registrations = await handlers['events.importRegistrations']({
      eventId: event.id,
      fileName: 'form.csv',
      data: base64(
        [
          'Full name,Email address,Phone number',
          `${'L'.repeat(201)},,`,
          'José,josé@example.org,',
          `Pat,,${'1'.repeat(61)}`,
          'Fine Guest,fine@example.org,0711 000111',
        ].join('\n'),
      ),
      dryRun: false,
    });
    expect(registrations.rejected.map((r) => [r.row, r.field])).toEqual([
      [2, 'name'],
      [3, 'email'],
      [4, 'phone'],
    ]);
    expect(registrations.guests).toBe(1);

    // A statement line whose reference no payment can hold is left out; long details are cut to a note.
    const draft = await handlers['statements.inspect']({
      fileName: 'bank.csv',
      data: base64(
        [
          'Date,Details,Reference,Credit',
          `05/03/2026,${'D'.repeat(3000)},VIR0001,45.00`,
          `06/03/2026,Dues,${'X'.repeat(101)},45.00`,
        ].join('\n'),
      ),
    });
    expect(draft.lines.map((l) => [l.line, l.state])).toEqual([
      [2, 'unmatched'],
      [3, 'ignored'],
    ]);
    expect(draft.lines[1]!.ignoredBecause).toMatch(
      /^reference: Row 3: the reference in “Reference” is too long/,
    );
    handlers['statements.commit']({
      draftId: draft.draftId,
      assignments: [{ line: 2, memberId: member.id }],
    });
    const recorded = handlers['payments.list'](paymentListInput.parse({})).rows;
    expect(recorded.find((p) => p.reference === 'VIR0001')?.note).toHaveLength(1000);

    handlers['events.eraseGuest']({ id: guest.attendee.registrationId! });

    const entries = (chapter.db.prepare('SELECT * FROM changes').all() as ChangeRow[]).flatMap(expandChange);
    expect(new Set(entries.map((e) => e.tbl))).toEqual(new Set(SYNCED_TABLES));
    const refused = entries
      .map((e) => ({ field: `${e.tbl}.${e.col}`, issue: valueIssue(e.tbl, e.col, e.value) }))
      .filter((e) => e.issue !== null);
    expect(refused).toEqual([]);
  });
});
