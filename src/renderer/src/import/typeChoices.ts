import type { ImportTypeChoice } from '../../../shared/imports';

/**
 * What the secretary said values of the file's type column stand for, by value as the file first
 * writes it (the import compares values ignoring case and accents). null: no type.
 */
export type TypeChoices = ReadonlyMap<string, string | null>;

export const NO_TYPE_CHOICES: TypeChoices = new Map();

export function withTypeChoice(choices: TypeChoices, value: string, typeId: string | null): TypeChoices {
  return new Map(choices).set(value, typeId);
}

/** The type chosen for a value: undefined when none was chosen, null for "no type". */
export function chosenType(choices: TypeChoices, value: string): string | null | undefined {
  return choices.get(value);
}

/** The choices as the import takes them. */
export function typeChoicesRequest(choices: TypeChoices): ImportTypeChoice[] {
  return [...choices].map(([value, typeId]) => ({ value, typeId }));
}
