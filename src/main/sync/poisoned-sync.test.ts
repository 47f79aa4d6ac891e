/**
 * Values checked at both ends: poisoned pushes refused by the real server over HTTP, each with its
 * reason; the same values forced into the server's database (as a server from before the check
 * would have stored them) held aside on every laptop that pulls them, never applied.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enrol, openLaptop, type Laptop } from '../../../tests/helpers/laptop';
import { STORE_KINDS, startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import { formatHlc } from '../../shared/hlc';
import { paymentListInput } from '../../shared/payments';
import {
  pushResponseSchema,
  SYNC_PROTOCOL_VERSION,
  SYNC_SCHEMA_VERSION,
  type Change,
} from '../../shared/sync-protocol';

const OTHER_CHAPTER = '0d6f3f43-5c36-4c52-8a8e-1f1f7e54c0aa';

interface Poison {
  tbl: string;
  rowId: string;
  col: string;
  value: unknown;
}

/** The poisoned values, for a chapter, one of its members and one of its payments. */
function poisons(chapterId: string, memberId: string, paymentId: string): Poison[] {
  return [
    { tbl: 'members', rowId: memberId, col: 'first_name', value: 'A'.repeat(65_000) },
    { tbl: 'members', rowId: memberId, col: 'last_name', value: { first: 'Ada', admin: true } },
    { tbl: 'members', rowId: memberId, col: 'deleted', value: 'maybe' },
    { tbl: 'chapter', rowId: OTHER_CHAPTER, col: 'name', value: 'Somebody else’s chapter' },
    { tbl: 'chapter', rowId: chapterId, col: 'grace_days', value: 1e300 },
    { tbl: 'payments', rowId: paymentId, col: 'currency', value: 'EURO' },
    { tbl: 'members', rowId: memberId, col: 'joined_on', value: '2024-02-30' },
  ];
}

const stamp = (node: string, counter: number) => formatHlc({ wall: Date.now() + 1000, counter, node });

function asChanges(node: string, values: Poison[]): Change[] {
  return values.map((p, i) => ({
    tbl: p.tbl,
    rowId: p.rowId,
    col: p.col,
    value: JSON.stringify(p.value),
    hlc: stamp(node, i),
    nodeId: node,
  }));
}

function credentials(l: Laptop) {
  const state = l.db.prepare('SELECT server_url AS url, token FROM sync_state').get() as {
    url: string;
    token: string;
  };
  return { ...state, nodeId: l.handlers['chapter.get'](undefined)!.nodeId };
}

