import { describe, expect, it } from 'vitest';
import {
  buildMapping,
  cleanBatches,
  cleanRow,
  cleanRows,
  openImport,
  planImport,
  suggestMapping,
  type CleanOptions,
  type ImportField,
  type ImportPlan,
} from './index';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function clean(csv: string, options: CleanOptions = { defaultCountry: 'FR' }) {
  const source = await openImport(utf8(csv));
  const plan = planImport(source, suggestMapping(source.headers), options);
  return { plan, rows: [...cleanRows(source, plan)] };
}

function planFor(
  headers: string[],
  fields: Array<ImportField | null>,
  extra: Partial<ImportPlan> = {},
): ImportPlan {
  return {
    mapping: buildMapping(headers, fields),
    defaultCountry: 'FR',
    dateOrders: {},
    rowCount: 0,
    ...extra,
  };
}

const one = (cells: string[], plan: ImportPlan) => cleanRow({ rowNumber: 7, cells }, plan);

describe('cleaning values', () => {
  const plan = planFor(
    ['First', 'Last', 'Email', 'Phone', 'Country', 'City', 'Org', 'Type', 'Notes'],
    ['firstName', 'lastName', 'email', 'phone', 'country', 'city', 'organisation', 'membershipType', 'notes'],
  );

  it('trims, collapses spaces inside names and composes accents', () => {
    const row = one(
      [
        '  Jean   Pierre ',
        'Dupre\u0301\t',
        '',
        '',
        '',
        '  Saint-Denis  ',
        ' ACME  Ltd ',
        ' Regular ',
        '  keep  inner   spaces ',
      ],
      plan,
    );
    expect(row?.values).toEqual({
      firstName: 'Jean Pierre',
      lastName: 'Dupré',
      city: 'Saint-Denis',
      organisation: 'ACME Ltd',
      membershipType: 'Regular',
      notes: 'keep  inner   spaces',
    });
  });

  it.each(['N/A', 'n/a', 'NULL', 'null', '-', '--', 'none', 'aucun', 'ninguno', '?', 'Néant', '#N/A', 'nan'])(
    '%j reads as empty',
    (placeholder) => {
      const row = one(['Ann', 'Lee', placeholder, placeholder, placeholder, placeholder, '', '', ''], plan);
      expect(row?.values).toEqual({ firstName: 'Ann', lastName: 'Lee' });
      expect(row?.issues).toEqual([]);
    },
  );

  it('lower-cases emails and unwraps mailto: and "Name <address>"', () => {
    expect(one(['A', 'B', ' Ann.Lee@Example.ORG ', '', '', '', '', '', ''], plan)?.values.email).toBe(
      'ann.lee@example.org',
    );
    expect(one(['A', 'B', 'mailto:ann@example.org', '', '', '', '', '', ''], plan)?.values.email).toBe(
      'ann@example.org',
    );
    expect(one(['A', 'B', 'Ann Lee <Ann@Example.org>', '', '', '', '', '', ''], plan)?.values.email).toBe(
      'ann@example.org',
    );
  });

  it('keeps the first of several emails and says so', () => {
    const row = one(['A', 'B', 'ann@example.org; ann.lee@work.org', '', '', '', '', '', ''], plan);
    expect(row?.values.email).toBe('ann@example.org');
    expect(row?.issues[0]).toMatchObject({ code: 'several_emails', severity: 'warning', field: 'email' });
  });

  it('never keeps an invalid email, but keeps the row when it has a name', () => {
    for (const bad of ['ann@', 'ann lee@example.org', 'ann@example', '@example.org', 'hélène@exemple.fr']) {
      const row = one(['Ann', '', bad, '', '', '', '', '', ''], plan);
      expect(row?.values.email).toBeUndefined();
      expect(row?.rejection).toBeNull();
      expect(row?.issues).toEqual([
        expect.objectContaining({
          field: 'email',
          code: 'invalid_email',
          severity: 'error',
          value: bad,
          rowNumber: 7,
        }),
      ]);
    }
  });

  it('formats phones as E.164 with the chapter country, or the row country', () => {
    expect(one(['A', 'B', '', '06 12 34 56 78', '', '', '', '', ''], plan)?.values.phone).toBe(
      '+33612345678',
    );
    expect(one(['A', 'B', '', '0712 345 678', 'Kenya', '', '', '', ''], plan)?.values.phone).toBe(
      '+254712345678',
    );
    expect(one(['A', 'B', '', '+1 202 555 0143', '', '', '', '', ''], plan)?.values.phone).toBe(
      '+12025550143',
    );
  });

  it('restores the plus that spreadsheets drop from international numbers', () => {
    const kenya = planFor(['Phone'], ['phone'], { defaultCountry: 'KE' });
    expect(cleanRow({ rowNumber: 2, cells: ['33612345678'] }, kenya)?.values.phone).toBe('+33612345678');
  });

  it('keeps an unrecognised phone as written, with a warning', () => {
    const row = one(['A', 'B', '', '0612 / 0698', '', '', '', '', ''], plan);
    expect(row?.values.phone).toBe('0612 / 0698');
    expect(row?.issues[0]).toMatchObject({ code: 'phone_not_recognised', severity: 'warning' });
    expect(row?.issues[0]?.message).toBe(
      'Row 7, Phone: “0612 / 0698” does not look like a phone number for FR; it was kept as written.',
    );
  });

  it('refuses a phone number a spreadsheet rounded to scientific notation', () => {
    const row = one(['A', 'B', '', '3,36123E+11', '', '', '', '', ''], plan);
    expect(row?.values.phone).toBeUndefined();
    expect(row?.issues[0]?.code).toBe('phone_rounded');
  });

  it('turns country names into codes and refuses unknown countries', () => {
    expect(one(['A', 'B', '', '', 'Sénégal', '', '', '', ''], plan)?.values.country).toBe('SN');
    const row = one(['A', 'B', '', '', 'Atlantis', '', '', '', ''], plan);
    expect(row?.values.country).toBeUndefined();
    expect(row?.issues[0]?.code).toBe('unknown_country');
  });

  it('refuses values longer than the member fields allow', () => {
    const row = one(['x'.repeat(201), 'Lee', '', '', '', '', '', '', ''], plan);
    expect(row?.values.firstName).toBeUndefined();
    expect(row?.issues[0]).toMatchObject({ code: 'too_long', field: 'firstName' });
  });

  it('shortens very long notes with a warning', () => {
    const row = one(['Ann', '', '', '', '', '', '', '', 'n'.repeat(6000)], plan);
    expect(row?.values.notes).toHaveLength(5000);
    expect(row?.issues[0]).toMatchObject({ code: 'notes_shortened', severity: 'warning' });
    // Never inside a character: 4,999 letters then an emoji (two UTF-16 units) loses the emoji whole.
    const emoji = one(['Ann', '', '', '', '', '', '', '', `${'n'.repeat(4999)}😀 and more`], plan);
    expect(emoji?.values.notes).toBe('n'.repeat(4999));
  });

  it('strips the apostrophe the rejects file puts before formula-like values', () => {
    expect(one(["'=Ann", 'Lee', '', '', '', '', '', '', ''], plan)?.values.firstName).toBe('=Ann');
  });
});

