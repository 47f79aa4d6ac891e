import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberCreateInput } from '../../../shared/domain';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { problemsEn } from '../i18n/problemsEn';
import { problemsFr } from '../i18n/problemsFr';
import type { FieldIssue } from '../../../shared/errors';
import { schemaErrors, serverErrors } from './fieldErrors';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    lng: 'fr',
    resources: {
      en: { translation: { ...en, ...problemsEn } },
      fr: { translation: { ...fr, ...problemsFr } },
    },
    showSupportNotice: false,
  });
});

describe('field errors', () => {
  it('translates what the schema reports, field by field', () => {
    const parsed = memberCreateInput.safeParse({
      email: 'nope',
      country: 'FRA',
      memberNumber: 'x'.repeat(41),
    });
    expect(parsed.success).toBe(false);
    expect(schemaErrors(parsed.error!, i18n.t)).toEqual({
      email: 'Adresse e-mail non valide',
      country: 'Utilisez un code pays à deux lettres, comme FR ou KE',
      memberNumber: '40 caractères au maximum',
    });
  });

  it('never shows the server’s English words, even for an issue without a code', () => {
    const taken = 'Another member (Hélène Dupré) already uses this email.';
    expect(serverErrors([{ field: 'email', message: taken }], i18n.t)).toEqual({
      email: 'Adresse e-mail non valide',
    });
    expect(serverErrors([{ field: 'notes', message: 'Something new' }], i18n.t)).toEqual({
      notes: 'N’est pas une valeur que prend ce champ',
    });
  });

  it('words a problem the server names by code in the user’s language', () => {
    const taken = {
      field: 'memberNumber',
      message: 'Number 17 already belongs to Hélène Dupré.',
      problem: {
        code: 'MEMBER_NUMBER_TAKEN' as const,
        params: { number: '17', name: 'Hélène Dupré', memberId: 'm1' },
      },
    };
    expect(serverErrors([taken], i18n.t)).toEqual({
      memberNumber: 'Le numéro 17 appartient déjà à Hélène Dupré',
    });
  });

  it('words the schema’s issues coming back from the server by code, whatever the path', () => {
    const issue = (field: string, problem: FieldIssue['problem']) => ({ field, message: 'English', problem });
    expect(
      serverErrors(
        [
          issue('patch.email', { code: 'invalid_format', params: { format: 'email' } }),
          issue('patch.city', { code: 'too_big', params: { origin: 'string', maximum: 200 } }),
          issue('officers.3', { code: 'too_small', params: { origin: 'string', minimum: 1 } }),
        ],
        i18n.t,
      ),
    ).toEqual({
      email: 'Adresse e-mail non valide',
      city: '200 caractères au maximum',
      officers: 'À remplir',
    });
  });
});
