import { describe, expect, it } from 'vitest';
import { buildMapping, checkMapping, headerKey, mappingKey, matchHeader, suggestMapping } from './mapping';

const fields = (headers: string[]) => suggestMapping(headers).columns.map((c) => c.field);

describe('matchHeader', () => {
  it.each([
    ['Courriel', 'email'],
    ['E-mail', 'email'],
    ['EMAIL ADDRESS', 'email'],
    ['Correo electrónico', 'email'],
    ['Endereço de e-mail', 'email'],
    ['Téléphone', 'phone'],
    ['Mobile', 'phone'],
    ['Portable', 'phone'],
    ['Celular', 'phone'],
    ['Teléfono móvil', 'phone'],
    ['Telemóvel', 'phone'],
    ["Date d'adhésion", 'joinedOn'],
    ['Fecha de alta', 'joinedOn'],
    ['Data de adesão', 'joinedOn'],
    ['Member since', 'joinedOn'],
    ["Payé jusqu'au", 'paidThrough'],
    ['Expiry date', 'paidThrough'],
    ['Full Name', 'fullName'],
    ['Nom complet', 'fullName'],
    ['Nombre y apellidos', 'fullName'],
    ['Nome completo', 'fullName'],
    ['Prénom', 'firstName'],
    ['First name', 'firstName'],
    ['Apellido(s)', 'lastName'],
    ['Sobrenome', 'lastName'],
    ['Surname', 'lastName'],
    ['Ville', 'city'],
    ['Ciudad', 'city'],
    ['Cidade', 'city'],
    ['Pays', 'country'],
    ['País', 'country'],
    ['N° adhérent', 'memberNumber'],
    ["Numéro d'adhérent", 'memberNumber'],
    ['Nº de socio', 'memberNumber'],
    ['Member #', 'memberNumber'],
    ['Member No.', 'memberNumber'],
    ['Organisation', 'organisation'],
    ['Organización', 'organisation'],
    ['Membership type', 'membershipType'],
    ["Type d'adhésion", 'membershipType'],
    ['Tipo de socio', 'membershipType'],
    ['Remarques', 'notes'],
    ['Observações', 'notes'],
    ['Adresse e-mail perso', 'email'],
    ['Téléphone du contact', 'phone'],
    ['Address', 'addressLine1'],
    ['Adresse', 'addressLine1'],
    ['Dirección', 'addressLine1'],
    ['Endereço', 'addressLine1'],
    ['Adresse postale du membre', 'addressLine1'],
    ['Address line 2', 'addressLine2'],
    ["Complément d'adresse", 'addressLine2'],
    ['ZIP code', 'postalCode'],
    ['Code postal', 'postalCode'],
    ['CEP', 'postalCode'],
    ['State', 'region'],
    ['Provincia', 'region'],
  ])('%s -> %s', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it.each(['Date of birth', 'Ethnicity', 'Estado', 'Statut', '', '   ', 'Column 7'])(
    '%j is not a member field',
    (header) => {
      expect(matchHeader(header)).toBeNull();
    },
  );

  it('ignores case, accents and punctuation', () => {
    expect(headerKey('  N° d’Adhérent ')).toBe(headerKey('numero adherent'));
    expect(headerKey('E-MAIL')).toBe(headerKey('e mail'));
  });
});

describe('suggestMapping', () => {
  it('reads French "Nom" beside "Prénom" as the family name', () => {
    expect(fields(['Nom', 'Prénom', 'Courriel'])).toEqual(['lastName', 'firstName', 'email']);
    expect(fields(['Prénom', 'Nom'])).toEqual(['firstName', 'lastName']);
  });

  it('reads Spanish and Portuguese "name" beside a surname column as the given name', () => {
    expect(fields(['Nombre', 'Apellidos'])).toEqual(['firstName', 'lastName']);
    expect(fields(['Nome', 'Sobrenome'])).toEqual(['firstName', 'lastName']);
    expect(fields(['Name', 'Surname'])).toEqual(['firstName', 'lastName']);
  });

  it('reads "Nom" as the family name even when the given name is only found by keyword', () => {
    expect(fields(['Nom', 'Prénom usuel'])).toEqual(['lastName', 'firstName']);
  });

  it('reads a lone name column as the full name', () => {
    expect(fields(['Nom', 'Email'])).toEqual(['fullName', 'email']);
    expect(fields(['Name', 'Email'])).toEqual(['fullName', 'email']);
    expect(fields(['Nome', 'Telefone'])).toEqual(['fullName', 'phone']);
  });

  it('gives a field to the first column only, except notes', () => {
    expect(fields(['Email', 'E-mail', 'Notes', 'Comments', 'Mobile', 'Telephone'])).toEqual([
      'email',
      null,
      'notes',
      'notes',
      'phone',
      null,
    ]);
  });

  it('leaves unknown columns unmapped and labels unnamed ones by letter', () => {
    const mapping = suggestMapping(['Email', '', 'Shoe size']);
    expect(mapping.columns).toEqual([
      { index: 0, header: 'Email', label: 'Email', field: 'email' },
      { index: 1, header: '', label: 'Column B', field: null },
      { index: 2, header: 'Shoe size', label: 'Shoe size', field: null },
    ]);
  });
});

describe('mappingKey', () => {
  it('is stable for the same headers, ignoring case, accents, spacing and trailing empty columns', () => {
    const key = mappingKey(['Nom', 'Prénom', 'Courriel']);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(mappingKey([' NOM ', 'prenom', 'Courriel', ''])).toBe(key);
    expect(suggestMapping(['Nom', 'Prénom', 'Courriel']).key).toBe(key);
  });

  it('changes when the headers change', () => {
    expect(mappingKey(['Nom', 'Prénom'])).not.toBe(mappingKey(['Prénom', 'Nom']));
    expect(mappingKey(['Nom', 'Prénom'])).not.toBe(mappingKey(['Nom', 'Prénom', 'Ville']));
  });
});

describe('buildMapping and checkMapping', () => {
  it('applies remembered choices', () => {
    const mapping = buildMapping(['A', 'B', 'C'], ['email', null, 'fullName']);
    expect(mapping.columns.map((c) => c.field)).toEqual(['email', null, 'fullName']);
    expect(checkMapping(mapping)).toEqual([]);
  });

  it('points out two columns on one field and a mapping without names or emails', () => {
    const issues = checkMapping(buildMapping(['Tel 1', 'Tel 2'], ['phone', 'phone']));
    expect(issues.map((i) => i.code)).toEqual(['duplicate_field', 'no_name_or_email']);
    expect(issues[0]?.message).toBe(
      '“Tel 1” and “Tel 2” are all set to Phone; only the first one will be used.',
    );
    expect(issues[0]?.columns).toEqual([0, 1]);
  });
});
