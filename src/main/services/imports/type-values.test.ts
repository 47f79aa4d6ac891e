import { describe, expect, it } from 'vitest';
import type { MembershipType } from '../../../shared/payments';
import { kindOfName, matchTypeName, typeKey, typeResolver } from './type-values';

const type = (id: string, name: string, extra: Partial<MembershipType> = {}): MembershipType => ({
  id,
  name,
  kind: 'individual',
  feeMinor: 0,
  currency: 'EUR',
  periodMonths: 12,
  graceDays: null,
  retired: false,
  ...extra,
});

/** The default types of a chapter set up in English, and in French. */
const ENGLISH = [type('i', 'Individual'), type('s', 'Student'), type('h', 'Honorary'), type('l', 'Lifetime')];
const FRENCH = [
  type('i', 'Individuel'),
  type('s', 'Étudiant'),
  type('h', "Membre d'honneur"),
  type('l', 'À vie'),
];

const matched = (value: string, types: readonly MembershipType[]) =>
  matchTypeName(value, types).type?.id ?? null;

describe('the membership type a file’s value names', () => {
  it('reduces a category to what identifies it', () => {
    expect(typeKey('Membres d’honneur')).toBe('honneur');
    expect(typeKey('ÉTUDIANTS')).toBe('etudiant');
    expect(typeKey('Tarif réduit')).toBe('reduit');
    // A name of filler words only is still a name.
    expect(typeKey('Membre')).toBe('membre');
  });

  it.each([
    ['Individuel', 'i'],
    ['Étudiant', 's'],
    ['etudiants', 's'],
    ['Honoraire', 'h'],
    ['Membre d’honneur', 'h'],
    ['Estudiante', 's'],
    ['Vitalício', 'l'],
    ['à vie', 'l'],
    ['STUDENT', 's'],
    ['Organization', null],
    ['Gold', null],
  ])('%j in an English chapter: %s', (value, id) => {
    expect(matched(value, ENGLISH)).toBe(id);
  });

  it.each([
    ['Individual', 'i'],
    ['Student', 's'],
    ['Honorary', 'h'],
    ['Lifetime', 'l'],
    ['Familia', null],
  ])('%j in a French chapter: %s', (value, id) => {
    expect(matched(value, FRENCH)).toBe(id);
  });

  it('prefers the same name to a translation, and does not guess between two that fit as well', () => {
    const both = [type('s', 'Student'), type('e', 'Étudiant')];
    expect(matched('Étudiant', both)).toBe('e');
    expect(matched('Student', both)).toBe('s');
    expect(matched('Estudiante', both)).toBeNull();
  });

  it('never gives a retired type, and says which one the value named', () => {
    const types = [type('i', 'Individual'), type('s', 'Student', { retired: true })];
    expect(matchTypeName('Étudiant', types)).toEqual({ type: null, retired: types[1] });
    // A type still given wins over a retired one of the same kind.
    const renamed = [...types, type('n', 'Students 2026')];
    expect(matchTypeName('Students 2026', renamed).type?.id).toBe('n');
  });

  it('guesses the kind of a type to create from its name', () => {
    expect(kindOfName('Organization')).toBe('organisation');
    expect(kindOfName('Honoraire')).toBe('honorary');
    expect(kindOfName('Famille')).toBe('family');
    expect(kindOfName('Bienfaiteur')).toBeNull();
  });
});

describe('resolving the values of a file', () => {
  it('takes the secretary’s choice, then a type created, then a remembered choice, then the name', () => {
    const types = [...ENGLISH, type('o', 'Organisation', { kind: 'organisation' })];
    const resolve = typeResolver(types, {
      choices: [
        { value: 'Bienfaiteur', typeId: 'h' },
        { value: 'Inconnu', typeId: null },
      ],
      created: new Map([['gold', 'o']]),
      remembered: new Map<string, string | null>([
        ['etudiant', 'i'],
        ['vieux', null],
      ]),
    });
    expect(resolve('Bienfaiteur')).toEqual({ typeId: 'h', source: 'chosen', retired: null });
    expect(resolve('inconnu')).toEqual({ typeId: null, source: 'none', retired: null });
    expect(resolve('Gold')).toEqual({ typeId: 'o', source: 'created', retired: null });
    expect(resolve('Étudiants')).toEqual({ typeId: 'i', source: 'remembered', retired: null });
    expect(resolve('Vieux')).toEqual({ typeId: null, source: 'remembered', retired: null });
    expect(resolve('Honoraire')).toEqual({ typeId: 'h', source: 'name', retired: null });
    expect(resolve('Platine')).toEqual({ typeId: null, source: null, retired: null });
  });

  it('forgets a remembered type that was deleted, and does not give one retired since', () => {
    const retired = type('s', 'Student', { retired: true });
    const resolve = typeResolver([type('i', 'Individual'), retired], {
      remembered: new Map([
        ['etudiant', 's'],
        ['junior', 'gone'],
      ]),
    });
    expect(resolve('Étudiant')).toEqual({ typeId: null, source: null, retired });
    expect(resolve('Junior')).toEqual({ typeId: null, source: null, retired: null });
  });
});
