import { z } from 'zod';
import { chapterSetupInput, countryCode, currencyCode, UI_LANGUAGES } from './domain';
import { CSV_DELIMITERS } from './locale/csv';
import { membershipTypeFields } from './payments';
import { problemParams } from './problems';

const setup = chapterSetupInput.shape;

/** The officers' names the chapter keeps: who may be named as the officer using a laptop. */
export const officerNames = z
  .array(setup.officerName)
  .max(50, 'At most 50 officers')
  .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, {
    message: 'Each officer once',
    params: problemParams('OFFICERS_REPEATED'),
  });

/** How the officer list is stored in its one text column (and travels): a JSON array of names. */
export const officersColumn = z.string().refine((text) => {
  try {
    return officerNames.safeParse(JSON.parse(text)).success;
  } catch {
    // Not JSON: the value is refused, which is the answer this check gives.
    return false;
  }
}, 'Must be a JSON list of at most 50 distinct officer names');

export const csvDelimiter = z.enum(CSV_DELIMITERS);

/**
 * A change to the chapter's settings: only the fields given change, each as an edit of the chapter
 * row that syncs (and shows in its history), except `officerName`, which names the officer using
 * this laptop (recorded with every change it makes) and stays on this laptop.
 */
export const chapterUpdateInput = z.strictObject({
  name: setup.name.optional(),
  country: countryCode.optional(),
  currency: currencyCode.optional(),
  timeZone: setup.timeZone,
  graceDays: membershipTypeFields.shape.graceDays.unwrap().optional(),
  locale: z.enum(UI_LANGUAGES).optional(),
  /** Null: propose the delimiter of the language's spreadsheets. */
  csvDelimiter: csvDelimiter.nullable().optional(),
  officers: officerNames.optional(),
  officerName: setup.officerName.optional(),
});
