import { describe, expect, it } from 'vitest';
import { toCountryCode } from './countries';
import { nameKey, splitFullName } from './names';

describe('splitFullName', () => {
  it.each([
    ['Dupré, Hélène', 'Hélène', 'Dupré'],
    ['Hélène Dupré', 'Hélène', 'Dupré'],
    ['  Hélène   Dupré ', 'Hélène', 'Dupré'],
    ['Dupré', '', 'Dupré'],
    ['DUPRÉ Hélène', 'Hélène', 'DUPRÉ'],
    ['Marie Claire DUPONT', 'Marie Claire', 'DUPONT'],
    ['Jean DE LA TOUR', 'Jean', 'DE LA TOUR'],
    ['Juan García López', 'Juan', 'García López'],
    ['João da Silva', 'João', 'da Silva'],
    ['JEAN DUPONT', 'JEAN', 'DUPONT'],
    ['J. DUPONT', 'J.', 'DUPONT'],
    ['García López, Juan Carlos', 'Juan Carlos', 'García López'],
    [', Hélène', '', 'Hélène'],
  ])('%j', (full, firstName, lastName) => {
    expect(splitFullName(full)).toEqual({ firstName, lastName });
  });
});

describe('nameKey', () => {
  it('ignores accents, case, spacing and order', () => {
    expect(nameKey('Hélène', 'Dupré')).toBe(nameKey('helene', 'DUPRE'));
    expect(nameKey('Hélène', 'Dupré')).toBe(nameKey('Dupré', 'Hélène'));
    expect(nameKey('Jean-Pierre', 'Dupont')).toBe(nameKey('Jean Pierre', 'Dupont'));
    expect(nameKey('', '')).toBe('');
  });
});

describe('toCountryCode', () => {
  it.each([
    ['FR', 'FR'],
    ['fr', 'FR'],
    ['France', 'FR'],
    ['Royaume-Uni', 'GB'],
    ['UK', 'GB'],
    ['United States', 'US'],
    ['U.S.A.', 'US'],
    ['Estados Unidos', 'US'],
    ['Brasil', 'BR'],
    ['Kenya', 'KE'],
    ["Côte d'Ivoire", 'CI'],
    ['RDC', 'CD'],
    ['Allemagne', 'DE'],
    ['The Netherlands', 'NL'],
    ['España', 'ES'],
  ])('%s -> %s', (value, code) => {
    expect(toCountryCode(value)).toBe(code);
  });

  it.each(['Narnia', 'XX', '', 'Europe'])('%j is not a country', (value) => {
    expect(toCountryCode(value)).toBeNull();
  });
});
