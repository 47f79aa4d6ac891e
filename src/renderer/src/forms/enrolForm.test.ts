import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { checkEnrolment, isWebAddress } from './enrolForm';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    lng: 'fr',
    resources: { en: { translation: en }, fr: { translation: fr } },
    showSupportNotice: false,
  });
});

describe('isWebAddress', () => {
  it('takes http and https addresses only', () => {
    expect(isWebAddress(' https://sync.example.org ')).toBe(true);
    expect(isWebAddress('http://127.0.0.1:8080')).toBe(true);
    expect(isWebAddress('sync.example.org')).toBe(false);
    expect(isWebAddress('ftp://sync.example.org')).toBe(false);
  });
});

describe('checkEnrolment', () => {
  it('trims and sends the server address and code, and the name only when joining', () => {
    const values = { serverUrl: ' https://sync.example.org ', code: ' ABCD-EFGH ', officerName: ' Ben ' };
    expect(checkEnrolment(values, false, i18n.t)).toEqual({
      input: { serverUrl: 'https://sync.example.org', code: 'ABCD-EFGH' },
    });
    expect(checkEnrolment(values, true, i18n.t)).toEqual({
      input: { serverUrl: 'https://sync.example.org', code: 'ABCD-EFGH', officerName: 'Ben' },
    });
  });

  it('reports every field to fix, in the current language', () => {
    expect(
      checkEnrolment({ serverUrl: 'sync.example.org', code: '', officerName: '' }, true, i18n.t),
    ).toEqual({
      errors: {
        serverUrl: 'Utilisez une adresse comme https://sync.example.org',
        code: 'Indiquez le code d’inscription',
        officerName: 'Indiquez qui utilise cet ordinateur',
      },
    });
  });
});
