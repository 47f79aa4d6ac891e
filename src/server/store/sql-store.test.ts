import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backends,
  DATABASE_TIMEOUT_MS,
  change,
  newChapter,
  openTestStore,
  type TestStore,
} from '../test-support';
import type { Change, FieldState } from '../../shared/sync-protocol';

const AT = new Date('2026-03-01T12:00:00Z');
const WALL = AT.getTime();

describe.each(backends)('SQL store on $name', (backend) => {
  let t: TestStore;

  beforeAll(async () => {
    t = await openTestStore(backend);
  }, DATABASE_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, DATABASE_TIMEOUT_MS);

  // Each device its own node id: the store refuses a second device writing as an enrolled one.
  async function chapterWithDevice() {
    const chapterId = await newChapter(t.store);
    const deviceId = crypto.randomUUID();
    await t.store.createEnrolmentCode({
      codeHash: `code-${deviceId}`,
      chapterId,
      at: AT,
      expiresAt: new Date(WALL + 60_000),
    });
    const outcome = await t.store.enrolDevice({
      codeHash: `code-${deviceId}`,
      deviceId,
      tokenHash: `token-${deviceId}`,
      nodeId: `node-${deviceId}`,
      previousTokenHash: null,
      name: 'Laptop',
      at: AT,
    });
    expect(outcome.ok).toBe(true);
    return { chapterId, deviceId };
  }

  async function state(chapterId: string): Promise<FieldState[]> {
    const fields: FieldState[] = [];
    await t.store.scanFieldState(chapterId, (page) => fields.push(...page));
    return fields;
  }

  it('spends an enrolment code once, and tells unknown, used and expired codes apart', async () => {
    const chapterId = await newChapter(t.store);
    await t.store.createEnrolmentCode({
      codeHash: 'h1',
      chapterId,
      at: AT,
      expiresAt: new Date(WALL + 1000),
    });
    const enrol = (codeHash: string, at: Date) =>
      t.store.enrolDevice({
        codeHash,
        deviceId: crypto.randomUUID(),
        tokenHash: crypto.randomUUID(),
        nodeId: `n-${crypto.randomUUID()}`,
        previousTokenHash: null,
        name: 'L',
        at,
      });
    expect(await enrol('nope', AT)).toEqual({ ok: false, reason: 'unknown' });
    expect(await enrol('h1', new Date(WALL + 1000))).toEqual({ ok: false, reason: 'expired' });
    expect(await enrol('h1', AT)).toMatchObject({ ok: true, chapter: { id: chapterId } });
    expect(await enrol('h1', AT)).toEqual({ ok: false, reason: 'used' });
  });

  describe('node ids', () => {
    async function newCode(chapterId: string): Promise<string> {
      const codeHash = `code-${crypto.randomUUID()}`;
      await t.store.createEnrolmentCode({ codeHash, chapterId, at: AT, expiresAt: new Date(WALL + 60_000) });
      return codeHash;
    }
    const enrol = (
      codeHash: string,
      nodeId: string,
      tokenHash: string,
      previousTokenHash: string | null = null,
    ) =>
      t.store.enrolDevice({
        codeHash,
        deviceId: crypto.randomUUID(),
        tokenHash,
        nodeId,
        previousTokenHash,
        name: 'Laptop',
        at: AT,
      });
    const devicesOf = async (nodeId: string) =>
      (await t.store.listDevices()).filter((d) => d.nodeId === nodeId);
    const unique = () => crypto.randomUUID();

    it('refuses a second device claiming an enrolled node id, in any chapter, and keeps its code', async () => {
      const lyon = await newChapter(t.store);
      const dakar = await newChapter(t.store);
      const node = `node-${unique()}`;
      const first = `t-${unique()}`;
      expect(await enrol(await newCode(lyon), node, first)).toMatchObject({ ok: true });

      const sameChapter = await newCode(lyon);
      const otherChapter = await newCode(dakar);
      expect(await enrol(sameChapter, node, `t-${unique()}`)).toEqual({ ok: false, reason: 'node-taken' });
      expect(await enrol(otherChapter, node, `t-${unique()}`)).toEqual({ ok: false, reason: 'node-taken' });
      // A token issued to some other node proves nothing about this one.
      const elsewhere = `t-${unique()}`;
      expect(await enrol(await newCode(lyon), `node-${unique()}`, elsewhere)).toMatchObject({ ok: true });
      expect(await enrol(sameChapter, node, `t-${unique()}`, elsewhere)).toEqual({
        ok: false,
        reason: 'node-taken',
      });
      expect(await devicesOf(node)).toHaveLength(1);

      // Neither refused code was spent.
      expect(await enrol(sameChapter, `node-${unique()}`, `t-${unique()}`)).toMatchObject({ ok: true });
      expect(await enrol(otherChapter, `node-${unique()}`, `t-${unique()}`)).toMatchObject({ ok: true });
    });

    it('lets the laptop itself enrol again with its token, revoking its earlier device', async () => {
      const chapterId = await newChapter(t.store);
      const node = `node-${unique()}`;
      const first = `t-${unique()}`;
      const second = `t-${unique()}`;
      expect(await enrol(await newCode(chapterId), node, first)).toMatchObject({ ok: true });
      expect(await enrol(await newCode(chapterId), node, second, first)).toMatchObject({ ok: true });
      expect(await devicesOf(node)).toHaveLength(2);
      expect(await t.store.findDeviceByTokenHash(first)).toMatchObject({ revokedAt: AT });
      expect(await t.store.findDeviceByTokenHash(second)).toMatchObject({ revokedAt: null });
    });

    it('frees a node id once its device is revoked', async () => {
      const chapterId = await newChapter(t.store);
      const node = `node-${unique()}`;
      expect(await enrol(await newCode(chapterId), node, `t-${unique()}`)).toMatchObject({ ok: true });
      const [device] = await devicesOf(node);
      await t.store.revokeDevice(device!.id, AT);
      expect(await enrol(await newCode(chapterId), node, `t-${unique()}`)).toMatchObject({ ok: true });
    });

    it('lets one of two simultaneous claims of a node id win', async () => {
      const chapterId = await newChapter(t.store);
      const node = `node-${unique()}`;
      const codes = await Promise.all([newCode(chapterId), newCode(chapterId)]);
      const outcomes = await Promise.all(codes.map((code) => enrol(code, node, `t-${unique()}`)));
      expect(outcomes.map((o) => o.ok).sort()).toEqual([false, true]);
      expect(await devicesOf(node)).toHaveLength(1);
    });
  });

  it('numbers new changes gap-free, skips duplicates inside and across batches', async () => {
    const { chapterId, deviceId } = await chapterWithDevice();
    const a = change('node-a', WALL, 0, { rowId: 'm1', col: 'first_name', value: 'Ada' });
    const b = change('node-a', WALL, 1, { rowId: 'm1', col: 'last_name', value: 'Lovelace' });
    const push = (changes: (typeof a)[]) =>
      t.store.applyPush({ chapterId, deviceId, clientSeq: 1, changes, at: AT });
    expect(await push([a, a, b])).toEqual({ accepted: 2, duplicates: 1, erased: [] });
    expect(await push([b, a])).toEqual({ accepted: 0, duplicates: 2, erased: [] });
    const c = change('node-a', WALL, 2, { rowId: 'm1', col: 'city', value: 'London' });
    expect(await push([a, c])).toEqual({ accepted: 1, duplicates: 1, erased: [] });
    const { changes } = await t.store.pull(chapterId, 0, 10);
    expect(changes.map((x) => [x.seq, x.col])).toEqual([
      [1, 'first_name'],
      [2, 'last_name'],
      [3, 'city'],
    ]);
    expect((await t.store.findChapter(chapterId))!.lastSeq).toBe(3);
  });

  it('keeps the value with the greatest hlc per field, whatever the arrival order', async () => {
    const { chapterId, deviceId } = await chapterWithDevice();
    const push = (value: string, wall: number, node = 'node-a') =>
      t.store.applyPush({
        chapterId,
        deviceId,
        clientSeq: 1,
        changes: [change(node, wall, 0, { rowId: 'm1', col: 'city', value })],
        at: AT,
      });
    await push('second', WALL + 10);
    await push('first', WALL);
    // Same wall and counter: the node id breaks the tie, byte-wise ('B' < 'a').
    await push('node-B', WALL + 20, 'node-B');
    await push('node-a', WALL + 20, 'node-a');
    await t.store.applyPush({
      chapterId,
      deviceId,
      clientSeq: 2,
      changes: [
        change('node-a', WALL + 30, 0, { rowId: 'm2', col: 'city', value: 'older in batch' }),
        change('node-a', WALL + 31, 0, { rowId: 'm2', col: 'city', value: 'newer in batch' }),
        change('node-a', WALL + 29, 0, { rowId: 'm2', col: 'city', value: 'oldest in batch' }),
      ],
      at: AT,
    });
    expect((await state(chapterId)).map((f) => [f.rowId, f.value])).toEqual([
      ['m1', '"node-a"'],
      ['m2', '"newer in batch"'],
    ]);
    expect((await t.store.pull(chapterId, 0, 100)).changes).toHaveLength(7);
  });

  it('pages pulls by seq with a cursor', async () => {
    const { chapterId, deviceId } = await chapterWithDevice();
    const changes = Array.from({ length: 7 }, (_, i) =>
      change('node-a', WALL, i, { rowId: `m${i}`, col: 'city', value: i }),
    );
    await t.store.applyPush({ chapterId, deviceId, clientSeq: 1, changes, at: AT });
    const first = await t.store.pull(chapterId, 0, 3);
    expect(first.changes.map((c) => c.seq)).toEqual([1, 2, 3]);
    expect(first.more).toBe(true);
    const last = await t.store.pull(chapterId, 6, 3);
    expect(last.changes.map((c) => c.seq)).toEqual([7]);
    expect(last.more).toBe(false);
    expect(await t.store.pull(chapterId, 7, 3)).toEqual({
      changes: [],
      more: false,
      scannedTo: 7,
      laptops: {},
    });
  });

  it('relays the officer of each change and names the laptops of a page', async () => {
    const { chapterId, deviceId } = await chapterWithDevice();
    const node = `node-${deviceId}`;
    const changes = [
      { ...change(node, WALL, 0, { rowId: 'm1', col: 'city', value: 'Dakar' }), officer: 'Amina' },
      change(node, WALL, 1, { rowId: 'm2', col: 'city', value: 'Thiès' }),
    ];
    await t.store.applyPush({ chapterId, deviceId, clientSeq: 1, changes, at: AT });
    const page = await t.store.pull(chapterId, 0, 10);
    expect(page.changes.map((c) => c.officer ?? null)).toEqual(['Amina', null]);
    // A change from a laptop that sent no officer carries no key at all, not a null.
    expect('officer' in page.changes[1]!).toBe(false);
    expect(page.laptops).toEqual({ [node]: 'Laptop' });
  });

  it("leaves out the asking node's own changes and still moves the cursor past them", async () => {
    const { chapterId, deviceId } = await chapterWithDevice();
    const own = Array.from({ length: 5 }, (_, i) =>
      change('node-a', WALL, i, { rowId: `a${i}`, col: 'city', value: i }),
    );
    const other = [change('node-b', WALL, 0, { rowId: 'b0', col: 'city', value: 'b' })];
    await t.store.applyPush({ chapterId, deviceId, clientSeq: 1, changes: [...own, ...other], at: AT });
    const page = await t.store.pull(chapterId, 0, 3, 'node-a');
    expect(page.changes.map((c) => c.rowId)).toEqual(['b0']);
    expect(page).toMatchObject({ more: false, scannedTo: 6 });
    expect(await t.store.pull(chapterId, 0, 3, 'node-b')).toMatchObject({ more: true, scannedTo: 3 });
  });

  it('deletes what an erasure covers and refuses later changes of it, keeping payments without their notes', async () => {
    const { chapterId, deviceId } = await chapterWithDevice();
    const node = `node-${deviceId}`;
    const push = (changes: Change[]) =>
      t.store.applyPush({ chapterId, deviceId, clientSeq: 1, changes, at: AT });
    await push([
      change(node, WALL, 0, { rowId: 'm1', col: 'email', value: 'ada@example.org' }),
      change(node, WALL, 1, { rowId: 'm2', col: 'email', value: 'bea@example.org' }),
      change(node, WALL, 2, { tbl: 'payments', rowId: 'p1', col: 'member_id', value: 'm1' }),
      change(node, WALL, 3, { tbl: 'payments', rowId: 'p1', col: 'note', value: 'From ada@example.org' }),
      change(node, WALL, 4, {
        tbl: 'registrations',
        rowId: 'r1',
        col: 'guest_email',
        value: 'guest@example.org',
      }),
      change(node, WALL, 5, { tbl: 'registrations', rowId: 'r1', col: 'event_id', value: 'e1' }),
    ]);
    await push([
      change(node, WALL, 6, { tbl: 'erasures', rowId: 'm1', col: 'tbl', value: 'members' }),
      change(node, WALL, 7, { tbl: 'erasures', rowId: 'r1', col: 'tbl', value: 'registrations' }),
    ]);
    const fields = (await state(chapterId)).map((f) => `${f.tbl}/${f.rowId}/${f.col}`);
    expect(fields).toEqual([
      'erasures/m1/tbl',
      'erasures/r1/tbl',
      'members/m2/email',
      'payments/p1/member_id',
      'registrations/r1/event_id',
    ]);
    const pulled = (await t.store.pull(chapterId, 0, 100)).changes.map((c) => `${c.tbl}/${c.rowId}/${c.col}`);
    // What a laptop pulls from now on, in seq order: nothing of the erased data.
    expect(pulled).toEqual([
      'members/m2/email',
      'payments/p1/member_id',
      'registrations/r1/event_id',
      'erasures/m1/tbl',
      'erasures/r1/tbl',
    ]);

    const later = await push([
      change(node, WALL, 8, { rowId: 'm1', col: 'city', value: 'Lyon' }),
      change(node, WALL, 9, { rowId: 'm2', col: 'city', value: 'Paris' }),
      change(node, WALL, 10, { tbl: 'registrations', rowId: 'r1', col: 'guest_name', value: 'Guest' }),
      change(node, WALL, 11, { tbl: 'registrations', rowId: 'r1', col: 'cancelled', value: 1 }),
      change(node, WALL, 12, { tbl: 'payments', rowId: 'p2', col: 'member_id', value: 'm1' }),
      change(node, WALL, 13, { tbl: 'payments', rowId: 'p2', col: 'note', value: 'Again from Ada' }),
    ]);
    expect(later).toEqual({ accepted: 3, duplicates: 0, erased: [0, 2, 5] });
  });

  it('scans the LWW state in (tbl, rowId, col) order across pages, with the seq it covers', async () => {
    const { chapterId, deviceId } = await chapterWithDevice();
    const changes = [
      change('node-a', WALL, 0, { tbl: 'members', rowId: 'b', col: 'city', value: 1 }),
      change('node-a', WALL, 1, { tbl: 'chapter', rowId: 'c', col: 'name', value: 2 }),
      change('node-a', WALL, 2, { tbl: 'members', rowId: 'a', col: 'notes', value: 3 }),
      change('node-a', WALL, 3, { tbl: 'members', rowId: 'a', col: 'city', value: null }),
    ];
    await t.store.applyPush({ chapterId, deviceId, clientSeq: 1, changes, at: AT });
    let pages = 0;
    const fields: FieldState[] = [];
    const { seq } = await t.store.scanFieldState(chapterId, (page) => {
      pages += 1;
      fields.push(...page);
    });
    expect(seq).toBe(4);
    expect(pages).toBe(1);
    expect(fields.map((f) => `${f.tbl}/${f.rowId}/${f.col}=${f.value}`)).toEqual([
      'chapter/c/name=2',
      'members/a/city=null',
      'members/a/notes=3',
      'members/b/city=1',
    ]);
  });

  it('revokes idempotently and reports unknown devices', async () => {
    const { deviceId } = await chapterWithDevice();
    const first = await t.store.revokeDevice(deviceId, AT);
    const again = await t.store.revokeDevice(deviceId, new Date(WALL + 5000));
    expect(first!.revokedAt).toEqual(AT);
    expect(again!.revokedAt).toEqual(AT);
    expect(await t.store.revokeDevice(crypto.randomUUID(), AT)).toBeNull();
  });

  it('gathers member status facts: type kind and grace, chapter grace and time zone, valid payments', async () => {
    const { chapterId, deviceId } = await chapterWithDevice();
    const typeId = crypto.randomUUID();
    const paid = crypto.randomUUID();
    const voided = crypto.randomUUID();
    await t.store.applyPush({
      chapterId,
      deviceId,
      clientSeq: 1,
      changes: [
        change('node-a', WALL, 0, { tbl: 'chapter', rowId: chapterId, col: 'grace_days', value: 14 }),
        change('node-a', WALL, 1, { tbl: 'membership_types', rowId: typeId, col: 'kind', value: 'honorary' }),
        change('node-a', WALL, 2, { rowId: 'm1', col: 'type_id', value: typeId }),
        change('node-a', WALL, 3, { rowId: 'm2', col: 'paid_through', value: '2026-12-31' }),
        change('node-a', WALL, 4, { rowId: 'm2', col: 'deleted', value: 1 }),
        change('node-a', WALL, 5, { tbl: 'membership_types', rowId: typeId, col: 'grace_days', value: 5 }),
        change('node-a', WALL, 6, {
          tbl: 'chapter',
          rowId: chapterId,
          col: 'time_zone',
          value: 'Africa/Dakar',
        }),
        change('node-a', WALL, 7, { tbl: 'payments', rowId: paid, col: 'member_id', value: 'm1' }),
        change('node-a', WALL, 8, { tbl: 'payments', rowId: paid, col: 'period_to', value: '2027-01-31' }),
        change('node-a', WALL, 9, { tbl: 'payments', rowId: voided, col: 'member_id', value: 'm1' }),
        change('node-a', WALL, 10, { tbl: 'payments', rowId: voided, col: 'period_to', value: '2029-01-31' }),
        change('node-a', WALL, 11, { tbl: 'payment_voids', rowId: 'v1', col: 'payment_id', value: voided }),
      ],
      at: AT,
    });
    const facts = (await t.store.memberFacts()).filter((f) => f.chapterId === chapterId);
    expect(facts).toEqual([
      {
        chapterId,
        memberId: 'm1',
        deleted: null,
        paidThrough: null,
        paymentsThrough: '"2027-01-31"',
        typeKind: '"honorary"',
        typeGraceDays: '5',
        graceDays: '14',
        timeZone: '"Africa/Dakar"',
      },
      {
        chapterId,
        memberId: 'm2',
        deleted: '1',
        paidThrough: '"2026-12-31"',
        paymentsThrough: null,
        typeKind: null,
        typeGraceDays: null,
        graceDays: '14',
        timeZone: '"Africa/Dakar"',
      },
    ]);
  });
});
