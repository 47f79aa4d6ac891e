/**
 * The columns of the members table: which ones the person at this laptop wants (the column picker,
 * kept in local storage like the language) and which of those fit the width the table has. A
 * column that does not fit is left out whole, never cut: the table does not scroll sideways.
 */

export type MemberColumn =
  'name' | 'status' | 'memberNumber' | 'email' | 'phone' | 'city' | 'type' | 'joinedOn';

/** In order of importance: when the window is narrow, columns are left out from the end of this list. */
export const MEMBER_COLUMNS: readonly MemberColumn[] = [
  'name',
  'status',
  'memberNumber',
  'email',
  'phone',
  'city',
  'type',
  'joinedOn',
];

/** The name says which row is whose, so it cannot be hidden. */
export const ALWAYS_SHOWN: MemberColumn = 'name';

/**
 * Each column's narrowest width in rem (enough for its header with the sort arrow, in English and
 * French, and for a typical value: a number like SN-000123, a medium date, a status badge) and its
 * share of any width left over.
 */
const LAYOUT: Record<MemberColumn, { minRem: number; grow: number }> = {
  name: { minRem: 10, grow: 2 },
  status: { minRem: 11, grow: 1 },
  memberNumber: { minRem: 6.5, grow: 0.6 },
  email: { minRem: 12, grow: 2 },
  phone: { minRem: 10.5, grow: 1.1 },
  city: { minRem: 7, grow: 1 },
  type: { minRem: 7, grow: 1 },
  joinedOn: { minRem: 8, grow: 0.9 },
};

/**
 * The wanted columns that fit `widthPx`, in table order. Each is taken in order of importance if
 * its narrowest width still fits; one that does not is skipped, and a narrower one after it may
 * still fit. The name is always there, whatever the width.
 */
export function fitColumns(wanted: readonly MemberColumn[], widthPx: number, remPx: number): MemberColumn[] {
  let used = LAYOUT[ALWAYS_SHOWN].minRem * remPx;
  const shown = new Set<MemberColumn>([ALWAYS_SHOWN]);
  for (const column of MEMBER_COLUMNS) {
    if (shown.has(column) || !wanted.includes(column)) continue;
    const width = LAYOUT[column].minRem * remPx;
    if (used + width > widthPx) continue;
    used += width;
    shown.add(column);
  }
  return MEMBER_COLUMNS.filter((column) => shown.has(column));
}

/** The CSS grid tracks for these columns: each at least its narrowest width, sharing what is left. */
export function gridColumns(columns: readonly MemberColumn[]): string {
  return columns.map((column) => `minmax(${LAYOUT[column].minRem}rem, ${LAYOUT[column].grow}fr)`).join(' ');
}

const HIDDEN_KEY = 'chapterdesk.memberColumns.hidden';

/**
 * The columns wanted on this laptop. What is stored is the list of columns turned off, so that a
 * column added in a later version shows until someone turns it off.
 */
export function wantedColumns(storage: Pick<Storage, 'getItem'>): MemberColumn[] {
  const hidden = readHidden(storage.getItem(HIDDEN_KEY));
  return MEMBER_COLUMNS.filter((column) => column === ALWAYS_SHOWN || !hidden.includes(column));
}

export function rememberWantedColumns(
  storage: Pick<Storage, 'setItem'>,
  wanted: readonly MemberColumn[],
): void {
  const hidden = MEMBER_COLUMNS.filter((column) => !wanted.includes(column));
  storage.setItem(HIDDEN_KEY, JSON.stringify(hidden));
}

function readHidden(stored: string | null): string[] {
  if (stored === null) return [];
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    // Written by hand or by an older version: every column shows again rather than the list failing.
    return [];
  }
}
