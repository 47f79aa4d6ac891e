import { copyFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../api/handlers';
import { openDatabase } from '../../db/open';
import type { z } from 'zod';
import { paymentListInput } from '../../../shared/payments';
import { dispatch } from '../../api/dispatch';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';

let chapter: TestChapter;
afterEach(() => chapter?.close());

function setup(at = '2026-03-15T10:00:00Z') {
  chapter = openTestChapter({ at });
  const { handlers } = chapter;
  const type = handlers['membershipTypes.create']({
    name: 'Membre',
    kind: 'individual',
    fee: '5000',
    currency: 'XOF',
    periodMonths: 12,
    graceDays: 30,
  });
  const member = handlers['members.create']({ firstName: 'Awa', lastName: 'Diop', typeId: type.id });
  return { handlers, type, member };
}

const quiet = { error: () => undefined };

/** Handlers take parsed input: the list's defaults come from the contract. */
const listPayments = (handlers: TestChapter['handlers'], input: z.input<typeof paymentListInput>) =>
  handlers['payments.list'](paymentListInput.parse(input));

describe('recording payments', () => {
  it('refuses an amount that would pay past the year 9999, with nothing written', async () => {
    const { handlers, member } = setup();
    const century = handlers['membershipTypes.create']({
      name: 'Century',
      kind: 'individual',
      fee: '1',
      currency: 'XOF',
      periodMonths: 1200,
    });
    handlers['members.update']({ id: member.id, patch: { typeId: century.id } });
    for (const input of [
      { memberId: member.id, amount: '100', method: 'cash', periods: 100 },
      { memberId: member.id, amount: '1000000000', method: 'cash' },
    ]) {
      const result = await dispatch(handlers, 'payments.record', input, quiet);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', details: { fields: [{ field: 'amount' }] } },
      });
    }
    expect(listPayments(handlers, {}).rows).toEqual([]);
  });

  it('makes a new member active for one period from the day they pay, with a receipt number', () => {
    const { handlers, member } = setup();
    expect(handlers['members.get']({ id: member.id }).status).toBe('never-paid');
    const paid = handlers['payments.record']({ memberId: member.id, amount: '5000', method: 'cash' });
    expect(paid).toMatchObject({
      amountMinor: 5000,
      currency: 'XOF',
      paidOn: '2026-03-15',
      periodFrom: '2026-03-15',
      periodTo: '2027-03-14',
      status: 'active',
      paidThrough: '2027-03-14',
      officer: 'Amina',
    });
    expect(paid.receiptNumber).toMatch(/^[A-Z][2-9][A-Z]-000001$/);
    const second = handlers['payments.record']({ memberId: member.id, amount: '5000', method: 'cash' });
    expect(second.receiptNumber).toBe(paid.receiptNumber.replace('000001', '000002'));
  });

  it('renews from the current expiry while active or in grace, and from the payment day once lapsed', () => {
    const { handlers, member } = setup();
    handlers['payments.record']({
      memberId: member.id,
      amount: '5000',
      method: 'cash',
      paidOn: '2025-03-01',
    });
    // Paid through 2026-02-28; on 2026-03-15 they are in grace: the renewal continues from 1 March.
    expect(handlers['members.get']({ id: member.id }).status).toBe('grace');
    const renewal = handlers['payments.record']({
      memberId: member.id,
      amount: '5000',
      method: 'mobile-money',
    });
    expect(renewal).toMatchObject({ periodFrom: '2026-03-01', periodTo: '2027-02-28', status: 'active' });

    const lapsed = handlers['members.create']({
      firstName: 'Moussa',
      lastName: 'Fall',
      typeId: member.typeId!,
    });
    handlers['payments.record']({
      memberId: lapsed.id,
      amount: '5000',
      method: 'cash',
      paidOn: '2024-01-10',
    });
    expect(handlers['members.get']({ id: lapsed.id }).status).toBe('lapsed');
    const back = handlers['payments.record']({ memberId: lapsed.id, amount: '5000', method: 'cash' });
    expect(back).toMatchObject({ periodFrom: '2026-03-15', periodTo: '2027-03-14' });
  });

  it('covers part of a period for a partial payment and several periods for several fees', () => {
    const { handlers, member } = setup();
    const half = handlers['payments.record']({ memberId: member.id, amount: '2500', method: 'cash' });
    expect(half).toMatchObject({ periodFrom: '2026-03-15', periodTo: '2026-09-14' });
    const two = handlers['payments.record']({ memberId: member.id, amount: '10 000', method: 'cash' });
    expect(two).toMatchObject({ periodFrom: '2026-09-15', periodTo: '2028-09-14' });
    const tiny = handlers['payments.record']({ memberId: member.id, amount: '100', method: 'cash' });
    expect(tiny).toMatchObject({ periodFrom: null, periodTo: null, paidThrough: '2028-09-14' });
  });

  it('keeps a period the secretary gives', () => {
    const { handlers, member } = setup();
    const paid = handlers['payments.record']({
      memberId: member.id,
      amount: '5000',
      method: 'bank-transfer',
      reference: 'VIR-1',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
    });
    expect(paid).toMatchObject({
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      paidThrough: '2026-12-31',
    });
  });

  it('voids a payment with a reason, never deleting it, and the status follows', () => {
    const { handlers, member } = setup();
    const paid = handlers['payments.record']({ memberId: member.id, amount: '5000', method: 'cash' });
    const voided = handlers['payments.void']({ id: paid.id, reason: 'Typed for the wrong member' });
    expect(voided.void).toMatchObject({ reason: 'Typed for the wrong member', officer: 'Amina' });
    expect(voided).toMatchObject({ status: 'never-paid', paidThrough: null });
    const listed = listPayments(handlers, { memberId: member.id });
    expect(listed.total).toBe(1);
    expect(listed.rows[0]!.void?.reason).toBe('Typed for the wrong member');
    expect(() => handlers['payments.void']({ id: paid.id, reason: 'again' })).toThrow(/already voided/);
  });

  it('shows honorary and lifetime members as such whatever they pay', () => {
    const { handlers } = setup();
    const life = handlers['membershipTypes.create']({ name: 'À vie', kind: 'lifetime', fee: '100000' });
    const member = handlers['members.create']({ firstName: 'Ndeye', typeId: life.id });
    const paid = handlers['payments.record']({ memberId: member.id, amount: '100000', method: 'cash' });
    expect(paid).toMatchObject({ status: 'lifetime', periodFrom: null, periodTo: null });
  });
});

