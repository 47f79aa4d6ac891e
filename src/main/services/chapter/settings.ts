import type { ParsedInput } from '../../../shared/api';
import { officerNames } from '../../../shared/chapter-settings';
import type { Chapter, HistoryEntry } from '../../../shared/domain';
import { fieldError } from '../../../shared/errors';
import { problem, zodProblem } from '../../../shared/problems';
import { parseHlc } from '../../../shared/hlc';
import { fieldName } from '../../../shared/text';
import { rowChanges, writeRow, type RowValues, type WriteContext } from '../../db/changes';
import type { Db } from '../../db/open';
import { authorOf } from '../../sync/authors';
import { refreshDerived } from '../../sync/apply';
import { setOfficerName } from '../device/device';
import { requireChapter } from './chapter';

/**
 * Changes the chapter's settings: each field given that differs is an edit of the chapter row,
 * which syncs and shows in the chapter's history. Naming this laptop's officer is local; the
 * laptop's officer is always on the chapter's list (added when missing, kept when a new list
 * leaves them out), so every name the history shows is an officer's.
 */
export function updateChapter(
  db: Db,
  writeContext: () => WriteContext,
  input: ParsedInput<'chapter.update'>,
): Chapter {
  db.transaction(() => {
    const chapter = requireChapter(db);
    const { officerName, officers: listed, ...settings } = input;
    const user = officerName ?? chapter.officerName;
    let officers = listed ?? chapter.officers;
    if (!officers.some((name) => name.toLowerCase() === user.toLowerCase())) officers = [...officers, user];
    // The list as stored must pass the check sync makes of it (50 names at most).
    const stored = officerNames.safeParse(officers);
    if (!stored.success) {
      const issue = stored.error.issues[0];
      const found = issue ? zodProblem(issue) : problem('custom');
      const named =
        found.code === 'too_big' ? problem('OFFICERS_TOO_MANY', { maximum: found.params.maximum }) : found;
      const message = issue?.message ?? 'Not a list of officers';
      throw fieldError('VALIDATION', 'officers', message, named, message);
    }
    if (user !== chapter.officerName) setOfficerName(db, user);
    const values = {
      name: settings.name,
      country: settings.country,
      currency: settings.currency,
      time_zone: settings.timeZone,
      grace_days: settings.graceDays,
      locale: settings.locale,
      csv_delimiter: settings.csvDelimiter,
      officers: listed !== undefined || officerName !== undefined ? JSON.stringify(officers) : undefined,
    };
    // Only what was given is compared with the row; writeRow logs the fields that differ.
    const given: RowValues = {};
    for (const [column, value] of Object.entries(values)) if (value !== undefined) given[column] = value;
    const changed = writeRow(writeContext(), 'chapter', chapter.id, given);
    // Members without a country of their own read their phone numbers with the chapter's.
    if (changed.includes('country')) refreshDerived(db, 'chapter', chapter.id, 'country');
    // Names sort in the order of the chapter's language.
    if (changed.includes('locale')) refreshDerived(db, 'chapter', chapter.id, 'locale');
  })();
  return requireChapter(db);
}

/** Every change to the chapter's settings, oldest first, with the officer and laptop that made it. */
export function chapterHistory(db: Db): HistoryEntry[] {
  const chapter = requireChapter(db);
  const author = authorOf(db);
  return rowChanges(db, 'chapter', chapter.id)
    .filter((c) => c.col !== 'deleted')
    .map((c) => ({
      hlc: c.hlc,
      at: new Date(parseHlc(c.hlc).wall).toISOString(),
      column: fieldName(c.col),
      value: c.value === null ? null : (JSON.parse(c.value) as unknown),
      by: author(c.node_id, c.officer),
    }));
}
