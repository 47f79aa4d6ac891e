import { describe, expect, it } from 'vitest';
import {
  buildDecisions,
  choiceValue,
  HOLD,
  heldBackCount,
  mergeTargets,
  parseChoice,
  withChoice,
  type Choices,
  type DuplicateChoice,
  type PossibleDuplicateRow,
} from './decisions';

const MEMBER_A = '7f1b5d0e-52a4-4a8e-9d55-0d5c8f1b2a01';
const MEMBER_B = '7f1b5d0e-52a4-4a8e-9d55-0d5c8f1b2a02';

const row = (rowNumber: number, extra: Partial<PossibleDuplicateRow> = {}): PossibleDuplicateRow => ({
  rowNumber,
  memberId: null,
  name: `Person ${rowNumber}`,
  email: null,
  duplicates: [],
  ...extra,
});

describe('buildDecisions', () => {
  it('sends nothing while every row is held back', () => {
    expect(buildDecisions(new Map())).toEqual([]);
    expect(buildDecisions(new Map([[4, HOLD]]))).toEqual([]);
  });

  it('sends one decision per decided row, in row order, with the member for a merge', () => {
    const choices: Choices = new Map<number, DuplicateChoice>([
      [9, { action: 'skip' }],
      [3, { action: 'merge', memberId: MEMBER_A }],
      [5, HOLD],
      [4, { action: 'keep' }],
    ]);
    expect(buildDecisions(choices)).toEqual([
      { rowNumber: 3, action: 'merge', memberId: MEMBER_A },
      { rowNumber: 4, action: 'keep' },
      { rowNumber: 9, action: 'skip' },
    ]);
  });
});

describe('withChoice', () => {
  it('records a decision without touching the previous map, and forgets it on hold', () => {
    const before: Choices = new Map([[2, { action: 'keep' }]]);
    const after = withChoice(before, 3, { action: 'skip' });
    expect([...after]).toEqual([
      [2, { action: 'keep' }],
      [3, { action: 'skip' }],
    ]);
    expect(before.size).toBe(1);
    expect([...withChoice(after, 2, HOLD)]).toEqual([[3, { action: 'skip' }]]);
  });
});

describe('choiceValue and parseChoice', () => {
  it('round-trip every kind of choice', () => {
    const all: DuplicateChoice[] = [
      HOLD,
      { action: 'keep' },
      { action: 'skip' },
      { action: 'merge', memberId: MEMBER_B },
    ];
    for (const choice of all) expect(parseChoice(choiceValue(choice))).toEqual(choice);
  });

  it('reads anything unknown as held back', () => {
    expect(parseChoice('delete')).toEqual(HOLD);
  });
});

describe('mergeTargets', () => {
  it('lists each existing member once and never a row of the file', () => {
    const duplicate = row(7, {
      duplicates: [
        { kind: 'row', rowNumber: 3, reason: 'Same name' },
        { kind: 'member', memberId: MEMBER_A, reason: 'Same phone' },
        { kind: 'member', memberId: MEMBER_B, reason: 'Same name' },
        { kind: 'member', memberId: MEMBER_A, reason: 'Same email' },
      ],
    });
    expect(mergeTargets(duplicate)).toEqual([MEMBER_A, MEMBER_B]);
    expect(mergeTargets(row(8, { duplicates: [{ kind: 'row', rowNumber: 2, reason: 'x' }] }))).toEqual([]);
  });
});

describe('heldBackCount', () => {
  it('counts undecided rows that would be new members', () => {
    const rows = [row(2), row(3), row(4, { memberId: MEMBER_A }), row(5)];
    expect(heldBackCount(rows, new Map())).toBe(3);
    expect(heldBackCount(rows, new Map([[2, { action: 'skip' }]]))).toBe(2);
    expect(heldBackCount(rows, new Map([[3, { action: 'keep' }]]))).toBe(2);
  });
});
