import type { OperationInput } from '../../../shared/api';
import type { ImportResultView } from '../../../shared/imports';

export type ImportDecision = NonNullable<OperationInput<'imports.start'>['decisions']>[number];
export type PossibleDuplicateRow = ImportResultView['possibleDuplicates'][number];

/** What the secretary chose for a possible duplicate; 'hold' is having chosen nothing yet. */
export type DuplicateChoice =
  { action: 'hold' } | { action: 'keep' } | { action: 'skip' } | { action: 'merge'; memberId: string };
export type Choices = ReadonlyMap<number, DuplicateChoice>;

export const HOLD: DuplicateChoice = { action: 'hold' };
const KEEP: DuplicateChoice = { action: 'keep' };
const SKIP: DuplicateChoice = { action: 'skip' };

/** Everything the secretary decided about the possible duplicates of one preview. */
export interface Review {
  choices: Choices;
  /**
   * Set by "Keep all" when the preview lists only some of the possible duplicates: the others
   * cannot be named row by row, so the import is told to keep every row nobody decided about.
   */
  keepUnlisted: boolean;
}

export const NO_REVIEW: Review = { choices: new Map(), keepUnlisted: false };

/** The decisions `imports.start` takes: one per row the secretary decided about, in row order. */
export function buildDecisions(choices: Choices): ImportDecision[] {
  return [...choices]
    .sort(([a], [b]) => a - b)
    .flatMap(([rowNumber, choice]): ImportDecision[] => {
      if (choice.action === 'hold') return [];
      if (choice.action === 'merge') return [{ rowNumber, action: 'merge', memberId: choice.memberId }];
      return [{ rowNumber, action: choice.action }];
    });
}

export function withChoice(choices: Choices, rowNumber: number, choice: DuplicateChoice): Choices {
  const next = new Map(choices);
  if (choice.action === 'hold') next.delete(rowNumber);
  else next.set(rowNumber, choice);
  return next;
}

export function withReviewChoice(review: Review, rowNumber: number, choice: DuplicateChoice): Review {
  return { ...review, choices: withChoice(review.choices, rowNumber, choice) };
}

/**
 * One choice for every possible duplicate at once; each row can still be changed afterwards.
 * Keep: a row that would be a new member becomes one, and a row certainly matching a member goes
 * back to updating it. Skip: nothing listed is imported; a row not listed cannot be named, and
 * when it would be a new member it stays held back, which imports it no more than a skip.
 * `total` is the exact count of possible duplicates, of which `rows` may be only the first ones.
 */
export function decideAll(
  rows: readonly PossibleDuplicateRow[],
  total: number,
  action: 'keep' | 'skip',
): Review {
  if (action === 'skip') {
    return { choices: new Map(rows.map((row) => [row.rowNumber, SKIP])), keepUnlisted: false };
  }
  const choices = new Map(
    rows.flatMap((row): [number, DuplicateChoice][] =>
      updatesByDefault(row) ? [] : [[row.rowNumber, KEEP]],
    ),
  );
  return { choices, keepUnlisted: total > rows.length };
}

/** What `imports.start` takes from a review. */
export function reviewRequest(review: Review): {
  decisions: ImportDecision[];
  keepPossibleDuplicates: boolean;
} {
  return { decisions: buildDecisions(review.choices), keepPossibleDuplicates: review.keepUnlisted };
}

/** The choice a row's control shows: without one of her own, what the import will do with it. */
export function shownChoice(row: PossibleDuplicateRow, review: Review): DuplicateChoice {
  const own = review.choices.get(row.rowNumber);
  if (own) return own;
  return review.keepUnlisted && !updatesByDefault(row) ? KEEP : HOLD;
}

/** Holding a row back is no longer possible once the import keeps every row left undecided. */
export function canHoldBack(row: PossibleDuplicateRow, review: Review): boolean {
  return !updatesByDefault(row) && !review.keepUnlisted;
}

/** A choice as a <select> value, and back. */
export function choiceValue(choice: DuplicateChoice): string {
  return choice.action === 'merge' ? `merge:${choice.memberId}` : choice.action;
}

export function parseChoice(value: string): DuplicateChoice {
  if (value.startsWith('merge:')) return { action: 'merge', memberId: value.slice('merge:'.length) };
  if (value === 'keep' || value === 'skip') return { action: value };
  return HOLD;
}

/** The existing members a row can be merged into (a row of the file cannot be a merge target). */
export function mergeTargets(row: PossibleDuplicateRow): string[] {
  const ids = row.duplicates.flatMap((d) => (d.kind === 'member' ? [d.memberId] : []));
  return [...new Set(ids)];
}

/**
 * A row certainly matching a member (same email or number) updates it whatever else it resembles;
 * only a row that would become a new member waits for a decision.
 */
export function updatesByDefault(row: PossibleDuplicateRow): boolean {
  return row.memberId !== null;
}

export function heldBackCount(rows: readonly PossibleDuplicateRow[], review: Review): number {
  return rows.filter((row) => !updatesByDefault(row) && shownChoice(row, review).action === 'hold').length;
}
