import { describe, expect, it } from 'vitest';
import { membersToCsv, neutraliseFormula } from './export';

describe('formula neutralisation', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+cmd|"/c calc"!A1', `'+cmd|"/c calc"!A1`],
    ['-2+3+cmd|x', "'-2+3+cmd|x"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', "'\rCR"],
    ['+254 712 345678', '+254 712 345678'],
    ['+33612345678', '+33612345678'],
    ['-5', '-5'],
    ['Hélène', 'Hélène'],
    ['a=b', 'a=b'],
  ])('%j becomes %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });
});

describe('CSV export of the chapter’s own fields', () => {
  it('neutralises a field’s label in the header row as it does every value', () => {
    const field = {
      id: '9b2f4a4e-7d2a-4d55-9a55-3c1f7f0f1a11',
      label: '=HYPERLINK("http://evil.example","Size")',
      kind: 'text' as const,
      choices: [],
      position: 0,
      retired: false,
    };
    const csv = membersToCsv([], { delimiter: ',', language: 'en' }, { fields: [field], values: new Map() });
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0]!;
    expect(header.endsWith(`"'=HYPERLINK(""http://evil.example"",""Size"")"`)).toBe(true);
  });
});
