import { describe, expect, it } from 'vitest';
import { resolveDuplicates, type CleanRow, type ImportedMember } from './index';

const row = (rowNumber: number, values: ImportedMember, rejected = false): CleanRow => ({
  rowNumber,
  values,
  issues: [],
  rejection: rejected ? { code: 'no_name_or_email', value: '', problem: 'x', message: 'x' } : null,
  cells: [],
});

describe('within the file', () => {
  it('merges a later row with the same email into the first: the later row’s values count, and an empty cell never blanks', () => {
    const report = resolveDuplicates([
      row(2, { firstName: 'Hélène', lastName: 'Dupré', email: 'h@x.org', phone: '+33612345678' }),
      row(3, { firstName: 'Ann', lastName: 'Lee', email: 'ann@x.org' }),
      row(5, { firstName: 'Hélène', email: 'h@x.org', city: 'Paris', phone: '+33700000000' }),
    ]);
    expect(report.candidates.map((c) => c.rowNumber)).toEqual([2, 3]);
    const first = report.candidates[0];
    expect(first?.mergedRows).toEqual([5]);
    expect(first?.values).toEqual({
      firstName: 'Hélène',
      lastName: 'Dupré',
      email: 'h@x.org',
      phone: '+33700000000',
      city: 'Paris',
    });
    expect(first?.issues).toEqual([
      expect.objectContaining({
        rowNumber: 5,
        field: 'phone',
        code: 'merge_conflict',
        value: '+33700000000',
        message: expect.stringContaining('replaces “+33612345678” from row 2') as unknown,
      }),
    ]);
  });

  it('merges on member number when there is no email match', () => {
    const report = resolveDuplicates([
      row(2, { memberNumber: '17', lastName: 'Dupré' }),
      row(3, { memberNumber: '17', firstName: 'Hélène', lastName: 'Dupré', email: 'h@x.org' }),
      row(4, { email: 'h@x.org', city: 'Lyon' }),
    ]);
    expect(report.candidates).toHaveLength(1);
    expect(report.candidates[0]?.mergedRows).toEqual([3, 4]);
    expect(report.candidates[0]?.values).toMatchObject({
      firstName: 'Hélène',
      email: 'h@x.org',
      city: 'Lyon',
    });
  });

  it('does not merge two people sharing an email; flags them instead', () => {
    const report = resolveDuplicates([
      row(2, { firstName: 'Jean', lastName: 'Dupont', email: 'famille@x.org' }),
      row(3, { firstName: 'Marie', lastName: 'Dupont', email: 'famille@x.org' }),
    ]);
    expect(report.candidates).toHaveLength(2);
    expect(report.candidates[1]?.possibleDuplicates).toEqual([
      expect.objectContaining({
        kind: 'row',
        rowNumber: 2,
        reason: expect.stringMatching(/^Same email but a different name/),
      }),
    ]);
  });

  it('flags same name and phone with different emails, and names differing only in accents or case', () => {
    const report = resolveDuplicates([
      row(2, { firstName: 'Hélène', lastName: 'Dupré', email: 'h@x.org', phone: '+33612345678' }),
      row(3, { firstName: 'Hélène', lastName: 'Dupré', email: 'other@x.org', phone: '+33612345678' }),
      row(4, { firstName: 'HELENE', lastName: 'dupre', email: 'third@x.org' }),
      row(5, { firstName: 'Ann', lastName: 'Lee', email: 'a@x.org' }),
      row(6, { firstName: 'Ann', lastName: 'Lee', email: 'b@x.org' }),
      row(7, { firstName: 'Ann', lastName: 'Lee' }),
    ]);
    const flagged = new Map(report.candidates.map((c) => [c.rowNumber, c.possibleDuplicates]));
    expect(flagged.get(3)).toEqual([
      { kind: 'row', rowNumber: 2, reason: 'Same name and phone number, different or missing email.' },
    ]);
    expect(flagged.get(4)?.map((p) => p.kind === 'row' && p.rowNumber)).toEqual([2, 3]);
    expect(flagged.get(4)?.[0]?.reason).toMatch(/written differently/);
    // Two people called Ann Lee with their own emails are not suspicious; one without an email is.
    expect(flagged.get(6)).toEqual([]);
    expect(flagged.get(7)?.map((p) => p.reason)).toEqual([
      'Same name, and one of the two has no email.',
      'Same name, and one of the two has no email.',
    ]);
  });

  it('passes rejected rows through untouched', () => {
    const report = resolveDuplicates([
      row(2, { email: 'a@x.org', firstName: 'A' }),
      row(3, { city: 'Paris' }, true),
    ]);
    expect(report.rejected.map((r) => r.rowNumber)).toEqual([3]);
    expect(report.candidates.map((r) => r.rowNumber)).toEqual([2]);
  });
});

describe('against existing members', () => {
  const existing = [
    { id: 'm1', email: 'Helene@X.org', firstName: 'Hélène', lastName: 'Dupré', memberNumber: '17' },
    { id: 'm2', email: 'paul@x.org', firstName: 'Paul', lastName: 'Martin', memberNumber: '18' },
    { id: 'm3', email: null, firstName: 'Zoé', lastName: 'Leroy', phoneE164: '+33622222222' },
  ];

  it('marks certain matches as updates: email first, then member number', () => {
    const report = resolveDuplicates(
      [
        row(2, { email: 'helene@x.org', firstName: 'Hélène' }),
        row(3, { memberNumber: '18', firstName: 'Paul', lastName: 'Martin', email: 'new@x.org' }),
        row(4, { firstName: 'New', lastName: 'Person', email: 'n@x.org' }),
      ],
      existing,
    );
    expect(report.candidates.map((c) => [c.action, c.match])).toEqual([
      ['update', { memberId: 'm1', by: 'email' }],
      ['update', { memberId: 'm2', by: 'memberNumber' }],
      ['create', null],
    ]);
  });

  it('warns when the email and the member number point at different members', () => {
    const report = resolveDuplicates(
      [row(2, { email: 'helene@x.org', memberNumber: '18', lastName: 'Dupré' })],
      existing,
    );
    expect(report.candidates[0]?.match).toEqual({ memberId: 'm1', by: 'email' });
    expect(report.candidates[0]?.issues[0]?.code).toBe('member_number_taken');
  });

  it('flags likely duplicates of existing members without updating them', () => {
    const report = resolveDuplicates(
      [
        row(2, { firstName: 'Zoe', lastName: 'LEROY', email: 'zoe@x.org' }),
        row(3, { firstName: 'Jean', lastName: 'Martin', email: 'paul@x.org' }),
      ],
      existing,
    );
    expect(report.candidates[0]).toMatchObject({ action: 'create', match: null });
    expect(report.candidates[0]?.possibleDuplicates).toEqual([
      {
        kind: 'member',
        memberId: 'm3',
        reason: 'Same name written differently (accents, capitals or word order).',
      },
    ]);
    expect(report.candidates[1]).toMatchObject({ action: 'create' });
    expect(report.candidates[1]?.possibleDuplicates[0]).toMatchObject({ kind: 'member', memberId: 'm2' });
  });
});
