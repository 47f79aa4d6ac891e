import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './export';

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
