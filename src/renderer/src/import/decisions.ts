import type { OperationInput } from '../../../shared/api';
import type { ImportResultView } from '../../../shared/imports';

export type ImportDecision = NonNullable<OperationInput<'imports.start'>['decisions']>[number];
export type PossibleDuplicateRow = ImportResultView['possibleDuplicates'][number];

/** What the secretary chose for a possible duplicate; 'hold' is having chosen nothing yet. */
export type DuplicateChoice =
  { action: 'hold' } | { action: 'keep' } | { action: 'skip' } | { action: 'merge'; memberId: string };
export type Choices = ReadonlyMap<number, DuplicateChoice>;

export const HOLD: DuplicateChoice = { action: 'hold' };

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

export function heldBackCount(rows: readonly PossibleDuplicateRow[], choices: Choices): number {
  return rows.filter((row) => !updatesByDefault(row) && !choices.has(row.rowNumber)).length;
}
