import { describe, expect, it } from 'vitest';
import {
  buildDecisions,
  canHoldBack,
  choiceValue,
  decideAll,
  HOLD,
  heldBackCount,
  mergeTargets,
  NO_REVIEW,
  parseChoice,
  reviewRequest,
  shownChoice,
  withChoice,
  withReviewChoice,
  type Choices,
  type DuplicateChoice,
  type PossibleDuplicateRow,
  type Review,
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

const review = (choices: Choices, keepUnlisted = false): Review => ({ choices, keepUnlisted });

describe('heldBackCount', () => {
  it('counts undecided rows that would be new members', () => {
    const rows = [row(2), row(3), row(4, { memberId: MEMBER_A }), row(5)];
    expect(heldBackCount(rows, NO_REVIEW)).toBe(3);
    expect(heldBackCount(rows, review(new Map([[2, { action: 'skip' }]])))).toBe(2);
    expect(heldBackCount(rows, review(new Map([[3, { action: 'keep' }]])))).toBe(2);
  });

  it('counts nothing once the import keeps every undecided row', () => {
    expect(heldBackCount([row(2), row(3)], review(new Map(), true))).toBe(0);
  });
});

describe('decideAll', () => {
  const rows = [row(2), row(3, { memberId: MEMBER_A }), row(5)];

  it('keeps every listed row that would be a new member, and leaves a certain match updating', () => {
    const kept = decideAll(rows, rows.length, 'keep');
    expect([...kept.choices]).toEqual([
      [2, { action: 'keep' }],
      [5, { action: 'keep' }],
    ]);
    expect(shownChoice(rows[1]!, kept)).toEqual(HOLD);
    expect(kept.keepUnlisted).toBe(false);
    expect(reviewRequest(kept)).toEqual({
      decisions: [
        { rowNumber: 2, action: 'keep' },
        { rowNumber: 5, action: 'keep' },
      ],
      keepPossibleDuplicates: false,
    });
  });

  it('also keeps the rows a cut-short list leaves out, which only the import can reach', () => {
    const kept = decideAll(rows, 742, 'keep');
    expect(kept.keepUnlisted).toBe(true);
    expect(reviewRequest(kept).keepPossibleDuplicates).toBe(true);
    expect(heldBackCount(rows, kept)).toBe(0);
  });

  it('skips every listed row, a certain match included, and stops keeping the unlisted ones', () => {
    const skipped = decideAll(rows, 742, 'skip');
    expect(skipped.keepUnlisted).toBe(false);
    expect(reviewRequest(skipped)).toEqual({
      decisions: [
        { rowNumber: 2, action: 'skip' },
        { rowNumber: 3, action: 'skip' },
        { rowNumber: 5, action: 'skip' },
      ],
      keepPossibleDuplicates: false,
    });
  });

  it('leaves every row changeable one by one afterwards, still keeping the unlisted ones', () => {
    const kept = decideAll(rows, 742, 'keep');
    const changed = withReviewChoice(kept, 5, { action: 'skip' });
    expect(changed.keepUnlisted).toBe(true);
    expect(reviewRequest(changed).decisions).toEqual([
      { rowNumber: 2, action: 'keep' },
      { rowNumber: 5, action: 'skip' },
    ]);
    expect(heldBackCount(rows, changed)).toBe(0);
  });
});

describe('shownChoice and canHoldBack', () => {
  it('show an undecided new row as kept, with no way to hold it back, while the unlisted rows are kept', () => {
    const keepingAll = review(new Map(), true);
    expect(shownChoice(row(9), keepingAll)).toEqual({ action: 'keep' });
    expect(canHoldBack(row(9), keepingAll)).toBe(false);
    expect(shownChoice(row(9), NO_REVIEW)).toEqual(HOLD);
    expect(canHoldBack(row(9), NO_REVIEW)).toBe(true);
  });

  it('never offer to hold back a row that updates its member by default', () => {
    expect(canHoldBack(row(4, { memberId: MEMBER_A }), NO_REVIEW)).toBe(false);
    expect(shownChoice(row(4, { memberId: MEMBER_A }), review(new Map(), true))).toEqual(HOLD);
  });
});
