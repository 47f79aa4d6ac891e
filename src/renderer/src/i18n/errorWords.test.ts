import i18next, { type i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors';
import { PROBLEMS, PROBLEM_CODES, type Problem } from '../../../shared/problems';
import { ApiError } from '../api/ApiError';
import { en } from './en';
import { fr } from './fr';
import { problemsEn } from './problemsEn';
import { problemsFr } from './problemsFr';
import { wordError, wordFieldIssue, wordProblem } from './errorWords';

const instances: Record<'en' | 'fr', I18n> = { en: i18next.createInstance(), fr: i18next.createInstance() };

beforeAll(async () => {
  for (const [lng, instance] of Object.entries(instances)) {
    await instance.init({
      lng,
      fallbackLng: 'en',
      resources: {
        en: { translation: { ...en, ...problemsEn } },
        fr: { translation: { ...fr, ...problemsFr } },
      },
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
  }
});

const NUMBERS = ['count', 'maximum', 'minimum', 'divisor', 'line', 'year'];
/**
 * Values that pick a variant of the wording, that only the app uses, or that name the field the
 * wording is shown beside (a custom field's label), and need not be printed.
 */
const UNPRINTED = ['origin', 'format', 'expected', 'memberId', 'label'];

/** Values of the right kind for each parameter a problem names: numbers 3, text ‹name›. */
function sample(code: keyof typeof PROBLEMS): Problem {
  const params: Record<string, string | number> = {};
  for (const name of PROBLEMS[code] as readonly string[]) {
    params[name] =
      name === 'origin' ? 'string' : name === 'format' ? 'email' : NUMBERS.includes(name) ? 3 : `‹${name}›`;
  }
  return { code, params } as Problem;
}

const catalogues = { en: problemsEn.problems, fr: problemsFr.problems } as Record<
  'en' | 'fr',
  Record<string, string>
>;

describe('every problem in words', () => {
  it.each(PROBLEM_CODES)('%s has its own English and French wording, with every value it names', (code) => {
    const worded = { en: '', fr: '' };
    for (const lng of ['en', 'fr'] as const) {
      const keys = Object.keys(catalogues[lng]);
      expect(keys.some((key) => key === code || key.startsWith(`${code}_`))).toBe(true);
      worded[lng] = wordProblem(sample(code), instances[lng].t);
      expect(worded[lng]).not.toMatch(/\{\{|problems\.|\$t\(/);
      for (const name of PROBLEMS[code] as readonly string[]) {
        if (UNPRINTED.includes(name)) continue;
        expect(worded[lng], `${lng}: ${name}`).toContain(NUMBERS.includes(name) ? '3' : `‹${name}›`);
      }
    }
    expect(worded.fr).not.toBe(worded.en);
  });

  it('picks French plurals from the count: 1 membre, 2 membres', () => {
    const t = instances.fr.t;
    expect(wordProblem({ code: 'NOT_DUE_FOR_ERASURE', params: { count: 1 } }, t)).toContain(
      '1 de ces membres n’est plus à effacer',
    );
    expect(wordProblem({ code: 'NOT_DUE_FOR_ERASURE', params: { count: 2 } }, t)).toContain(
      '2 de ces membres ne sont plus à effacer',
    );
  });

  it('words a wrapped problem inside the one wrapping it', () => {
    const line: Problem = {
      code: 'STATEMENT_LINE_REFUSED',
      params: { line: 7 },
      cause: { code: 'MEMBER_DELETED', params: {} },
    };
    expect(wordProblem(line, instances.fr.t)).toBe(
      'La ligne 7 n’a pas pu être enregistrée : Ce membre a été supprimé. Restaurez-le d’abord. Rien n’a été enregistré.',
    );
  });

  it('words a schema issue by the field’s own words, but a length limit as a limit', () => {
    const t = instances.fr.t;
    const words = (field: string) => (field === 'name' ? 'Donnez un nom' : undefined);
    const issue = (field: string, problem: Problem) => ({ field, message: 'English', problem });
    expect(
      wordFieldIssue(
        issue('name', { code: 'too_small', params: { origin: 'string', minimum: 1 } }),
        t,
        words,
      ),
    ).toBe('Donnez un nom');
    expect(
      wordFieldIssue(
        issue('name', { code: 'too_big', params: { origin: 'string', maximum: 200 } }),
        t,
        words,
      ),
    ).toBe('200 caractères au maximum');
    expect(
      wordFieldIssue(
        issue('capacity', { code: 'too_big', params: { origin: 'number', maximum: 1_000_000 } }),
        t,
      ),
    ).toBe(`${new Intl.NumberFormat('fr').format(1_000_000)} au plus`);
  });
});

describe('errors in words', () => {
  it('has a heading and a text for every error code in both languages, “Something went wrong” only when unexpected', () => {
    for (const code of [...ERROR_CODES, 'NETWORK'] as const) {
      for (const lng of ['en', 'fr'] as const) {
        const { failures } = lng === 'en' ? problemsEn : problemsFr;
        expect((failures.title as Record<string, string>)[code], `${lng} ${code}`).toBeTruthy();
        expect((failures.text as Record<string, string>)[code], `${lng} ${code}`).toBeTruthy();
      }
      expect(wordError(new ApiError(code, 'English'), instances.fr.t)).not.toEqual(
        wordError(new ApiError(code, 'English'), instances.en.t),
      );
      const { title } = wordError(new ApiError(code, 'English detail'), instances.en.t);
      if (code === 'INTERNAL') expect(title).toBe('Something went wrong');
      else expect(title).not.toBe('Something went wrong');
    }
  });

  it('words an error by its problem, never by its English message', () => {
    const error = new ApiError('CONFLICT', 'This person is already registered for this event.', [], {
      code: 'ALREADY_REGISTERED',
      params: {},
    });
    expect(wordError(error, instances.fr.t)).toEqual({
      title: 'Cela entre en conflit avec ce qui existe déjà',
      text: 'Déjà inscrit à cet événement',
    });
  });

  it('falls back to the words of its code for a problem it does not know, with no English', () => {
    const unknown = { code: 'SOMETHING_NEWER', params: { thing: 'x' } } as unknown as Problem;
    const error = new ApiError('NOT_FOUND', 'No such widget in English.', [], unknown);
    expect(wordError(error, instances.fr.t)).toEqual({
      title: 'Introuvable',
      text: problemsFr.failures.text.NOT_FOUND,
    });
    const strange = new ApiError('NOT_A_CODE' as 'INTERNAL', 'Weird English.');
    expect(wordError(strange, instances.fr.t)).toEqual({
      title: 'Un problème est survenu',
      text: problemsFr.failures.text.INTERNAL,
    });
    expect(wordError(new Error('TypeError: x is undefined'), instances.fr.t).text).toBe(
      problemsFr.failures.text.INTERNAL,
    );
  });
});
