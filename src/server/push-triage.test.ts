import { describe, expect, it } from 'vitest';
import { formatHlc } from '../shared/hlc';
import { syncedColumns, SYNC_SCHEMA_VERSION } from '../shared/sync-protocol';
import { triageChanges } from './push-triage';
import { change } from './test-support';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const HOUR = 60 * 60 * 1000;
const CHAPTER = '5f0c1a52-8d4e-4b8e-9a51-3c2f7e0d9b11';
const context = { schema: SYNC_SCHEMA_VERSION, nodeId: 'node-a', chapterId: CHAPTER, now: NOW };

describe('triageChanges', () => {
  it('accepts a well-formed change to a synced column', () => {
    const ok = change('node-a', NOW, 0, { rowId: 'm1', col: 'first_name', value: 'Ada' });
    expect(triageChanges([ok], context)).toEqual({ valid: [ok], validIndexes: [0], rejected: [] });
  });

  it('refuses a change stamped more than 24 h ahead, with the reason, but accepts a clock 3 days behind', () => {
    const ahead = change('node-a', NOW + 25 * HOUR, 0, { rowId: 'm1', col: 'city', value: 'Lyon' });
    const justInside = change('node-a', NOW + 23 * HOUR, 0, { rowId: 'm1', col: 'city', value: 'Lyon' });
    const behind = change('node-a', NOW - 72 * HOUR, 0, { rowId: 'm1', col: 'city', value: 'Paris' });
    const { valid, rejected } = triageChanges([ahead, justInside, behind], context);
    expect(valid).toEqual([justInside, behind]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ index: 0, code: 'CLOCK_AHEAD' });
    expect(rejected[0]!.reason).toMatch(/25 h ahead.*more than 24 h in the future/);
  });

  it('refuses forged tables and columns per change', () => {
    const { valid, rejected } = triageChanges(
      [
        change('node-a', NOW, 0, { tbl: 'devices', rowId: 'x', col: 'token_hash', value: 'x' }),
        change('node-a', NOW, 0, { rowId: 'm1', col: 'created_at', value: 'x' }),
        change('node-a', NOW, 0, { tbl: '__proto__', rowId: 'm1', col: 'name', value: 'x' }),
        change('node-a', NOW, 0, { tbl: 'members', rowId: 'm1', col: 'constructor', value: 'x' }),
      ],
      context,
    );
    expect(valid).toEqual([]);
    expect(rejected.map((r) => [r.index, r.code])).toEqual([
      [0, 'VALIDATION'],
      [1, 'VALIDATION'],
      [2, 'VALIDATION'],
      [3, 'VALIDATION'],
    ]);
    expect(rejected[0]!.reason).toContain('Table "devices" is not synced');
    expect(rejected[1]!.reason).toContain('Column "created_at" of members is not synced');
  });

  it('refuses changes made by another node', () => {
    const { rejected } = triageChanges(
      [change('node-b', NOW, 0, { rowId: 'm1', col: 'city', value: 'x' })],
      context,
    );
    expect(rejected).toEqual([expect.objectContaining({ index: 0, code: 'FORBIDDEN' })]);
  });

  it('refuses malformed changes with a reason and keeps the rest', () => {
    const good = change('node-a', NOW, 1, { rowId: 'm1', col: 'city', value: 'Lyon' });
    const malformed = [
      null,
      { ...good, value: '{not json' },
      { ...good, hlc: 'yesterday' },
      { ...good, hlc: formatHlc({ wall: NOW, counter: 0, node: 'node-b' }) },
      { ...good, rowId: '' },
      { ...good, rowId: 'a/b' },
      { ...good, value: '"\ud800"' },
      { ...good, value: 'x'.repeat(70_000) },
    ];
    const { valid, rejected } = triageChanges([...malformed, good], context);
    expect(valid).toEqual([good]);
    expect(rejected.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const rejection of rejected) {
      expect(rejection.code).toBe('VALIDATION');
      expect(rejection.reason).toMatch(/^Malformed change: /);
    }
    expect(rejected[1]!.reason).toContain('value must be JSON text');
    expect(rejected[3]!.reason).toContain('the node of hlc must equal nodeId');
  });

  it('refuses a value that does not fit its column, and another chapter’s row, with a stable code', () => {
    const edit = (counter: number, tbl: string, rowId: string, col: string, value: unknown) =>
      change('node-a', NOW, counter, { tbl, rowId, col, value });
    const fine = edit(0, 'members', 'm1', 'first_name', 'Ada');
    const { valid, rejected } = triageChanges(
      [
        fine,
        edit(1, 'members', 'm1', 'first_name', 'A'.repeat(65_000)),
        edit(2, 'members', 'm1', 'first_name', { first: 'Ada' }),
        edit(3, 'members', 'm1', 'deleted', 'maybe'),
        edit(4, 'chapter', '0d6f3f43-5c36-4c52-8a8e-1f1f7e54c0aa', 'name', 'Elsewhere'),
        edit(5, 'chapter', CHAPTER, 'grace_days', 1e300),
        edit(6, 'payments', 'p1', 'currency', 'EURO'),
        edit(7, 'members', 'm1', 'joined_on', '2024-02-30'),
        edit(8, 'chapter', CHAPTER, 'name', 'Lyon'),
      ],
      context,
    );
    expect(valid.map((c) => c.hlc)).toEqual([fine.hlc, expect.stringContaining(':000008:')]);
    expect(rejected.map((r) => [r.index, r.code, r.problem?.code])).toEqual([
      [1, 'VALIDATION', 'VALUE_INVALID'],
      [2, 'VALIDATION', 'VALUE_INVALID'],
      [3, 'VALIDATION', 'VALUE_INVALID'],
      [4, 'FORBIDDEN', 'OTHER_CHAPTER'],
      [5, 'VALIDATION', 'VALUE_INVALID'],
      [6, 'VALIDATION', 'VALUE_INVALID'],
      [7, 'VALIDATION', 'VALUE_INVALID'],
    ]);
    expect(rejected[0]!.problem).toEqual({
      code: 'VALUE_INVALID',
      params: { table: 'members', column: 'first_name', reason: 'At most 200 characters' },
    });
    expect(rejected[0]!.reason).toBe('members.first_name: At most 200 characters');
    expect(rejected[2]!.reason).toBe('members.deleted: Must be 0 or 1');
    expect(rejected[3]!.problem).toEqual({
      code: 'OTHER_CHAPTER',
      params: { table: 'chapter', rowId: '0d6f3f43-5c36-4c52-8a8e-1f1f7e54c0aa' },
    });
  });

  it('only knows the columns of the schema the client declares', () => {
    expect(syncedColumns(0).size).toBe(0);
    expect([...syncedColumns(1).keys()]).toEqual(['chapter', 'membership_types', 'members']);
    const { rejected } = triageChanges([change('node-a', NOW, 0, { rowId: 'm1', col: 'city', value: 'x' })], {
      ...context,
      schema: 0,
    });
    expect(rejected[0]!.reason).toContain('Table "members" is not synced (schema 0)');
  });
});
