import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import type { PersonData } from '../../../shared/person-data';
import { createWriteContexts } from '../device/device';
import { runImport } from '../imports/job';

let chapter: TestChapter;
afterEach(() => chapter?.close());

const fromBase64 = (data: string) => JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as PersonData;

async function seed() {
  chapter = openTestChapter({ at: '2026-03-15T10:00:00Z' });
  const { handlers } = chapter;
  const amina = handlers['members.create']({
    firstName: 'Amina',
    lastName: 'Diallo',
    email: 'amina@example.org',
    phone: '06 12 34 56 78',
    city: 'Lyon',
  });
  const other = handlers['members.create']({
    firstName: 'Bastien',
    lastName: 'Okoro',
    email: 'bastien@example.org',
    phone: '07 98 76 54 32',
    notes: 'Prefers letters',
  });
  handlers['members.update']({ id: amina.id, patch: { city: 'Villeurbanne' } });
  const paid = handlers['payments.record']({ memberId: amina.id, amount: '30', method: 'cash', periods: 1 });
  handlers['payments.void']({ id: paid.id, reason: 'Wrong amount' });
  const kept = handlers['payments.record']({ memberId: amina.id, amount: '30', method: 'cash', periods: 1 });
  const othersPayment = handlers['payments.record']({
    memberId: other.id,
    amount: '30',
    method: 'card',
    reference: 'BASTIEN-REF',
    periods: 1,
  });
  const event = handlers['events.create']({
    title: 'Annual meeting',
    kind: 'agm',
    startsAt: '2026-04-01T18:00',
    endsAt: '2026-04-01T20:00',
  });
  handlers['events.register']({ eventId: event.id, memberId: amina.id });
  handlers['events.checkIn']({ eventId: event.id, memberId: amina.id });
  handlers['events.checkIn']({ eventId: event.id, memberId: other.id });
  handlers['events.checkIn']({
    eventId: event.id,
    guestName: 'Chidi Guest',
    guestEmail: 'chidi@example.org',
  });
  // One file that changes Amina and adds someone else: only Amina's part of it is hers.
  const ctx = createWriteContexts(chapter.db, () => new Date(chapter.clock.now))();
  await runImport(ctx, {
    fileName: 'spring.csv',
    dryRun: false,
    bytes: new TextEncoder().encode(
      'First name,Last name,Email,City\nAmina,Diallo,amina@example.org,Bron\nDora,Mensah,dora@example.org,Lyon\n',
    ),
  });
  return { amina, other, paid, kept, othersPayment, event };
}

describe('a person’s data on request', () => {
  it('holds every stored value about the member: row, history, payments and voids, registrations, imports', async () => {
    const { amina, paid, kept, event } = await seed();
    const data = chapter.handlers['print.personData']({ memberId: amina.id });

    expect(data.format).toBe('chapterdesk.person-data');
    expect(data.member).toMatchObject({
      id: amina.id,
      first_name: 'Amina',
      email: 'amina@example.org',
      phone_e164: '+33612345678',
      city: 'Bron',
      deleted: 0,
    });
    expect(data.status).toBe('active');
    expect(data.payments.map((p) => [p.id, p.void?.reason ?? null])).toEqual([
      [paid.id, 'Wrong amount'],
      [kept.id, null],
    ]);
    expect(data.registrations).toHaveLength(1);
    expect(data.registrations[0]!.event).toMatchObject({ id: event.id, title: 'Annual meeting' });
    expect(data.attendance).toHaveLength(1);
    expect(data.attendance[0]).toMatchObject({ member_id: amina.id, present: 1 });

    const cities = data.history
      .filter((c) => c.table === 'members' && c.column === 'city')
      .map((c) => c.value);
    expect(cities).toEqual(['Lyon', 'Villeurbanne', 'Bron']);
    expect(data.history.some((c) => c.table === 'payment_voids' && c.column === 'reason')).toBe(true);
    expect(data.history.every((c) => c.officer === 'Amina' && c.refusedBecause === null)).toBe(true);

    expect(data.imports).toEqual([
      expect.objectContaining({
        fileName: 'spring.csv',
        action: 'updated',
        previous: expect.objectContaining({ city: 'Villeurbanne' }),
      }),
    ]);
  });

  it('holds nothing about anyone else: not the other member, their payment, the guest or the imported stranger', async () => {
    const { amina, other, othersPayment } = await seed();
    const file = chapter.handlers['members.exportPerson']({ id: amina.id });
    expect(file.mimeType).toBe('application/json');
    expect(file.fileName).toMatch(/^person-data-1-2026-03-15\.json$/);
    const text = Buffer.from(file.data, 'base64').toString('utf8');
    for (const stranger of [
      other.id,
      'Bastien',
      'bastien@example.org',
      '+33798765432',
      'Prefers letters',
      othersPayment.id,
      'BASTIEN-REF',
      'Chidi',
      'chidi@example.org',
      'Dora',
      'dora@example.org',
    ]) {
      expect(text, stranger).not.toContain(stranger);
    }
    expect(fromBase64(file.data).member.id).toBe(amina.id);
  });

  it('exports a deleted member, who is still stored, and shows them deleted', async () => {
    const { amina } = await seed();
    chapter.handlers['members.delete']({ id: amina.id });
    const data = fromBase64(chapter.handlers['members.exportPerson']({ id: amina.id }).data);
    expect(data.member.deleted).toBe(1);
    expect(data.payments).toHaveLength(2);
  });

  it('holds the duplicate records merged into the member, which an erasure takes with them', async () => {
    const { amina, other } = await seed();
    const { handlers } = chapter;
    const duplicate = handlers['members.create']({
      firstName: 'A.',
      lastName: 'Diallo',
      email: 'amina.old@example.org',
      notes: 'Came twice',
    });
    const stray = handlers['payments.record']({ memberId: duplicate.id, amount: '5', method: 'cash' });
    handlers['members.merge']({ keepId: amina.id, otherId: duplicate.id });
    // A payment recorded for the duplicate by a laptop that had not pulled the merge yet.
    chapter.db.prepare(`UPDATE payments SET member_id = ? WHERE id = ?`).run(duplicate.id, stray.id);

    const data = fromBase64(handlers['members.exportPerson']({ id: amina.id }).data);

    expect(data.member.id).toBe(amina.id);
    expect(data.mergedRecords).toEqual([
      expect.objectContaining({ id: duplicate.id, email: 'amina.old@example.org', merged_into: amina.id }),
    ]);
    expect(data.payments.map((p) => p.id)).toContain(stray.id);
    expect(
      data.history.some((c) => c.rowId === duplicate.id && c.column === 'notes' && c.value === 'Came twice'),
    ).toBe(true);
    const page = handlers['print.personData']({ memberId: amina.id });
    expect(page.mergedRecords).toHaveLength(1);
    // Someone else's record is never someone's duplicate.
    expect(JSON.stringify(data)).not.toContain(other.id);
  });

  it('refuses an id no member has', async () => {
    await seed();
    expect(() =>
      chapter.handlers['members.exportPerson']({ id: '00000000-0000-4000-8000-000000000000' }),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