describe('names and rejection', () => {
  it('splits a full name into blanks only', () => {
    const plan = planFor(['Full', 'First'], ['fullName', 'firstName']);
    expect(cleanRow({ rowNumber: 2, cells: ['Dupré, Hélène', 'Lena'] }, plan)?.values).toEqual({
      firstName: 'Lena',
      lastName: 'Dupré',
    });
  });

  it('rejects a row with neither a name nor an email, with a reason naming the row', () => {
    const plan = planFor(['Email', 'City'], ['email', 'city']);
    expect(cleanRow({ rowNumber: 12, cells: ['', 'Paris'] }, plan)?.rejection).toEqual({
      code: 'no_name_or_email',
      value: '',
      problem: 'No name and no email, so this row cannot be imported.',
      message: 'Row 12: No name and no email, so this row cannot be imported.',
    });
  });

  it('accepts a row with only an email', () => {
    const plan = planFor(['Email'], ['email']);
    expect(cleanRow({ rowNumber: 2, cells: ['a@b.org'] }, plan)?.rejection).toBeNull();
  });

  it('skips a row of placeholders and a repeated header row', () => {
    const plan = planFor(['Email', 'Name'], ['email', 'fullName']);
    expect(cleanRow({ rowNumber: 2, cells: ['n/a', '-'] }, plan)).toBeNull();
    expect(cleanRow({ rowNumber: 3, cells: [' EMAIL', 'name '] }, plan)).toBeNull();
  });

  it('carries a problem the reader saw in the row', () => {
    const plan = planFor(['Email'], ['email']);
    const row = cleanRow({ rowNumber: 4, cells: ['a@b.org'], problem: 'Stray quotes.' }, plan);
    expect(row?.issues[0]).toMatchObject({
      field: null,
      code: 'row_format',
      message: 'Row 4: Stray quotes.',
    });
  });

  it('names the column when it differs from the field', () => {
    const plan = planFor(['Courriel'], ['email']);
    expect(cleanRow({ rowNumber: 3, cells: ['x@'] }, plan)?.issues[0]?.message).toBe(
      'Row 3, Email (column “Courriel”): “x@” is not a valid email address, so no email was imported.',
    );
  });

  it('gathers several note columns under their names', () => {
    const plan = planFor(['Remarks', 'Allergies', 'Email'], ['notes', 'notes', 'email']);
    expect(cleanRow({ rowNumber: 2, cells: ['Founder', 'nuts', 'a@b.org'] }, plan)?.values.notes).toBe(
      'Remarks: Founder\nAllergies: nuts',
    );
  });
});

