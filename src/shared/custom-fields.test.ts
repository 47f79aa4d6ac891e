import { describe, expect, it } from 'vitest';
import {
  customFieldCreateInput,
  fieldValueId,
  readCustomValue,
  readNumber,
  splitFieldValueId,
  storedValueIssue,
  type CustomFieldKind,
} from './custom-fields';

const field = (kind: CustomFieldKind, choices: string[] = []) => ({ kind, choices });
const FRENCH = { order: 'dmy', separator: '/' } as const;
const AMERICAN = { order: 'mdy', separator: '/' } as const;

describe('reading a custom field value as typed', () => {
  it.each([
    ['12', '12'],
    ['-3', '-3'],
    ['12,5', '12.5'],
    ['12.50', '12.5'],
    ['1 234,50', '1234.5'],
    ['1,234.5', '1234.5'],
    ['1.234,5', '1234.5'],
    ['1,500', '1500'],
    ['007', '7'],
    ['-0', '0'],
    ['0.10', '0.1'],
  ])('reads the number %j as %j', (text, stored) => {
    expect(readNumber(text)).toBe(stored);
    expect(storedValueIssue('number', stored)).toBeNull();
  });

  it.each(['twelve', '12a', '1,23,4', '12.345.6', '1..2', '--3', '1234567890123456'])(
    'refuses %j as a number',
    (text) => {
      expect(readCustomValue(field('number'), text)).toEqual({ ok: false, problem: 'CUSTOM_NUMBER_INVALID' });
    },
  );

  it('reads dates in the chapter order, an ISO date whatever the order, and refuses a day that does not exist', () => {
    expect(readCustomValue(field('date'), '31/01/2020', FRENCH)).toEqual({ ok: true, value: '2020-01-31' });
    expect(readCustomValue(field('date'), '01/31/2020', AMERICAN)).toEqual({ ok: true, value: '2020-01-31' });
    expect(readCustomValue(field('date'), '2020-01-31', AMERICAN)).toEqual({ ok: true, value: '2020-01-31' });
    expect(readCustomValue(field('date'), '31/02/2020', FRENCH)).toEqual({
      ok: false,
      problem: 'CUSTOM_DATE_INVALID',
    });
    expect(readCustomValue(field('date'), 'next week', FRENCH)).toEqual({
      ok: false,
      problem: 'CUSTOM_DATE_INVALID',
    });
  });

  it('reads yes and no in the languages files come in, and refuses anything else', () => {
    for (const yes of ['yes', 'Oui', 'TRUE', 'sí', '1', 'x']) {
      expect(readCustomValue(field('yesno'), yes)).toEqual({ ok: true, value: 'yes' });
    }
    for (const no of ['no', 'Non', 'false', 'não', '0']) {
      expect(readCustomValue(field('yesno'), no)).toEqual({ ok: true, value: 'no' });
    }
    expect(readCustomValue(field('yesno'), 'maybe')).toEqual({ ok: false, problem: 'CUSTOM_YESNO_INVALID' });
  });

  it('finds a choice whatever the case and accents, stored as the choice is spelled, and refuses others', () => {
    const size = field('choice', ['Small', 'Médium', 'Large']);
    expect(readCustomValue(size, ' medium ')).toEqual({ ok: true, value: 'Médium' });
    expect(readCustomValue(size, 'XL')).toEqual({ ok: false, problem: 'CUSTOM_CHOICE_UNKNOWN' });
  });

  it('keeps text trimmed, clears on empty text, and refuses text longer than a field holds', () => {
    expect(readCustomValue(field('text'), '  Treasurer ')).toEqual({ ok: true, value: 'Treasurer' });
    expect(readCustomValue(field('text'), '   ')).toEqual({ ok: true, value: null });
    expect(readCustomValue(field('number'), null)).toEqual({ ok: true, value: null });
    expect(readCustomValue(field('text'), 'x'.repeat(501))).toEqual({
      ok: false,
      problem: 'CUSTOM_TEXT_TOO_LONG',
    });
  });
});

describe('stored values, as sync checks them against their field', () => {
  it.each([
    ['number', '12.5', null],
    ['number', '12,5', /number/],
    ['number', '1.50', /number/],
    ['number', '007', /number/],
    ['date', '2024-02-29', null],
    ['date', '2023-02-29', /date/],
    ['date', '29/02/2024', /date/],
    ['yesno', 'yes', null],
    ['yesno', 'oui', /yes or no/],
    ['choice', 'Any choice, even one since removed', null],
    ['text', 'Anything', null],
    ['colour', 'red', /Not a kind/],
  ] as const)('%s %j: %s', (kind, value, expected) => {
    const issue = storedValueIssue(kind, value);
    if (expected === null) expect(issue).toBeNull();
    else expect(issue).toMatch(expected);
  });
});

describe('defining a field', () => {
  it('needs choices for a choice field and only there, each once', () => {
    expect(
      customFieldCreateInput.safeParse({ label: 'Size', kind: 'choice', choices: ['S', 'M'] }).success,
    ).toBe(true);
    expect(customFieldCreateInput.safeParse({ label: 'Size', kind: 'choice' }).success).toBe(false);
    expect(customFieldCreateInput.safeParse({ label: 'Role', kind: 'text', choices: ['a'] }).success).toBe(
      false,
    );
    expect(
      customFieldCreateInput.safeParse({ label: 'Size', kind: 'choice', choices: ['Médium', 'medium'] })
        .success,
    ).toBe(false);
    expect(customFieldCreateInput.safeParse({ label: '  ', kind: 'text' }).success).toBe(false);
  });

  it('names a value by its member and field, and reads them back', () => {
    const member = '0d6f3f43-5c36-4c52-8a8e-1f1f7e54c0aa';
    const fieldId = '5f0c1a52-8d4e-4b8e-9a51-3c2f7e0d9b11';
    expect(splitFieldValueId(fieldValueId(member, fieldId))).toEqual({ memberId: member, fieldId });
    expect(splitFieldValueId(member)).toBeNull();
  });
});
