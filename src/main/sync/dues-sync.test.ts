/**
 * Dues over real sync: payments and voids recorded offline on several laptops, a laptop that
 * receives a payment before its member, receipt prefixes drawn twice, and what each laptop derives
 * (the member's paid-through date and status) once everything has arrived.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enrol, openLaptop, serverChecksum, syncAll, type Laptop } from '../../../tests/helpers/laptop';
import { STORE_KINDS, startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import { paymentListInput } from '../../shared/payments';
import type { PulledChange } from '../../shared/sync-protocol';
import { voidIdFor } from '../services/payments/payments';
import { localChecksum } from './checksum';
import type { SyncTransport } from './transport';

const DAY = 24 * 60 * 60 * 1000;
/** A day relative to today, as the services write dates. */
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

describe.each(STORE_KINDS)('dues over sync (%s)', (kind) => {
  let server: TestSyncServer;
  let laptops: Laptop[] = [];
  // PGlite takes a while to start on a busy machine.
  beforeAll(async () => {
    server = await startSyncServer(kind);
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    laptops.forEach((l) => l.close());
    laptops = [];
  });

  function laptop(name: string, options: Parameters<typeof openLaptop>[1] = {}): Laptop {
    const l = openLaptop(name, options);
    laptops.push(l);
    return l;
  }
  async function expectConverged(...ls: Laptop[]): Promise<void> {
    const remote = await serverChecksum(ls[0]!);
    for (const l of ls) {
      expect(l.sync.status().pending, `${l.name} outbox`).toBe(0);
      expect(localChecksum(l.db).checksum, `${l.name} checksum`).toBe(remote);
    }
  }
  const payments = (l: Laptop, memberId?: string) =>
    l.handlers['payments.list'](paymentListInput.parse({ memberId, limit: 1000 })).rows;
  const standing = (l: Laptop, id: string) => {
    const m = l.handlers['members.get']({ id });
    return { status: m.status, paidThrough: m.paidThrough };
  };
  const prefix = (l: Laptop) =>
    (l.db.prepare('SELECT receipt_prefix AS p FROM device').get() as { p: string | null }).p;

  /** A chapter on laptop A with one member of the Individual type (12 months, 30 days' grace), synced to B. */
  async function twoLaptops() {
    const chapterId = (await server.admin.addChapter(`Dues ${Math.random()}`)).id;
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    const individual = a.handlers['membershipTypes.list'](undefined).find((t) => t.kind === 'individual')!;
    const member = a.handlers['members.create']({
      firstName: 'Awa',
      lastName: 'Diop',
      typeId: individual.id,
    });
    await syncAll(a, b);
    expect(b.handlers['members.get']({ id: member.id })).toMatchObject({
      firstName: 'Awa',
      status: 'never-paid',
    });
    return { chapterId, a, b, member };
  }

  it('keeps both payments recorded offline for one member on two laptops, with distinct receipts and the later period', async () => {
    const { a, b, member } = await twoLaptops();
    // Offline: Amina types in last year's payment, Ben this year's.
    const old = a.handlers['payments.record']({
      memberId: member.id,
      amount: '40',
      method: 'cash',
      paidOn: day(-500),
      periodFrom: day(-500),
      periodTo: day(-136),
    });
    const current = b.handlers['payments.record']({
      memberId: member.id,
      amount: '40',
      method: 'mobile-money',
      periodFrom: day(-10),
      periodTo: day(355),
    });
    expect(standing(a, member.id)).toEqual({ status: 'lapsed', paidThrough: day(-136) });
    expect(standing(b, member.id)).toEqual({ status: 'active', paidThrough: day(355) });

    await syncAll(a, b);
    for (const l of [a, b]) {
      const rows = payments(l, member.id);
      expect(rows.map((p) => p.id).sort(), l.name).toEqual([old.id, current.id].sort());
      expect(rows.find((p) => p.id === old.id)).toMatchObject({
        receiptNumber: old.receiptNumber,
        officer: 'Amina',
        periodTo: day(-136),
        void: null,
      });
      expect(rows.find((p) => p.id === current.id)).toMatchObject({
        receiptNumber: current.receiptNumber,
        officer: 'Ben',
        periodTo: day(355),
      });
      expect(standing(l, member.id), l.name).toEqual({ status: 'active', paidThrough: day(355) });
    }
    expect(old.receiptNumber).not.toBe(current.receiptNumber);
    await expectConverged(a, b);
  });

  it('carries a void to the laptop that did nothing, and two voids of one payment become one', async () => {
    const { a, b, member } = await twoLaptops();
    const first = a.handlers['payments.record']({
      memberId: member.id,
      amount: '40',
      method: 'cash',
      periodFrom: day(-375),
      periodTo: day(-10),
    });
    const renewal = a.handlers['payments.record']({
      memberId: member.id,
      amount: '40',
      method: 'cash',
      periodFrom: day(-9),
      periodTo: day(356),
    });
    await syncAll(a, b);
    expect(standing(b, member.id)).toEqual({ status: 'active', paidThrough: day(356) });

    // A void on A alone (B offline, doing nothing).
    const voided = a.handlers['payments.void']({ id: renewal.id, reason: 'Cheque bounced' });
    expect(voided).toMatchObject({ status: 'grace', paidThrough: day(-10) });
    expect(standing(b, member.id).status).toBe('active');
    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(payments(l, member.id).find((p) => p.id === renewal.id)?.void, l.name).toMatchObject({
        reason: 'Cheque bounced',
        officer: 'Amina',
      });
      expect(standing(l, member.id), l.name).toEqual({ status: 'grace', paidThrough: day(-10) });
    }
    await expectConverged(a, b);

    // Both laptops void the other payment offline, for different reasons.
    a.handlers['payments.void']({ id: first.id, reason: 'Entered twice' });
    b.handlers['payments.void']({ id: first.id, reason: 'Wrong member' });
    await syncAll(a, b);
    const reasons = [a, b].map((l) => payments(l, member.id).find((p) => p.id === first.id)?.void?.reason);
    expect(['Entered twice', 'Wrong member']).toContain(reasons[0]);
    expect(reasons[1]).toBe(reasons[0]);
    for (const l of [a, b]) {
      expect(
        l.db.prepare('SELECT id FROM payment_voids WHERE payment_id = ?').all(first.id),
        `${l.name} void rows`,
      ).toEqual([{ id: voidIdFor(first.id) }]);
      expect(standing(l, member.id), l.name).toEqual({ status: 'never-paid', paidThrough: null });
      // Two officers voiding one payment is a fact recorded twice, not a choice to review.
      expect(l.handlers['conflicts.list'](undefined), `${l.name} conflicts`).toEqual([]);
    }
    await expectConverged(a, b);
  });

  it('gives the right paid-through date to a laptop that receives the payments and voids before the member', async () => {
    const { chapterId, a, b, member } = await twoLaptops();
    const kept = a.handlers['payments.record']({
      memberId: member.id,
      amount: '40',
      method: 'cash',
      periodFrom: day(-20),
      periodTo: day(345),
    });
    const later = b.handlers['payments.record']({
      memberId: member.id,
      amount: '40',
      method: 'bank-transfer',
      periodFrom: day(346),
      periodTo: day(710),
    });
    await syncAll(a, b);
    b.handlers['payments.void']({ id: later.id, reason: 'Refunded' });
    await syncAll(a, b);

    // C joins with an empty file. Its link hands over the chapter's changes three at a time, voids
    // first, then payments, then everything else, as a page shuffled by a proxy or a retry could.
    const c = laptop('Chidi');
    await enrol(c, server, chapterId);
    const rank = (t: PulledChange) => (t.tbl === 'payment_voids' ? 0 : t.tbl === 'payments' ? 1 : 2);
    let feed: { changes: PulledChange[]; last: number } | null = null;
    let served = 0;
    let paymentsWithoutMember = false;
    c.wrapTransport((t): SyncTransport => ({
      ...t,
      async pull(after) {
        if (!feed) {
          const all: PulledChange[] = [];
          let cursor = after;
          for (;;) {
            const page = await t.pull(cursor, 1000);
            all.push(...page.changes);
            cursor = page.next;
            if (!page.more) break;
          }
          all.sort((x, y) => rank(x) - rank(y) || x.seq - y.seq);
          feed = { changes: all, last: cursor };
        }
        const hasMember = c.db.prepare('SELECT 1 FROM members WHERE id = ?').get(member.id);
        const hasPayment = c.db.prepare('SELECT 1 FROM payments WHERE member_id = ?').get(member.id);
        if (hasPayment && !hasMember) paymentsWithoutMember = true;
        const changes = feed.changes.slice(served, served + 3);
        served += changes.length;
        const more = served < feed.changes.length;
        return {
          changes,
          next: more ? Math.min(after + 1, feed.last) : feed.last,
          more,
          serverTime: Date.now(),
        };
      },
    }));
    await c.sync.runOnce();
    expect(served).toBe(feed!.changes.length);
    expect(paymentsWithoutMember).toBe(true);
    expect(standing(c, member.id)).toEqual({ status: 'active', paidThrough: day(345) });
    expect(payments(c, member.id).map((p) => [p.id, p.void?.reason ?? null])).toEqual(
      expect.arrayContaining([
        [kept.id, null],
        [later.id, 'Refunded'],
      ]),
    );
    for (const l of [a, b]) expect(standing(l, member.id), l.name).toEqual(standing(c, member.id));
    c.wrapTransport(null);
    await c.sync.runOnce();
    await expectConverged(a, b, c);
  });

  it('moves laptops that drew the same receipt prefix offline to new ones, so later receipts never repeat', async () => {
    const { chapterId, a, b, member } = await twoLaptops();
    for (const l of [a, b]) l.db.prepare(`UPDATE device SET receipt_prefix = 'K3M'`).run();
    const record = (l: Laptop) =>
      l.handlers['payments.record']({ memberId: member.id, amount: '40', method: 'cash' }).receiptNumber;
    const offline = [record(a), record(a), record(b)];
    // Numbers issued while both held the prefix are as printed: the pair is told apart by laptop.
    expect(offline).toEqual(['K3M-000001', 'K3M-000002', 'K3M-000001']);

    await syncAll(a, b);
    const prefixes = [prefix(a), prefix(b)];
    expect(prefixes.filter((p) => p !== 'K3M').length).toBeGreaterThanOrEqual(1);
    expect(prefixes[0]).not.toBe(prefixes[1]);

    const after = [record(a), record(b), record(a), record(b)];
    expect(after[0]!.split('-')[0]).toBe(prefixes[0]);
    expect(after[1]!.split('-')[0]).toBe(prefixes[1]);
    await syncAll(a, b);
    const everywhere = [a, b].map((l) =>
      payments(l)
        .map((p) => p.receiptNumber)
        .sort(),
    );
    expect(everywhere[1]).toEqual(everywhere[0]);
    expect(everywhere[0]).toHaveLength(7);
    // Every receipt issued once the clash was known is unique across the chapter.
    for (const receipt of after)
      expect(
        everywhere[0]!.filter((r) => r === receipt),
        receipt,
      ).toHaveLength(1);
    expect(new Set(after).size).toBe(after.length);

    // A laptop that joins later never draws a prefix already on the chapter's receipts.
    const c = laptop('Chidi');
    await enrol(c, server, chapterId);
    await c.sync.runOnce();
    const fromC = record(c);
    expect(everywhere[0]!.map((r) => r.split('-')[0])).not.toContain(fromC.split('-')[0]);
    await syncAll(a, b, c);
    await expectConverged(a, b, c);
  });
});