describe('dates per column', () => {
  it('infers day-first and month-first separately for each column', async () => {
    const { plan, rows } = await clean(
      'Email,Joined,Paid until\na@b.org,25/03/2024,03/04/2025\nc@d.org,01/02/2024,12/31/2025\n',
    );
    expect(plan.dateOrders).toEqual({
      joinedOn: { order: 'dmy', source: 'inferred' },
      paidThrough: { order: 'mdy', source: 'inferred' },
    });
    expect(rows.map((r) => [r.values.joinedOn, r.values.paidThrough])).toEqual([
      ['2024-03-25', '2025-03-04'],
      ['2024-02-01', '2025-12-31'],
    ]);
  });

  it('falls back to the caller default, then the country, for ambiguous columns', async () => {
    const csv = 'Email,Joined\na@b.org,03/04/2024\n';
    expect((await clean(csv, { defaultCountry: 'FR' })).rows[0]?.values.joinedOn).toBe('2024-04-03');
    expect((await clean(csv, { defaultCountry: 'US' })).rows[0]?.values.joinedOn).toBe('2024-03-04');
    const chosen = await clean(csv, { defaultCountry: 'FR', dateOrder: 'mdy' });
    expect(chosen.plan.dateOrders.joinedOn).toEqual({ order: 'mdy', source: 'default' });
    const forced = await clean('Email,Joined\na@b.org,25/03/2024\n', { dateOrders: { joinedOn: 'mdy' } });
    expect(forced.plan.dateOrders.joinedOn?.source).toBe('chosen');
    expect(forced.rows[0]?.issues[0]?.code).toBe('wrong_order');
  });

  it('reads Excel serial numbers in CSV', async () => {
    expect((await clean('Email,Joined\na@b.org,45292\n')).rows[0]?.values.joinedOn).toBe('2024-01-01');
  });

  it('explains an unreadable date with an example in the column order', async () => {
    const { rows } = await clean('Email,Joined\na@b.org,31/02/2024\n');
    expect(rows[0]?.issues[0]?.message).toBe(
      'Row 2, Joined on (column “Joined”): “31/02/2024” is not a date that can be read; write it like 31/03/2024 or 2024-03-31.',
    );
  });
});

describe('batches for progress', () => {
  it('reports processed and total rows', async () => {
    const csv = `Email\n${Array.from({ length: 25 }, (_, i) => `m${i}@example.org`).join('\n')}\n`;
    const source = await openImport(utf8(csv));
    const plan = planImport(source, suggestMapping(source.headers));
    expect(plan.rowCount).toBe(25);
    const batches = [...cleanBatches(source, plan, 10)];
    expect(batches.map((b) => [b.rows.length, b.processed, b.total])).toEqual([
      [10, 10, 25],
      [10, 20, 25],
      [5, 25, 25],
    ]);
  });

  it('yields one final batch even for a file without data rows', async () => {
    const source = await openImport(utf8('Email\n'));
    const plan = planImport(source, suggestMapping(source.headers));
    expect([...cleanBatches(source, plan)]).toEqual([{ rows: [], processed: 0, total: 0 }]);
  });
});
