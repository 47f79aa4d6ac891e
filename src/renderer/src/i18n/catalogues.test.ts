import { describe, expect, it } from 'vitest';
import { resources } from './catalogues';
import { LANGUAGES } from './languages';

type Catalogue = { [key: string]: string | Catalogue };

/** Every string of a catalogue by its dotted key (`members.count_one`). */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** `{{count, number}}` and `{{name}}` name `count` and `name`. */
function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? ''));
}

/** The plural forms each language's rules choose, beyond English's one and other. */
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const ARABIC_EXTRA_FORMS = ['zero', 'two', 'few', 'many'];

/**
 * Forms for a single, a pair or none may say the number in words ("عضوان", two members), so the
 * count itself need not appear in them.
 */
const COUNTS = new Set(['count', 'number', 'total']);
const WORDED_FORMS = /_(zero|one|two)$/;

const english = flatten(resources.en.translation as Catalogue);

/** The keys a language must have: English's, and in Arabic every plural form its rules choose. */
function expectedKeys(language: string): Set<string> {
  const keys = new Set(english.keys());
  if (language === 'ar') {
    for (const key of english.keys()) {
      const base = key.match(/^(.*)_other$/)?.[1];
      if (base) for (const form of ARABIC_EXTRA_FORMS) keys.add(`${base}_${form}`);
    }
  }
  return keys;
}

/** The English text a translated key renders: itself, or for an Arabic-only plural form, English's "other". */
function englishSource(key: string): string {
  const own = english.get(key);
  if (own !== undefined) return own;
  const base = key.replace(new RegExp(`_(${PLURAL_FORMS.join('|')})$`), '');
  return english.get(`${base}_other`) ?? '';
}

describe.each(LANGUAGES.filter((language) => language !== 'en'))('the %s catalogue', (language) => {
  const translated = flatten(resources[language].translation as Catalogue);

  it('has exactly the keys English has, none missing and none extra', () => {
    const expected = expectedKeys(language);
    const missing = [...expected].filter((key) => !translated.has(key));
    const extra = [...translated.keys()].filter((key) => !expected.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('keeps every {{placeholder}} of the English text in each translation', () => {
    const lost: string[] = [];
    for (const [key, text] of translated) {
      const have = placeholders(text);
      for (const name of placeholders(englishSource(key))) {
        if (have.has(name)) continue;
        if (COUNTS.has(name) && WORDED_FORMS.test(key)) continue;
        lost.push(`${key}: {{${name}}}`);
      }
    }
    expect(lost).toEqual([]);
  });

  it('leaves no string empty', () => {
    expect([...translated].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });
});

describe('the catalogue check itself', () => {
  it('notices a key a translation lacks and one it adds', () => {
    const lacking = flatten({ members: { title: 'Miembros' } });
    const expected = expectedKeys('es');
    expect([...expected].some((key) => !lacking.has(key))).toBe(true);
    expect(expectedKeys('ar').has('members.count_few')).toBe(true);
    expect(expectedKeys('es').has('members.count_few')).toBe(false);
  });

  it('finds the placeholders of a text, with or without a format', () => {
    expect([...placeholders('{{count, number}} of {{name}}')]).toEqual(['count', 'name']);
  });
});