describe('bad payments are refused with the field named and nothing written', () => {
  it.each([
    [{ amount: '0' }, 'amount', /more than zero/],
    [{ amount: '-5000' }, 'amount', /more than zero/],
    [{ amount: 'abc' }, 'amount', /as a number/],
    [{ amount: '12.5' }, 'amount', /decimals/],
    [{ currency: 'ABC' }, 'currency', /ISO 4217/],
    [{ periodFrom: '2026-05-01', periodTo: '2026-04-01' }, 'periodTo', /ends before it starts/],
    [{ periodFrom: '2026-05-01' }, 'periodTo', /both/],
    [{ paidOn: '2026-02-30' }, 'paidOn', /date/],
  ])('%j', async (patch, field, message) => {
    const { handlers, member } = setup();
    const result = await dispatch(
      handlers,
      'payments.record',
      { memberId: member.id, amount: '5000', method: 'cash', ...patch },
      quiet,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    const issue = result.error.details?.fields?.find((f) => f.field === field);
    expect(issue?.message).toMatch(message);
    expect(listPayments(handlers, {}).total).toBe(0);
    expect(chapter.db.prepare(`SELECT count(*) AS n FROM changes WHERE tbl = 'payments'`).get()).toEqual({
      n: 0,
    });
  });

  it('refuses a void without a reason and a payment for a deleted member', async () => {
    const { handlers, member } = setup();
    const paid = handlers['payments.record']({ memberId: member.id, amount: '5000', method: 'cash' });
    const noReason = await dispatch(handlers, 'payments.void', { id: paid.id, reason: '  ' }, quiet);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(listPayments(handlers, {}).rows[0]!.void).toBeNull();

    handlers['members.delete']({ id: member.id });
    const forDeleted = await dispatch(
      handlers,
      'payments.record',
      { memberId: member.id, amount: '5000', method: 'cash' },
      quiet,
    );
    expect(forDeleted).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { fields: [{ field: 'memberId' }] } },
    });
    expect(listPayments(handlers, {}).total).toBe(1);
  });
});

describe('member edits', () => {
  it('never write the payments’ paid-through date back as the date from before dues', () => {
    const { handlers, member } = setup();
    const paid = handlers['payments.record']({ memberId: member.id, amount: '5000', method: 'cash' });
    handlers['members.update']({ id: member.id, patch: { city: 'Dakar' } });
    handlers['payments.void']({ id: paid.id, reason: 'Cheque bounced' });
    expect(handlers['members.get']({ id: member.id })).toMatchObject({ status: 'never-paid', city: 'Dakar' });
  });
});

