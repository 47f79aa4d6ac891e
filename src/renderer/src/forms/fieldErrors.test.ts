import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberCreateInput } from '../../../shared/domain';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { schemaErrors, serverErrors } from './fieldErrors';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    lng: 'fr',
    resources: { en: { translation: en }, fr: { translation: fr } },
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

  it('keeps the server’s own words for problems the schema cannot know about', () => {
    const taken = 'Another member (Hélène Dupré) already uses this email.';
    expect(serverErrors([{ field: 'email', message: taken }], i18n.t)).toEqual({ email: taken });
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

  it('translates schema messages coming back from the server, whatever the path', () => {
    expect(serverErrors([{ field: 'patch.email', message: 'Not a valid email address' }], i18n.t)).toEqual({
      email: 'Adresse e-mail non valide',
    });
  });
});
