import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readMemberFile, rejectionReason, rejectsToCsv } from './index';

const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('rejectsToCsv', () => {
  it('writes the original columns plus Reason, as UTF-8 with a BOM and CRLF', async () => {
    const csv =
      'Nom;Prénom;Courriel;Ville\nDupré;Hélène;h@x.org;Paris\n;;pas-un-email;Lyon\n;;;"Saint-Denis; 93"\n';
    const { source, report } = await readMemberFile(new TextEncoder().encode(csv));
    const bytes = rejectsToCsv(source.headers, report.rejected, { delimiter: ';' });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decode(bytes).slice(1);
    expect(text.split('\r\n')).toEqual([
      'Nom;Prénom;Courriel;Ville;Reason',
      ';;pas-un-email;Lyon;No name, and the email “pas-un-email” is not valid, so this row cannot be imported. “pas-un-email” is not a valid email address, so no email was imported.',
      ';;;"Saint-Denis; 93";No name and no email, so this row cannot be imported.',
      '',
    ]);
  });

  it('can be imported again, and does not pile up Reason columns', async () => {
    const first = rejectsToCsv(
      ['Email', 'City'],
      [
        {
          cells: ['bad@', 'Paris'],
          rejection: { code: 'no_name_or_email', value: '', problem: 'No name.', message: '' },
          issues: [],
        },
      ],
    );
    const reread = await readMemberFile(first);
    expect(reread.source.headers).toEqual(['Email', 'City', 'Reason']);
    const second = decode(rejectsToCsv(reread.source.headers, reread.report.rejected));
    expect(second.split('\r\n')[0]).toBe('\uFEFFEmail,City,Reason');
  });

  it('keeps ragged rows whole', () => {
    const text = decode(
      rejectsToCsv(
        ['A', 'B'],
        [
          {
            cells: ['x', 'y', 'extra', 'more'],
            rejection: { code: 'no_name_or_email', value: '', problem: 'Why.', message: '' },
            issues: [],
          },
          {
            cells: ['short'],
            rejection: { code: 'no_name_or_email', value: '', problem: 'Why.', message: '' },
            issues: [],
          },
        ],
      ),
    );
    expect(Papa.parse<string[]>(text.slice(1).trim()).data).toEqual([
      ['A', 'B', '', '', 'Reason'],
      ['x', 'y', 'extra', 'more', 'Why.'],
      ['short', '', '', '', 'Why.'],
    ]);
  });

  it('neutralises formulas but not phone numbers or negative numbers', () => {
    const text = decode(
      rejectsToCsv(
        ['A', 'B', 'C', 'D'],
        [
          {
            cells: ['=HYPERLINK("x")', '+33 6 12 34 56 78', '@cmd', '-12'],
            rejection: null,
            issues: [
              {
                rowNumber: 2,
                field: 'email',
                column: 'A',
                code: 'invalid_email',
                severity: 'error',
                value: 'v',
                params: {},
                problem: 'Bad.',
                message: '',
              },
            ],
          },
          { cells: ['imported fine'], rejection: null, issues: [] },
        ],
        { includeFieldErrors: true },
      ),
    );
    expect(Papa.parse<string[]>(text.slice(1).trim()).data).toEqual([
      ['A', 'B', 'C', 'D', 'Reason'],
      [`'=HYPERLINK("x")`, '+33 6 12 34 56 78', "'@cmd", '-12', 'Bad.'],
    ]);
  });
});

describe('rejectsToCsv at scale', () => {
  it('writes 150,000 rejected rows', () => {
    const rejection = { code: 'no_name_or_email' as const, value: '', problem: 'Why.', message: '' };
    const rows = Array.from({ length: 150_000 }, (_, i) => ({ cells: [String(i)], rejection, issues: [] }));
    const text = decode(rejectsToCsv(['A'], rows));
    expect(text.split('\r\n')).toHaveLength(150_002);
  });
});

describe('rejectionReason', () => {
  it('joins the rejection and the field errors, leaving warnings out', () => {
    expect(
      rejectionReason({
        rejection: { code: 'no_name_or_email', value: '', problem: 'No name.', message: '' },
        issues: [
          {
            rowNumber: 2,
            field: 'phone',
            column: null,
            code: 'phone_not_recognised',
            severity: 'warning',
            value: '',
            params: {},
            problem: 'Odd.',
            message: '',
          },
          {
            rowNumber: 2,
            field: 'joinedOn',
            column: null,
            code: 'invalid_date',
            severity: 'error',
            value: '',
            params: {},
            problem: 'Bad date.',
            message: '',
          },
        ],
      }),
    ).toBe('No name. Bad date.');
  });
});
