import { describe, expect, it } from 'vitest';
import { foldText, searchTerms } from './text';

describe('foldText', () => {
  it('folds case and accents in any script, so names compare and sort as people expect', () => {
    expect(foldText(' Hélène DUPRÉ ')).toBe('helene dupre');
    expect(foldText('Nguyễn Thị Ánh')).toBe('nguyen thi anh');
    expect(foldText('ΣΟΦΊΑ')).toBe('σοφια');
    expect(foldText('Иванов Йосиф')).toBe('иванов иосиф');
    expect(foldText('ﬁne')).toBe('fine');
    expect(foldText('李小龙')).toBe('李小龙');
    expect(foldText('Jean-Paul O’Neil')).toBe('jean-paul o’neil');
    expect(foldText('Jean-Paul ONEIL')).toBe('jean-paul oneil');
  });

  it('uses no language’s special rules: a Turkish capital I folds like any other', () => {
    expect(foldText('IŞIK')).toBe('isik');
    expect(foldText('İstanbul')).toBe('istanbul');
  });

  it('splits a search into folded words', () => {
    expect(searchTerms('  Hélène, du-pré ')).toEqual(['helene', 'du', 'pre']);
  });
});
