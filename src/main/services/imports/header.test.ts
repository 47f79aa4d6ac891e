import { describe, expect, it } from 'vitest';
import { detectHeaderRow } from './header';
import type { RawRow } from './table';

const rows = (...lines: string[][]): RawRow[] => lines.map((cells, i) => ({ rowNumber: i + 1, cells }));

describe('detectHeaderRow', () => {
  it('picks the row with known column names below titles and blanks', () => {
    const found = detectHeaderRow(
      rows(
        ['Members list 2024'],
        [''],
        ['Exported', '2024-05-01'],
        ['Nom', 'Prénom', 'Courriel'],
        ['Dupré', 'Hélène', 'h@x.fr'],
      ),
    );
    expect(found?.rowNumber).toBe(4);
  });

  it('falls back to the first row of labels as wide as the table', () => {
    const found = detectHeaderRow(
      rows(['Report'], ['Alpha', 'Beta', 'Gamma'], ['1', '2', '3'], ['4', '5', '6']),
    );
    expect(found?.rowNumber).toBe(2);
  });

  it('does not take numbers, dates or emails for labels', () => {
    const found = detectHeaderRow(
      rows(['Title'], ['2024-01-01', 'x@y.org', '12'], ['Alpha', 'Beta', 'Gamma']),
    );
    expect(found?.rowNumber).toBe(3);
  });

  it('a single-column list has its header in the first row', () => {
    expect(detectHeaderRow(rows(['Email'], ['a@b.org']))?.rowNumber).toBe(1);
  });

  it('nothing to find in blank rows', () => {
    expect(detectHeaderRow(rows([''], ['  ']))).toBeNull();
  });
});
