import { describe, expect, it } from 'vitest';
import { csvRecords, normaliseNewlines } from './csv';
import { detectDelimiter } from './delimit';

const records = (text: string, delimiter: ',' | ';' | '\t' | '|' = ',') =>
  [...csvRecords(normaliseNewlines(text), delimiter)].map((r) => [r.rowNumber, r.cells]);

describe('detectDelimiter', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n4,5,6\n'],
    [';', 'a;b;c\n1;2;3\n4;5;6\n'],
    ['\t', 'a\tb\tc\n1\t2\t3\n'],
    ['|', 'a|b|c\n1|2|3\n'],
  ])('finds %j', (delimiter, text) => {
    expect(detectDelimiter(text)).toEqual({ delimiter, hintLine: false });
  });

  it('is not fooled by commas inside values of a semicolon file', () => {
    const text =
      'Nom;Notes;Ville\nDupré;Trésorière, bureau, comptes;Paris\nMartin;"Dit ""bonjour"", souvent";Nice\n';
    expect(detectDelimiter(text).delimiter).toBe(';');
  });

  it('is not fooled by unquoted commas in a tab file (Excel "Unicode Text")', () => {
    expect(detectDelimiter('Name\tCity\nDupré, Hélène\tParis\nKamau, Wanjiru\tNairobi\n').delimiter).toBe(
      '\t',
    );
  });

  it('prefers semicolons when decimal commas split rows too', () => {
    expect(detectDelimiter('Nom;Prénom;Cotisation\nDupont;Jean;12,50\nMartin;Paul;20,00\n').delimiter).toBe(
      ';',
    );
  });

  it('ignores a title row', () => {
    expect(detectDelimiter('Members list 2024\n\nA;B;C\n1;2;3\n').delimiter).toBe(';');
  });

  it("honours Excel's sep= line", () => {
    expect(detectDelimiter('sep=|\na,b|c\n')).toEqual({ delimiter: '|', hintLine: true });
  });

  it('falls back to comma for one column', () => {
    expect(detectDelimiter('email\na@b.org\n').delimiter).toBe(',');
  });
});

describe('csvRecords', () => {
  it('numbers records like a spreadsheet: blank lines count, multi-line values are one row', () => {
    expect(records('a,b\n\n"x\ny",z\r\nlast,row')).toEqual([
      [1, ['a', 'b']],
      [2, ['']],
      [3, ['x\ny', 'z']],
      [4, ['last', 'row']],
    ]);
  });

  it('keeps doubled quotes, delimiters and CRLF inside quotes', () => {
    expect(records('"say ""hi""","a,b","l1\r\nl2"\n')[0]).toEqual([1, ['say "hi"', 'a,b', 'l1\nl2']]);
  });

  it('treats CR-only (old Mac) and mixed line ends alike', () => {
    expect(records('a,b\rc,d\r\ne,f\n').map(([, cells]) => cells)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      [''],
    ]);
  });

  it('reads across chunk boundaries, including a value longer than a chunk', () => {
    const long = 'x'.repeat(3 * 1024 * 1024);
    const lines = Array.from({ length: 50_000 }, (_, i) => `r${i},"v${i}, with comma"`);
    const text = `${lines.slice(0, 25_000).join('\n')}\n"${long}",end\n${lines.slice(25_000).join('\n')}\n`;
    const rows = [...csvRecords(text, ',')];
    expect(rows).toHaveLength(50_002);
    expect(rows[25_000]?.cells).toEqual([long, 'end']);
    expect(rows[50_000]).toEqual({ rowNumber: 50_001, cells: ['r49999', 'v49999, with comma'] });
    expect(rows.filter((r) => r.cells.length !== 2 && r.cells[0] !== '')).toEqual([]);
  });

  it('flags an unclosed quote on the row that swallowed the rest', () => {
    const rows = [...csvRecords('a,b\n"open,x\ny,z\n', ',')];
    expect(rows).toHaveLength(2);
    expect(rows[1]?.problem).toMatch(/never closed/);
  });

  it('flags stray quotes', () => {
    const rows = [...csvRecords('a,b\n"x"y,z\n', ',')];
    expect(rows[1]?.problem).toMatch(/stray quote/);
  });

  it('starts numbering where asked (after a sep= line)', () => {
    expect([...csvRecords('a\n', ',', 2)][0]?.rowNumber).toBe(2);
  });
});
