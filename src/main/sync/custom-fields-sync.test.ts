/**
 * Custom fields through sync, over real HTTP: definitions and values travel like any field, two
 * laptops editing different fields of one member converge, a value that does not fit its field's
 * kind (sent by a client that skipped the checks) is held aside and never applied, and erasing the
 * member removes their values everywhere.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enrol, openLaptop, serverChecksum, syncAll, type Laptop } from '../../../tests/helpers/laptop';
import { STORE_KINDS, startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import { fieldValueId } from '../../shared/custom-fields';
import { formatHlc } from '../../shared/hlc';
import { pushResponseSchema, SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION } from '../../shared/sync-protocol';
import { localChecksum } from './checksum';

const values = (l: Laptop, memberId: string) =>
  Object.fromEntries(
    l.handlers['members.fieldValues']({ id: memberId }).map((v) => [v.field.label, v.value]),
  );

/** Pushes one change as laptop `l` would, without any of the app's checks. */
async function pushRaw(l: Laptop, change: { tbl: string; rowId: string; col: string; value: unknown }) {
  const { url, token } = l.db.prepare('SELECT server_url AS url, token FROM sync_state').get() as {
    url: string;
    token: string;
  };
  const nodeId = l.handlers['chapter.get'](undefined)!.nodeId;
  const response = await fetch(`${url}/v1/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      protocol: SYNC_PROTOCOL_VERSION,
      schema: SYNC_SCHEMA_VERSION,
      nodeId,
      clientSeq: 5000,
      changes: [
        {
          ...change,
          value: JSON.stringify(change.value),
          hlc: formatHlc({ wall: Date.now() + 60_000, counter: 0, node: nodeId }),
          nodeId,
        },
      ],
    }),
  });
  return pushResponseSchema.parse(await response.json());
}

describe.each(STORE_KINDS)('custom fields through sync (%s)', (kind) => {
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

  async function twoLaptops() {
    const chapterId = (await server.admin.addChapter(`Fields ${Math.random()}`)).id;
    const a = openLaptop('Amina', { setupChapter: true });
    const b = openLaptop('Ben');
    laptops.push(a, b);
    for (const l of [a, b]) await enrol(l, server, chapterId);
    const role = a.handlers['customFields.create']({ label: 'Role', kind: 'text' });
    const size = a.handlers['customFields.create']({
      label: 'T-shirt size',
      kind: 'choice',
      choices: ['S', 'M'],
    });
    const years = a.handlers['customFields.create']({ label: 'Years in IT', kind: 'number' });
    const ama = a.handlers['members.create']({
      firstName: 'Ama',
      lastName: 'Mensah',
      email: 'ama@example.org',
    });
    await syncAll(a, b);
    return { a, b, role, size, years, ama };
  }

  it('brings the fields to another laptop, and two laptops editing two fields of one member converge', async () => {
    const { a, b, role, size, years, ama } = await twoLaptops();
    expect(b.handlers['customFields.list'](undefined).map((f) => [f.label, f.kind, f.choices])).toEqual([
      ['Role', 'text', []],
      ['T-shirt size', 'choice', ['S', 'M']],
      ['Years in IT', 'number', []],
    ]);

    // Both offline: Amina gives Ama a role, Ben her size; then Ben renames a field and adds a choice.
    a.handlers['members.update']({ id: ama.id, patch: {}, customFields: { [role.id]: 'Treasurer' } });
    b.handlers['members.update']({
      id: ama.id,
      patch: {},
      customFields: { [size.id]: 'm', [years.id]: '4' },
    });
    b.handlers['customFields.update']({ id: size.id, choices: ['S', 'M', 'L'] });
    await syncAll(a, b);

    for (const l of [a, b]) {
      expect(values(l, ama.id), l.name).toEqual({
        Role: 'Treasurer',
        'T-shirt size': 'M',
        'Years in IT': '4',
      });
      expect(l.handlers['customFields.list'](undefined)[1]!.choices, l.name).toEqual(['S', 'M', 'L']);
      expect(l.handlers['conflicts.list'](undefined), l.name).toEqual([]);
      expect(localChecksum(l.db).checksum, l.name).toBe(await serverChecksum(l));
    }
    // What Amina typed on her laptop is found from Ben's search.
    expect(
      b.handlers['members.list']({
        query: 'treasurer',
        sort: 'name',
        direction: 'asc',
        offset: 0,
        limit: 10,
      }).rows.map((m) => m.id),
    ).toEqual([ama.id]);
  }, 60_000);

  it('carries onto the member kept a value another laptop gave the merged-away member before it pulled the merge', async () => {
    const { a, b, role, size, ama } = await twoLaptops();
    const twin = a.handlers['members.create']({ firstName: 'Ama M.', email: 'ama.m@example.org' });
    a.handlers['members.update']({ id: ama.id, patch: {}, customFields: { [size.id]: 'S' } });
    await syncAll(a, b);
    // Offline: Amina merges the twin into Ama; Ben, who has not heard of it, gives the twin a role
    // and a size (Ama's own size, set before, stays: hers is the kept member's value).
    a.handlers['members.merge']({ keepId: ama.id, otherId: twin.id });
    b.handlers['members.update']({
      id: twin.id,
      patch: {},
      customFields: { [role.id]: 'Secretary', [size.id]: 'M' },
    });
    await syncAll(a, b);
    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(values(l, ama.id), l.name).toEqual({ Role: 'Secretary', 'T-shirt size': 'M' });
      expect(l.sync.status().pending, l.name).toBe(0);
      expect(localChecksum(l.db).checksum, l.name).toBe(await serverChecksum(l));
    }
  }, 60_000);

  it('keeps the value that lost when both laptops changed one field, named by member and field', async () => {
    const { a, b, role, ama } = await twoLaptops();
    a.handlers['members.update']({ id: ama.id, patch: {}, customFields: { [role.id]: 'Treasurer' } });
    b.handlers['members.update']({ id: ama.id, patch: {}, customFields: { [role.id]: 'Chair' } });
    // And a field renamed on both: a field's definition is a row like any other.
    a.handlers['customFields.update']({ id: role.id, label: 'Office' });
    b.handlers['customFields.update']({ id: role.id, label: 'Position' });
    await syncAll(a, b);
    expect(values(a, ama.id)).toEqual(values(b, ama.id));
    const label = a.handlers['customFields.list'](undefined)[0]!.label;
    expect(b.handlers['customFields.list'](undefined)[0]!.label).toBe(label);
    const cards = [...a.handlers['conflicts.list'](undefined), ...b.handlers['conflicts.list'](undefined)];
    expect(cards.map((c) => [c.table, c.rowLabel, c.column]).sort()).toEqual([
      ['custom_fields', label, 'label'],
      ['member_field_values', 'Ama Mensah', label],
    ]);
    // Putting the lost value back is an edit that syncs like any other.
    const card = cards.find((c) => c.table === 'member_field_values')!;
    const owner = a.handlers['conflicts.list'](undefined).some((c) => c.id === card.id) ? a : b;
    owner.handlers['conflicts.restore']({ id: card.id });
    await syncAll(a, b);
    expect(values(a, ama.id)).toEqual({ [label]: card.lostValue });
    expect(values(b, ama.id)).toEqual({ [label]: card.lostValue });
  }, 60_000);

  it('holds aside a value that does not fit its field’s kind, and keeps the value that does', async () => {
    const { a, b, years, ama } = await twoLaptops();
    a.handlers['members.update']({ id: ama.id, patch: {}, customFields: { [years.id]: '4' } });
    await syncAll(a, b);

    // A client that skips the checks sends text to a number field (newer than the good value).
    const reply = await pushRaw(a, {
      tbl: 'member_field_values',
      rowId: fieldValueId(ama.id, years.id),
      col: 'value',
      value: 'twelve',
    });
    expect(reply.accepted).toBe(1);
    const pulled = await b.sync.runOnce();
    expect(pulled.held).toBe(1);
    expect(values(b, ama.id)).toEqual({ 'Years in IT': '4' });
    expect(b.handlers['sync.status'](undefined).heldChanges).toBe(1);
    expect(
      b.db
        .prepare(`SELECT reject_reason FROM changes WHERE tbl = 'member_field_values' AND pushed = 2`)
        .get(),
    ).toEqual({
      reject_reason:
        'VALUE_INVALID: member_field_values.value: Must be a number written with digits and a point',
    });
    // Later valid edits apply as usual.
    a.handlers['members.update']({ id: ama.id, patch: {}, customFields: { [years.id]: '5' } });
    await syncAll(a, b);
    expect(values(b, ama.id)).toEqual({ 'Years in IT': '5' });
  }, 60_000);

  it('applies a value that came before its field once the field comes, and never changes a field’s kind', async () => {
    const { a, b, years, ama } = await twoLaptops();
    const later = '3f8a2d4e-5b6c-4d7e-8f90-a1b2c3d4e5f6';
    // A value of a field whose definition the server only receives afterwards.
    await pushRaw(a, {
      tbl: 'member_field_values',
      rowId: fieldValueId(ama.id, later),
      col: 'value',
      value: '7',
    });
    expect((await b.sync.runOnce()).held).toBe(1);
    for (const [col, value] of [
      ['label', 'Badge'],
      ['kind', 'number'],
      ['position', 5],
      ['retired', 0],
    ] as const) {
      await pushRaw(a, { tbl: 'custom_fields', rowId: later, col, value });
    }
    // And a kind change of a field in use, which its values were not written for.
    await pushRaw(a, { tbl: 'custom_fields', rowId: years.id, col: 'kind', value: 'text' });
    await b.sync.runOnce();
    await b.sync.runOnce();
    expect(values(b, ama.id)).toEqual({ Badge: '7' });
    expect(b.handlers['customFields.list'](undefined).find((f) => f.id === years.id)!.kind).toBe('number');
    expect(b.handlers['sync.status'](undefined).heldChanges).toBe(1);
  }, 60_000);

  it('refuses on the server a value under an id that names no member and field', async () => {
    const { a, role } = await twoLaptops();
    const reply = await pushRaw(a, { tbl: 'member_field_values', rowId: role.id, col: 'value', value: 'x' });
    expect(reply.rejected.map((r) => [r.code, r.problem?.params.column])).toEqual([['VALIDATION', 'id']]);
  }, 60_000);

  it('erases a member’s values with them, on every laptop and on the server', async () => {
    const { a, b, role, years, ama } = await twoLaptops();
    a.handlers['members.update']({
      id: ama.id,
      patch: {},
      customFields: { [role.id]: 'Uniquely-named role', [years.id]: '7' },
    });
    await syncAll(a, b);
    expect(values(b, ama.id)).toEqual({ Role: 'Uniquely-named role', 'Years in IT': '7' });
    // Ben, offline, changes her role after Amina erased her.
    a.handlers['members.erase']({ id: ama.id });
    b.handlers['members.update']({
      id: ama.id,
      patch: {},
      customFields: { [role.id]: 'Another-unique role' },
    });
    await syncAll(a, b);
    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(l.db.prepare(`SELECT count(*) AS n FROM member_field_values`).get(), l.name).toEqual({ n: 0 });
      expect(
        l.db.prepare(`SELECT count(*) AS n FROM changes WHERE tbl = 'member_field_values'`).get(),
        l.name,
      ).toEqual({ n: 0 });
      expect(localChecksum(l.db).checksum, l.name).toBe(await serverChecksum(l));
    }
    const dump = await server.dump();
    for (const text of ['Uniquely-named role', 'Another-unique role']) expect(dump).not.toContain(text);
  }, 60_000);
});
