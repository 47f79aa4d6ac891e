import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { paymentListInput } from '../../../shared/payments';
import { dispatch } from '../../api/dispatch';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';

const FIXTURES = join(__dirname, '../../../../tests/fixtures/statements');
const file = (name: string) => readFileSync(join(FIXTURES, name)).toString('base64');

let chapter: TestChapter;
afterEach(() => chapter?.close());

function kenyanChapter() {
  chapter = openTestChapter({ country: 'KE', at: '2024-03-20T09:00:00Z' });
  const { handlers } = chapter;
  const type = handlers['membershipTypes.create']({ name: 'Member', fee: '1500', periodMonths: 12 });
  const add = (fields: Record<string, string>) => handlers['members.create']({ typeId: type.id, ...fields });
  return {
    handlers,
    john: add({ memberNumber: '42', firstName: 'John', lastName: 'Doe' }),
    mary: add({ memberNumber: '17', firstName: 'Mary', lastName: 'Wanjiku' }),
    peter: add({ memberNumber: '88', firstName: 'Peter', lastName: 'Otieno', phone: '0733 555777' }),
  };
}

const payments = (c: TestChapter) => c.handlers['payments.list'](paymentListInput.parse({}));

describe('matching a statement', () => {
  it('matches M-Pesa lines by account then phone, lists what it ignores, and records them in one go', async () => {
    const { handlers, john, mary, peter } = kenyanChapter();
    const draft = await handlers['statements.inspect']({ fileName: 'mpesa.csv', data: file('mpesa.csv') });
    expect(draft.provider).toBe('mpesa');
    const byRef = Object.fromEntries(draft.lines.map((l) => [l.reference, l]));
    expect(byRef.SC51ABC123).toMatchObject({
      state: 'match',
      memberId: john.id,
      why: 'account',
      amountMinor: 150000,
    });
    expect(byRef.SC51ABD456).toMatchObject({ state: 'match', memberId: mary.id, why: 'account' });
    expect(byRef.SC71XYZ789).toMatchObject({
      state: 'match',
      memberId: peter.id,
      why: 'phone',
      amountMinor: 75050,
    });
    expect(byRef.SC61FAIL01).toMatchObject({ state: 'ignored', memberId: null });
    expect(byRef.SC61REV002).toMatchObject({ state: 'ignored', ignoredBecause: 'status: Reversed' });
    expect(byRef.SC61CHG003).toMatchObject({ state: 'ignored', ignoredBecause: 'outgoing' });
    expect(payments(chapter).total).toBe(0);

    const result = handlers['statements.commit']({ draftId: draft.draftId, assignments: [] });
    expect(result).toMatchObject({ matched: 3, alreadyRecorded: 0, unmatched: [] });
    expect(result.payments.map((p) => [p.reference, p.method, p.paidOn])).toEqual([
      ['SC51ABC123', 'mobile-money', '2024-03-05'],
      ['SC51ABD456', 'mobile-money', '2024-03-05'],
      ['SC71XYZ789', 'mobile-money', '2024-03-07'],
    ]);
    expect(handlers['members.get']({ id: john.id })).toMatchObject({
      status: 'active',
      paidThrough: '2025-03-04',
    });
    // 750.50 of a 1,500 fee pays for six months.
    expect(handlers['members.get']({ id: peter.id })).toMatchObject({
      status: 'active',
      paidThrough: '2024-09-06',
    });

    const again = await handlers['statements.inspect']({ fileName: 'mpesa.csv', data: file('mpesa.csv') });
    expect(again.lines.filter((l) => l.state === 'already-recorded')).toHaveLength(3);
    expect(handlers['statements.commit']({ draftId: again.draftId, assignments: [] })).toMatchObject({
      matched: 0,
      alreadyRecorded: 3,
      batchId: null,
    });
    expect(payments(chapter).total).toBe(3);

    const [batch] = handlers['statements.list'](undefined);
    expect(batch).toMatchObject({ fileName: 'mpesa.csv', payments: 3, undoneAt: null });
    handlers['statements.undo']({ id: batch!.id });
    expect(handlers['members.get']({ id: john.id }).status).toBe('never-paid');
    expect(payments(chapter).rows.every((p) => p.void?.reason === 'Statement import undone')).toBe(true);
    expect(() => handlers['statements.undo']({ id: batch!.id })).toThrow(/already undone/);
  });

  it('never records twice a line already typed by hand with its reference, and lets the secretary assign the rest', async () => {
    const { handlers, john, mary } = kenyanChapter();
    handlers['payments.record']({
      memberId: john.id,
      amount: '1500',
      method: 'mobile-money',
      reference: 'SC51ABC123',
    });
    const draft = await handlers['statements.inspect']({ fileName: 'mpesa.csv', data: file('mpesa.csv') });
    const line = (ref: string) => draft.lines.find((l) => l.reference === ref)!;
    expect(line('SC51ABC123').state).toBe('already-recorded');
    const result = handlers['statements.commit']({
      draftId: draft.draftId,
      // The secretary knows the Peter Otieno line is Mary's, and leaves one out.
      assignments: [
        { line: line('SC71XYZ789').line, memberId: mary.id },
        { line: line('SC51ABD456').line, memberId: null },
      ],
    });
    expect(result.payments.map((p) => [p.reference, p.memberId])).toEqual([['SC71XYZ789', mary.id]]);
    expect(payments(chapter).total).toBe(2);
  });

  it('brings in a spreadsheet of past payments, cash lines without a reference only once', async () => {
    chapter = openTestChapter({ country: 'SN', at: '2024-03-20T09:00:00Z' });
    const { handlers } = chapter;
    const type = handlers['membershipTypes.create']({
      name: 'Membre',
      fee: '5000',
      currency: 'XOF',
      periodMonths: 12,
    });
    const awa = handlers['members.create']({
      memberNumber: '0042',
      firstName: 'Awa',
      lastName: 'Diop',
      typeId: type.id,
    });
    const moussa = handlers['members.create']({
      firstName: 'Moussa',
      lastName: 'Ndiaye',
      phone: '77 765 43 21',
      typeId: type.id,
    });
    const csv = (rows: string[]) =>
      Buffer.from(
        ['Member number,Name,Amount,Currency,Date,Method,Reference,Status', ...rows].join('\n'),
      ).toString('base64');
    const lines = [
      '0042,Awa Diop,5 000,XOF,15/01/2024,Espèces,,Payé',
      ',Moussa Ndiaye,10000,XOF,2024-02-01,Orange Money,OM-778,',
      ',Nobody Known,5000,XOF,2024-02-02,cash,,',
      '0042,Awa Diop,5000,XOF,16/01/2024,cash,,Annulé',
    ];
    const first = await handlers['statements.inspect']({ fileName: 'past.csv', data: csv(lines) });
    expect(first.lines.map((l) => [l.line, l.state, l.why])).toEqual([
      [2, 'match', 'member-number'],
      [3, 'match', 'name'],
      [4, 'unmatched', null],
      [5, 'ignored', null],
    ]);
    const result = handlers['statements.commit']({ draftId: first.draftId, assignments: [] });
    expect(result.unmatched).toEqual([{ line: 4, reference: null, payer: 'Nobody Known', amount: '5000' }]);
    expect(result.payments.map((p) => [p.memberId, p.method, p.amountMinor])).toEqual([
      [awa.id, 'cash', 5000],
      [moussa.id, 'mobile-money', 10000],
    ]);
    // Moussa paid two fees: two years.
    expect(handlers['members.get']({ id: moussa.id }).paidThrough).toBe('2026-01-31');
    const second = await handlers['statements.inspect']({ fileName: 'past.csv', data: csv(lines) });
    expect(second.lines.slice(0, 2).map((l) => l.state)).toEqual(['already-recorded', 'already-recorded']);
  });

  it('refuses a file that is not a statement, naming what is missing, and writes nothing', async () => {
    const { handlers } = kenyanChapter();
    const members = Buffer.from('First name,Last name,Email\nAwa,Diop,awa@example.org\n').toString('base64');
    const result = await dispatch(
      handlers,
      'statements.inspect',
      { fileName: 'members.csv', data: members },
      {
        error: () => undefined,
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.message).toMatch(/amount/i);
    expect(payments(chapter).total).toBe(0);
    expect(handlers['statements.list'](undefined)).toEqual([]);
  });
});
