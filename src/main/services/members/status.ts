import { todayIn } from '../../../shared/dues/dates';

/**
 * The status rule (`memberStatus` in shared/dues/status.ts) as SQL, so filters and sorting run in
 * the database over 100,000 members with no background job. Tested against the pure rule.
 * `m.dues_through` is the member's derived paid-through date (migration 005); the type is joined
 * as `t`; @today is the date in the chapter's time zone and @grace the chapter's grace days, which
 * a type's own grace days override. `dues_through + grace >= today` is written as
 * `dues_through >= today - grace` so that it compares the indexed column with a constant.
 */
export const STATUS_SQL = `CASE
  WHEN t.kind = 'honorary' THEN 'honorary'
  WHEN t.kind = 'lifetime' THEN 'lifetime'
  WHEN m.dues_through IS NULL THEN 'never-paid'
  WHEN m.dues_through >= @today THEN 'active'
  WHEN m.dues_through >= date(@today, '-' || coalesce(t.grace_days, @grace) || ' days') THEN 'grace'
  ELSE 'lapsed'
END`;

/** The parameters STATUS_SQL needs, for a chapter at an instant. */
export function statusParams(
  chapter: { graceDays: number; timeZone: string | null },
  now: Date,
): { today: string; grace: number } {
  return { today: todayIn(chapter.timeZone, now), grace: chapter.graceDays };
}

/** Today's date where the secretary is, as the ISO string the status rule compares with. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
