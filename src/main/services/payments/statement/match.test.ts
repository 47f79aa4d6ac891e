import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildMemberIndex, matchLine, type MemberCandidate } from './match';
import { readStatement, type StatementLine } from './read';

const dir = fileURLToPath(new URL('../../../../../tests/fixtures/statements', import.meta.url));

function member(id: string, fields: Partial<MemberCandidate>): MemberCandidate {
  return { id, memberNumber: null, email: null, phoneE164: null, firstName: null, lastName: null, ...fields };
}

function line(fields: Partial<StatementLine>): StatementLine {
  return {
    rowNumber: 2,
    reference: null,
    paidOn: '2024-03-05',
    amountMinor: 100_000,
    currency: 'KES',
    incoming: true,
    completed: true,
    status: null,
    method: 'mobile-money',
    account: null,
    memberNumber: null,
    email: null,
    phone: null,
    payer: null,
    details: null,
    problem: null,
    ...fields,
  };
}

const members = [
  member('john', {
    memberNumber: '0042',
    email: 'john@example.org',
    phoneE164: '+254712345678',
    firstName: 'John',
    lastName: 'Doe',
  }),
  member('mary', { memberNumber: '17', firstName: 'Mary', lastName: 'Wanjiku', phoneE164: '+254722000678' }),
  member('peter', {
    memberNumber: 'CD-7',
    firstName: 'Peter',
    lastName: 'Otieno',
    phoneE164: '+254733555777',
  }),
  member('helene', {
    memberNumber: '50',
    email: 'helene@example.org',
    firstName: 'Hélène',
    lastName: 'Dupré',
  }),
  member('jean1', { memberNumber: '60', firstName: 'Jean', lastName: 'Dupont' }),
  member('jean2', { memberNumber: '61', firstName: 'JEAN', lastName: 'DUPONT', email: 'jean2@example.org' }),
];
const index = buildMemberIndex(members);
const match = (fields: Partial<StatementLine>, country: string | null = 'KE') =>
  matchLine(line(fields), index, country);

describe('matchLine', () => {
  it('matches the account typed by the payer to a member number, ignoring zeros, # and case', () => {
    expect(match({ account: '42' })).toEqual({ memberId: 'john', why: 'account' });
    expect(match({ account: ' #0042 ' })).toEqual({ memberId: 'john', why: 'account' });
    expect(match({ account: '#17' })).toEqual({ memberId: 'mary', why: 'account' });
    expect(match({ account: 'cd-7' })).toEqual({ memberId: 'peter', why: 'account' });
  });

  it('prefers the account to every other key', () => {
    expect(match({ account: '17', email: 'john@example.org', payer: 'John Doe' })).toEqual({
      memberId: 'mary',
      why: 'account',
    });
  });

  it('matches the member number column', () => {
    expect(match({ memberNumber: '042' })).toEqual({ memberId: 'john', why: 'member-number' });
    // An account that fits no one leaves the member number to decide.
    expect(match({ account: 'dues', memberNumber: '50' })).toEqual({
      memberId: 'helene',
      why: 'member-number',
    });
  });

  it('matches an email whatever its case', () => {
    expect(match({ email: ' HELENE@Example.ORG ' })).toEqual({ memberId: 'helene', why: 'email' });
  });

  it('matches a phone written internationally without +, in national form, or with +', () => {
    expect(match({ phone: '254733555777' })).toEqual({ memberId: 'peter', why: 'phone' });
    expect(match({ phone: '0712 345 678' })).toEqual({ memberId: 'john', why: 'phone' });
    expect(match({ phone: '+254 712 345 678' }, null)).toEqual({ memberId: 'john', why: 'phone' });
    // M-Pesa's form is international even when the chapter is elsewhere.
    expect(match({ phone: '254712345678' }, 'TZ')).toEqual({ memberId: 'john', why: 'phone' });
    // Without the country, a national number says nothing.
    expect(match({ phone: '0712 345 678' }, null)).toBeNull();
  });

  it('never matches a masked phone', () => {
    expect(match({ phone: '2547******678' })).toBeNull();
    expect(match({ phone: '2547******678', payer: 'MARY WANJIKU' })).toEqual({
      memberId: 'mary',
      why: 'name',
    });
  });

  it('matches a name whatever its case, accents and word order', () => {
    expect(match({ payer: 'JOHN DOE' })).toEqual({ memberId: 'john', why: 'name' });
    expect(match({ payer: 'Doe John' })).toEqual({ memberId: 'john', why: 'name' });
    expect(match({ payer: 'Doe, John' })).toEqual({ memberId: 'john', why: 'name' });
    expect(match({ payer: 'HELENE DUPRE' })).toEqual({ memberId: 'helene', why: 'name' });
    expect(match({ payer: 'Dupré Hélène' })).toEqual({ memberId: 'helene', why: 'name' });
  });

  it('needs the whole name: part of it, or more, is no match', () => {
    expect(match({ payer: 'John' })).toBeNull();
    expect(match({ payer: 'John Doe Smith' })).toBeNull();
    expect(match({ payer: 'VIR SEPA RECU DE M JOHN DOE COTISATION' })).toBeNull();
  });

  it('returns null for a name two members share', () => {
    expect(match({ payer: 'Jean Dupont' })).toBeNull();
    expect(match({ payer: 'DUPONT JEAN' })).toBeNull();
  });

  it('skips an ambiguous key and tries the next one', () => {
    const twins = buildMemberIndex([
      member('a', { memberNumber: '7', email: 'a@example.org' }),
      member('b', { memberNumber: '007', email: 'b@example.org' }),
    ]);
    expect(matchLine(line({ account: '7' }), twins, 'KE')).toBeNull();
    expect(matchLine(line({ account: '7', email: 'B@example.org' }), twins, 'KE')).toEqual({
      memberId: 'b',
      why: 'email',
    });
  });

  it('returns null when nothing is known or nothing fits', () => {
    expect(match({})).toBeNull();
    expect(
      match({ account: '999', email: 'nobody@example.org', phone: '0700 000 000', payer: 'No One' }),
    ).toBeNull();
  });
});

describe('an M-Pesa statement against the members', () => {
  it('matches each completed incoming line by the best key it has', async () => {
    const bytes = new Uint8Array(readFileSync(join(dir, 'mpesa.csv')));
    const statement = await readStatement(bytes, { currency: 'KES', country: 'KE' });
    const found = statement.lines
      .filter((l) => l.incoming && l.completed)
      .map((l) => [l.rowNumber, matchLine(l, index, 'KE')]);
    expect(found).toEqual([
      [6, { memberId: 'john', why: 'account' }],
      [7, { memberId: 'mary', why: 'account' }],
      [11, { memberId: 'peter', why: 'phone' }],
    ]);
  });
});
