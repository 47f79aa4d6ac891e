import { describe, expect, it } from 'vitest';
import {
  fitColumns,
  gridColumns,
  MEMBER_COLUMNS,
  rememberWantedColumns,
  wantedColumns,
  type MemberColumn,
} from './memberColumns';

const REM = 16;

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('the members table’s columns', () => {
  it('shows every column on a 1280 px laptop, and the name and status first on a narrow one', () => {
    expect(fitColumns(MEMBER_COLUMNS, 1230, REM)).toEqual(MEMBER_COLUMNS);
    const narrow = fitColumns(MEMBER_COLUMNS, 620, REM);
    expect(narrow.slice(0, 2)).toEqual(['name', 'status']);
    expect(narrow).not.toContain('joinedOn');
  });

  it('never asks for more width than there is', () => {
    for (const width of [400, 620, 750, 900, 1100]) {
      const template = gridColumns(fitColumns(MEMBER_COLUMNS, width, REM));
      const minimum = [...template.matchAll(/minmax\(([\d.]+)rem/g)].reduce(
        (sum, match) => sum + Number(match[1]) * REM,
        0,
      );
      expect(minimum).toBeLessThanOrEqual(width);
    }
  });

  it('keeps the name even where nothing else fits', () => {
    expect(fitColumns(MEMBER_COLUMNS, 100, REM)).toEqual(['name']);
  });

  it('leaves out a column turned off, and uses its room for the next one', () => {
    const all = fitColumns(MEMBER_COLUMNS, 750, REM);
    const withoutEmail = fitColumns(
      MEMBER_COLUMNS.filter((column) => column !== 'email'),
      750,
      REM,
    );
    expect(withoutEmail).not.toContain('email');
    expect(withoutEmail.length).toBeGreaterThanOrEqual(all.length);
    expect(withoutEmail.filter((column) => !all.includes(column))).not.toEqual([]);
  });

  it('follows the text size: larger text, fewer columns in the same width', () => {
    expect(fitColumns(MEMBER_COLUMNS, 1230, 24).length).toBeLessThan(MEMBER_COLUMNS.length);
  });

  it('remembers the columns turned off on this laptop; a column added later shows', () => {
    const storage = memoryStorage();
    expect(wantedColumns(storage)).toEqual(MEMBER_COLUMNS);
    const chosen: MemberColumn[] = MEMBER_COLUMNS.filter(
      (column) => column !== 'email' && column !== 'phone',
    );
    rememberWantedColumns(storage, chosen);
    expect(wantedColumns(storage)).toEqual(chosen);
  });

  it('shows every column again rather than fail when what is stored is not a list', () => {
    expect(wantedColumns(memoryStorage({ 'chapterdesk.memberColumns.hidden': '{not json' }))).toEqual(
      MEMBER_COLUMNS,
    );
    expect(wantedColumns(memoryStorage({ 'chapterdesk.memberColumns.hidden': '"email"' }))).toEqual(
      MEMBER_COLUMNS,
    );
  });

  it('cannot hide the name, whatever is stored', () => {
    expect(wantedColumns(memoryStorage({ 'chapterdesk.memberColumns.hidden': '["name","city"]' }))).toEqual(
      MEMBER_COLUMNS.filter((column) => column !== 'city'),
    );
  });
});
