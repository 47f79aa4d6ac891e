import { describe, expect, it } from 'vitest';
import { fittingSize, fittingWrappedSize, textEm, wrappedLines } from './fit';

describe('text fitted to a label', () => {
  it('wraps at spaces, and breaks a word longer than the line', () => {
    expect(wrappedLines('Rue 10', 20)).toBe(1);
    const words = 'Cité Keur Gorgui, immeuble B, appartement 12, deuxième étage';
    expect(wrappedLines(words, textEm(words) / 2 + 1)).toBe(2);
    expect(wrappedLines('x'.repeat(30), textEm('x'.repeat(10)))).toBe(3);
  });

  it('lets a long street wrap at full size before shrinking, and says when nothing fits', () => {
    const lines = [
      'Fatou Ndiaye',
      'Cité Keur Gorgui, immeuble B, appartement 12, deuxième étage',
      '10700 Dakar',
    ];
    const box = { width: 57.5, height: 34 };
    const options = { max: 10, min: 6, leading: 1.2 };
    // On one line each, the street would shrink the whole label; wrapped, it keeps the full size.
    expect(fittingSize(lines, box, options)).toBeLessThan(10);
    expect(fittingWrappedSize(lines, box, options)).toBe(10);
    const tooMany = Array.from({ length: 12 }, (_, i) => `Line ${i}`);
    expect(fittingWrappedSize(tooMany, { width: 57.5, height: 21 }, options)).toBeNull();
  });
});
