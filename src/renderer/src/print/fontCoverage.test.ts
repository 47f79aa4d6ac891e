import { describe, expect, it } from 'vitest';
import { charactersByScript, missingScripts, scriptOf } from './fontCoverage';

describe('font coverage of a document', () => {
  it('sorts the characters that need a font by script, leaving Latin, digits and punctuation out', () => {
    const found = charactersByScript('Hélène Dupré, 12 · محمد علي · 王伟 · Иван · सीता · 𞓐𞓑');
    expect([...found.keys()]).toEqual(['Arab', 'Hani', 'Cyrl', 'Deva', 'Nagm']);
    expect(found.get('Hani')).toEqual(['王', '伟']);
    expect(scriptOf('é')).toBe('Zzzz');
  });

  it('names a script as missing when any of its characters cannot be drawn, and only those', () => {
    const canDraw = (char: string) => !/\p{Script=Deva}/u.test(char);
    expect(missingScripts('Amina محمد सीता 王', canDraw)).toEqual(['Deva']);
    expect(missingScripts('Amina Hélène', () => false)).toEqual([]);
  });
});