describe.each(STORE_KINDS)('values checked at both ends (%s)', (kind) => {
  let server: TestSyncServer;
  let laptops: Laptop[] = [];
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

  function laptop(name: string): Laptop {
    const l = openLaptop(name, { setupChapter: name === 'Amina' });
    laptops.push(l);
    return l;
  }

  /** Laptop A with a chapter, a member Ana and her payment, all on the server. */
  async function chapterWithMember() {
    const chapterId = (await server.admin.addChapter(`Poison ${Math.random()}`)).id;
    const a = laptop('Amina');
    await enrol(a, server, chapterId);
    const member = a.handlers['members.create']({
      firstName: 'Ana',
      lastName: 'Silva',
      joinedOn: '2024-01-15',
    });
    const payment = a.handlers['payments.record']({ memberId: member.id, amount: '30', method: 'cash' });
    await a.sync.runOnce();
    return { chapterId, a, member, payment };
  }

  it('refuses each poisoned push with a reason, and nothing of it reaches another laptop', async () => {
    const { chapterId, a, member, payment } = await chapterWithMember();
    const { url, token, nodeId } = credentials(a);
    const response = await fetch(`${url}/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        protocol: SYNC_PROTOCOL_VERSION,
        schema: SYNC_SCHEMA_VERSION,
        nodeId,
        clientSeq: 1000,
        changes: asChanges(nodeId, poisons(chapterId, member.id, payment.id)),
      }),
    });
    expect(response.status).toBe(200);
    const reply = pushResponseSchema.parse(await response.json());
    expect(reply.accepted).toBe(0);
    expect(reply.rejected.map((r) => [r.index, r.code, r.problem?.code, r.problem?.params.column])).toEqual([
      [0, 'VALIDATION', 'VALUE_INVALID', 'first_name'],
      [1, 'VALIDATION', 'VALUE_INVALID', 'last_name'],
      [2, 'VALIDATION', 'VALUE_INVALID', 'deleted'],
      [3, 'FORBIDDEN', 'OTHER_CHAPTER', undefined],
      [4, 'VALIDATION', 'VALUE_INVALID', 'grace_days'],
      [5, 'VALIDATION', 'VALUE_INVALID', 'currency'],
      [6, 'VALIDATION', 'VALUE_INVALID', 'joined_on'],
    ]);
    expect(reply.rejected.map((r) => r.reason)).toEqual([
      'members.first_name: At most 200 characters',
      'members.last_name: Invalid input: expected string, received object',
      'members.deleted: Must be 0 or 1',
      `The chapter row ${OTHER_CHAPTER} is not this device's chapter.`,
      expect.stringMatching(/^chapter\.grace_days: Too big/),
      'payments.currency: Use a three-letter currency code such as EUR or KES',
      'members.joined_on: Must be a date like 2024-03-31',
    ]);

    const b = laptop('Ben');
    await enrol(b, server, chapterId);
    const summary = await b.sync.runOnce();
    expect(summary.held).toBe(0);
    expect(b.handlers['members.get']({ id: member.id })).toMatchObject({
      firstName: 'Ana',
      lastName: 'Silva',
      deleted: false,
      joinedOn: '2024-01-15',
    });
  });

  it('marks poisoned changes in its own outbox as refused, sets the fields back and sends the rest', async () => {
    const { chapterId, a, member } = await chapterWithMember();
    const { nodeId } = credentials(a);
    a.handlers['members.update']({ id: member.id, patch: { city: 'Porto' } });
    // As a laptop from before the check, or with a bug, would have logged and shown them.
    const forged = asChanges(nodeId, [
      { tbl: 'members', rowId: member.id, col: 'first_name', value: 'A'.repeat(65_000) },
      { tbl: 'members', rowId: member.id, col: 'deleted', value: 'maybe' },
      { tbl: 'chapter', rowId: OTHER_CHAPTER, col: 'name', value: 'Elsewhere' },
    ]);
    const log = a.db.prepare(
      `INSERT INTO changes (tbl, row_id, col, value, hlc, node_id) VALUES (@tbl, @rowId, @col, @value, @hlc, @nodeId)`,
    );
    for (const change of forged) log.run(change);
    a.db.prepare(`UPDATE members SET first_name = ? WHERE id = ?`).run('A'.repeat(65_000), member.id);

    const summary = await a.sync.runOnce();
    expect(summary.rejected).toBe(3);
    expect(a.sync.status()).toMatchObject({ state: 'idle', pending: 0 });
    const refused = a.db
      .prepare(`SELECT col, pushed, reject_reason AS reason FROM changes WHERE pushed = 2 ORDER BY seq`)
      .all();
    expect(refused).toEqual([
      { col: 'first_name', pushed: 2, reason: 'VALUE_INVALID: members.first_name: At most 200 characters' },
      { col: 'deleted', pushed: 2, reason: 'VALUE_INVALID: members.deleted: Must be 0 or 1' },
      {
        col: 'name',
        pushed: 2,
        reason: `OTHER_CHAPTER: The chapter row ${OTHER_CHAPTER} is not this device's chapter.`,
      },
    ]);
    // The field shows what the log still vouches for again, and no row appears for the refused one.
    expect(a.handlers['members.get']({ id: member.id }).firstName).toBe('Ana');
    expect(a.db.prepare('SELECT id FROM chapter').all()).toEqual([{ id: chapterId }]);

    const b = laptop('Ben');
    await enrol(b, server, chapterId);
    await b.sync.runOnce();
    expect(b.handlers['members.get']({ id: member.id })).toMatchObject({ firstName: 'Ana', city: 'Porto' });
  });

  it('holds aside values forced into the server’s database, keeps the previous ones, and applies later edits', async () => {
    const { chapterId, a, member, payment } = await chapterWithMember();
    const b = laptop('Ben');
    await enrol(b, server, chapterId);
    await b.sync.runOnce();

    // Straight into the store, past the push checks, as a server from before them stored it.
    const device = (await server.admin.listDevices()).find((d) => d.chapterId === chapterId)!;
    const forced = poisons(chapterId, member.id, payment.id);
    await server.store.applyPush({
      chapterId,
      deviceId: device.id,
      clientSeq: 999,
      changes: asChanges('rogue-node', forced),
      at: new Date(),
    });

    const before = b.handlers['members.get']({ id: member.id });
    const summary = await b.sync.runOnce();
    expect(summary.held).toBe(forced.length);
    expect(b.sync.status().heldChanges).toBe(forced.length);
    expect(b.handlers['members.get']({ id: member.id })).toEqual(before);
    expect(b.handlers['chapter.get'](undefined)).toMatchObject({
      id: chapterId,
      name: 'Lyon',
      graceDays: 30,
    });
    expect(b.db.prepare('SELECT id FROM chapter').all()).toEqual([{ id: chapterId }]);
    expect(b.handlers['payments.list'](paymentListInput.parse({})).rows[0]).toMatchObject({
      currency: 'EUR',
    });
    const held = b.db
      .prepare(
        `SELECT c.tbl, c.col, c.pushed, c.reject_reason AS reason
         FROM held_changes h JOIN changes c ON c.seq = h.change_seq ORDER BY c.hlc`,
      )
      .all() as { tbl: string; col: string; pushed: number; reason: string }[];
    expect(held.map((h) => [h.tbl, h.col, h.pushed, h.reason.split(':')[0]])).toEqual([
      ['members', 'first_name', 2, 'VALUE_INVALID'],
      ['members', 'last_name', 2, 'VALUE_INVALID'],
      ['members', 'deleted', 2, 'VALUE_INVALID'],
      ['chapter', 'name', 2, 'OTHER_CHAPTER'],
      ['chapter', 'grace_days', 2, 'VALUE_INVALID'],
      ['payments', 'currency', 2, 'VALUE_INVALID'],
      ['members', 'joined_on', 2, 'VALUE_INVALID'],
    ]);

    // Nothing was refused here that a later, valid edit could not overrule; held values stay held.
    a.handlers['members.update']({ id: member.id, patch: { firstName: 'Anna', joinedOn: '2024-02-29' } });
    await a.sync.runOnce();
    expect(a.handlers['members.get']({ id: member.id })).toMatchObject({
      firstName: 'Anna',
      lastName: 'Silva',
    });
    await b.sync.runOnce();
    expect(b.handlers['members.get']({ id: member.id })).toMatchObject({
      firstName: 'Anna',
      lastName: 'Silva',
      joinedOn: '2024-02-29',
      deleted: false,
    });
    expect(b.sync.status().heldChanges).toBe(forced.length);

    // A value an older version set aside and this one takes (a kind it did not know yet) applies at
    // the next sync, and the log vouches for it again.
    const upgraded = b.db
      .prepare(
        `INSERT INTO changes (tbl, row_id, col, value, hlc, node_id, pushed, reject_reason)
         VALUES ('members', ?, 'city', '"Maputo"', ?, 'newer-node', 2, 'VALUE_INVALID: members.city: from an older version')`,
      )
      .run(member.id, stamp('newer-node', 0));
    b.db.prepare('INSERT INTO held_changes (change_seq) VALUES (?)').run(upgraded.lastInsertRowid);
    await b.sync.runOnce();
    expect(b.handlers['members.get']({ id: member.id }).city).toBe('Maputo');
    expect(b.db.prepare('SELECT pushed FROM changes WHERE seq = ?').get(upgraded.lastInsertRowid)).toEqual({
      pushed: 1,
    });
    expect(b.sync.status().heldChanges).toBe(forced.length);

    // A laptop joining afterwards gets the same data and sets the same values aside.
    const c = laptop('Chloé');
    await enrol(c, server, chapterId);
    expect((await c.sync.runOnce()).held).toBe(forced.length);
    expect(c.handlers['members.get']({ id: member.id })).toMatchObject({
      firstName: 'Anna',
      lastName: 'Silva',
    });
    expect(c.handlers['chapter.get'](undefined)).toMatchObject({ name: 'Lyon', graceDays: 30 });
  });
});