describe('receipt numbers', () => {
  it('are never issued twice, even when the chapter file is put back from an older copy', () => {
    const { handlers, member, type } = setup();
    const pay = () =>
      handlers['payments.record']({ memberId: member.id, amount: '5000', method: 'cash' }).receiptNumber;
    const first = pay();
    const copy = `${chapter.path}.copy`;
    chapter.db.prepare(`VACUUM INTO ?`).run(copy);
    pay();
    const third = pay();
    expect(third).toBe(first.replace('000001', '000003'));
    chapter.db.close();
    copyFileSync(copy, chapter.path);
    rmSync(`${chapter.path}-wal`, { force: true });
    const restored = openDatabase(chapter.path);
    const handlers2 = createHandlers(restored, { now: () => new Date('2026-03-16T10:00:00Z') });
    const next = handlers2['payments.record']({
      memberId: member.id,
      amount: '5000',
      method: 'cash',
    }).receiptNumber;
    expect(next).toBe(first.replace('000001', '000004'));
    expect(handlers2['membershipTypes.list'](undefined).map((t) => t.id)).toContain(type.id);
    restored.close();
    chapter.db = openDatabase(chapter.path);
  });
});

describe('the lists behind the Dues figures', () => {
  it('lists members owing dues, and payments in a date range', () => {
    const { handlers, member, type } = setup();
    handlers['payments.record']({
      memberId: member.id,
      amount: '5000',
      method: 'cash',
      paidOn: '2025-01-10',
    });
    handlers['members.create']({
      firstName: 'Free',
      lastName: 'Rider',
      typeId: handlers['membershipTypes.list'](undefined)[0]!.id,
      paidThrough: '2020-01-01',
    });
    const late = handlers['members.create']({
      firstName: 'Late',
      lastName: 'Payer',
      typeId: type.id,
      paidThrough: '2026-03-01',
    });
    const owing = handlers['members.list']({
      query: '',
      sort: 'name',
      direction: 'asc',
      offset: 0,
      limit: 10,
      owing: true,
    });
    // Awa lapsed in January (paid through 2026-01-09, 30 days' grace), Late is in grace; the free type owes nothing.
    expect(owing.rows.map((m) => m.lastName).sort()).toEqual(['Diop', 'Payer']);
    expect(owing.rows.find((m) => m.id === late.id)?.status).toBe('grace');
    handlers['payments.record']({
      memberId: member.id,
      amount: '5000',
      method: 'cash',
      paidOn: '2026-03-01',
    });
    expect(listPayments(handlers, { from: '2026-01-01' }).rows.map((p) => p.paidOn)).toEqual(['2026-03-01']);
    expect(listPayments(handlers, { to: '2025-12-31' }).rows.map((p) => p.paidOn)).toEqual(['2025-01-10']);
  });
});

describe('the Dues screen’s figures', () => {
  it('counts members by status, expiring ones, what is owed, and collections by month and method without voids', () => {
    const { handlers, member, type } = setup();
    const euro = handlers['membershipTypes.create']({
      name: 'Euro',
      fee: '20',
      currency: 'EUR',
      periodMonths: 12,
    });
    handlers['payments.record']({
      memberId: member.id,
      amount: '5000',
      method: 'cash',
      paidOn: '2025-04-01',
    });
    const grace = handlers['members.create']({ firstName: 'G', typeId: type.id, paidThrough: '2026-03-01' });
    handlers['members.create']({ firstName: 'L', typeId: euro.id, paidThrough: '2025-01-01' });
    handlers['members.create']({ firstName: 'N', typeId: type.id });
    const voided = handlers['payments.record']({
      memberId: grace.id,
      amount: '5000',
      method: 'mobile-money',
      paidOn: '2026-03-10',
    });
    handlers['payments.void']({ id: voided.id, reason: 'Bounced' });
    handlers['payments.record']({
      memberId: grace.id,
      amount: '2500',
      method: 'mobile-money',
      paidOn: '2026-02-10',
      periodFrom: '2026-02-10',
      periodTo: '2026-03-01',
    });
    const summary = handlers['dues.summary']({ on: '2026-03-15' });
    expect(summary.counts).toMatchObject({ active: 1, grace: 1, lapsed: 1, 'never-paid': 1, total: 4 });
    // Awa, paid through 2026-03-31, expires within 30 days.
    expect(summary.expiring).toBe(1);
    expect(summary.outstanding).toEqual([
      { currency: 'EUR', amountMinor: 2000, count: 1 },
      { currency: 'XOF', amountMinor: 5000, count: 1 },
    ]);
    expect(summary.collectedFrom).toBe('2025-04-01');
    expect(summary.collectedByMonth).toEqual([
      { month: '2026-02', currency: 'XOF', amountMinor: 2500, count: 1 },
      { month: '2025-04', currency: 'XOF', amountMinor: 5000, count: 1 },
    ]);
    expect(summary.collectedByMethod).toEqual([
      { method: 'cash', currency: 'XOF', amountMinor: 5000, count: 1 },
      { method: 'mobile-money', currency: 'XOF', amountMinor: 2500, count: 1 },
    ]);
  });
});
