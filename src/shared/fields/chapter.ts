import { z } from 'zod';
import { chapterSetupInput, countryCode, currencyCode, retentionYears } from '../domain';
import { csvDelimiter, officersColumn } from '../chapter-settings';
import { membershipTypeFields } from '../payments';
import { normalised, type SyncedField } from './field';

const setup = chapterSetupInput.shape;

/**
 * The chapter's settings: one row, whose id is the chapter's id on the server. The server takes
 * a change to this table only for the pushing device's own chapter (see `changeProblem`).
 */
export const CHAPTER_COLUMNS: readonly SyncedField[] = [
  { column: 'name', since: 1, value: setup.name.nullable() },
  { column: 'country', since: 1, value: normalised(countryCode).nullable() },
  // Setup takes any three letters (not only the codes this runtime knows), and types and payments
  // inherit the chapter's currency: the stored form is the check, at every currency column.
  { column: 'currency', since: 1, value: normalised(currencyCode).nullable() },
  // The same range as a membership type's own grace period; the column is never empty.
  { column: 'grace_days', since: 1, value: membershipTypeFields.shape.graceDays.unwrap() },
  { column: 'locale', since: 1, value: setup.locale.unwrap() },
  // Nothing in the app deletes the chapter, and a deleted chapter row leaves every laptop without
  // one: only 0 travels.
  { column: 'deleted', since: 1, value: z.literal(0, { error: 'The chapter is never deleted' }) },
  { column: 'time_zone', since: 2, value: setup.timeZone.unwrap().nullable() },
  // Years a lapsed member is kept before being listed for erasure; null is off.
  { column: 'retention_years', since: 5, value: retentionYears },
  // The officers' names as one JSON list: a chapter has a handful, edited together in Settings.
  { column: 'officers', since: 5, value: officersColumn.nullable() },
  // Null: each laptop proposes what its language's spreadsheets expect.
  { column: 'csv_delimiter', since: 5, value: csvDelimiter.nullable() },
];
