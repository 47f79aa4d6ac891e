/**
 * Membership status as SQL, so filters and sorting run in the database over 100,000 members.
 * Honorary and lifetime types never lapse; otherwise a member is active through `paid_through`,
 * in grace for the chapter's grace period after it, and lapsed after that (or if never paid).
 * Expects the membership type joined as `t` and the parameters @today and @grace.
 */
export const STATUS_SQL = `CASE
  WHEN t.kind = 'honorary' THEN 'honorary'
  WHEN t.kind = 'lifetime' THEN 'active'
  WHEN m.paid_through IS NULL THEN 'lapsed'
  WHEN m.paid_through >= @today THEN 'active'
  WHEN date(m.paid_through, '+' || @grace || ' days') >= @today THEN 'grace'
  ELSE 'lapsed'
END`;

/** Today's date where the secretary is, as the ISO string the status rule compares with. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
