import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ImportReadError, readMemberFile, type CleanRow } from './index';
import { memberFields } from '../../../shared/domain';

const dir = fileURLToPath(new URL('../../../../tests/fixtures/import', import.meta.url));
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));
const read = (name: string, defaultCountry = 'FR') =>
  readMemberFile(fixture(name), { fileName: name, defaultCountry });
const byRow = (rows: CleanRow[]) => new Map(rows.map((r) => [r.rowNumber, r]));

/** The bytes that make each fixture what it is; regenerate with tests/fixtures/make-fixtures.ts, never edit by hand. */
describe('fixture bytes', () => {
  it('UTF-8 comma CSV has no BOM and LF line ends only', () => {
    const bytes = fixture('utf8-comma-lf.csv');
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(0x0d)).toBe(false);
    expect(bytes.includes(0x0a)).toBe(true);
  });

  it('Excel "CSV UTF-8" has a UTF-8 BOM and CRLF', () => {
    const bytes = fixture('utf8-bom-semicolon-crlf.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = Buffer.from(bytes).toString('utf8');
    expect(text.split('\r\n').length).toBe(5);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // "é" in UTF-8 is C3 A9.
    expect(Buffer.from(bytes).includes(Buffer.from([0xc3, 0xa9]))).toBe(true);
  });

  it('the Windows-1252 file has single bytes for é, ü, €, Œ and no UTF-8', () => {
    const bytes = Buffer.from(fixture('windows-1252-semicolon.csv'));
    expect(bytes.indexOf(Buffer.from('Dupr\xe9', 'latin1'))).toBeGreaterThan(-1);
    expect(bytes.indexOf(Buffer.from('M\xfcller', 'latin1'))).toBeGreaterThan(-1);
    expect(bytes.includes(0x80)).toBe(true); // €
    expect(bytes.includes(0x8c)).toBe(true); // Œ
    expect(bytes.includes(Buffer.from([0xc3, 0xa9]))).toBe(false);
    expect(bytes.includes(Buffer.from('\r\n'))).toBe(true);
  });

  it('"Unicode Text" is UTF-16LE with a BOM and tabs', () => {
    const bytes = fixture('utf16le-tab.txt');
    expect([...bytes.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x4e, 0x00]); // BOM, "N"
    expect(Buffer.from(bytes).includes(Buffer.from([0x09, 0x00]))).toBe(true);
    expect(Buffer.from(bytes).includes(Buffer.from([0x0d, 0x00, 0x0a, 0x00]))).toBe(true);
  });

  it('the UTF-16BE file has a big-endian BOM', () => {
    expect([...fixture('utf16be-tab.txt').subarray(0, 4)]).toEqual([0xfe, 0xff, 0x00, 0x4e]);
  });

  it('the quoted file has CRLF between rows and bare LF inside cells, as Excel writes them', () => {
    const text = Buffer.from(fixture('quoted.csv')).toString('utf8');
    expect(text).toContain('"Line one\nLine two, with comma"\r\n');
    expect(text).toContain('"Jean ""JJ"""');
  });

  it('the workbooks are ZIP files, the corrupt one is cut short', () => {
    for (const name of ['members.xlsx', 'empty-first-sheet.xlsx', 'members.ods', 'corrupt.xlsx']) {
      expect([...fixture(name).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    }
    expect(fixture('corrupt.xlsx').length).toBeLessThan(fixture('members.xlsx').length);
  });
});

describe('reading the fixtures', () => {
  it('UTF-8 comma CSV from a US chapter: month-first dates inferred', async () => {
    const { source, plan, rows } = await read('utf8-comma-lf.csv', 'US');
    expect(source.info).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      bom: false,
      delimiter: ',',
      headerRowNumber: 1,
    });
    expect(plan.dateOrders.joinedOn).toEqual({ order: 'mdy', source: 'inferred' });
    expect(rows.map((r) => r.values.joinedOn)).toEqual(['2021-03-25', '2022-01-05', '2023-11-30']);
    expect(rows[1]?.values).toMatchObject({
      email: 'bob.oneil@example.org',
      phone: '+12025550178',
      country: 'US',
    });
    expect(rows[2]?.values).toMatchObject({ phone: '+34612345678', country: 'ES' });
  });

  it('Excel CSV UTF-8 with BOM, semicolons and French headers', async () => {
    const { source, plan, rows } = await read('utf8-bom-semicolon-crlf.csv');
    expect(source.info).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ';' });
    expect(source.headers[0]).toBe('N° adhérent');
    expect(plan.mapping.columns.map((c) => c.field)).toEqual([
      'memberNumber',
      'lastName',
      'firstName',
      'email',
      'phone',
      'city',
      'joinedOn',
      'paidThrough',
      'notes',
    ]);
    expect(rows[0]?.values).toEqual({
      memberNumber: 'A-001',
      firstName: 'Hélène',
      lastName: 'Dupré',
      email: 'helene.dupre@exemple.fr',
      phone: '+33612345678',
      city: 'Paris',
      joinedOn: '2023-01-15',
      paidThrough: '2024-12-31',
      notes: 'Trésorière; membre du bureau',
    });
    expect(rows[2]?.values).toMatchObject({
      firstName: 'Thị Ánh',
      lastName: 'Nguyễn',
      joinedOn: '2022-04-01',
    });
  });

  it('Windows-1252 from Excel on a French machine, without mojibake', async () => {
    const { source, rows } = await read('windows-1252-semicolon.csv');
    expect(source.info).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(source.headers).toContain('Prénom');
    expect(rows.map((r) => `${r.values.firstName} ${r.values.lastName}`)).toEqual([
      'Hélène Dupré',
      'Jürgen Müller',
      'Zoé Œuvre',
    ]);
    expect(rows[0]?.values.notes).toBe('Cotisation 20 €');
    expect(rows[1]?.values.notes).toBe("« Ami » de l'association");
    expect(rows[2]?.values.notes).toBe('Don : 50 € – merci');
  });

  it('UTF-16LE "Unicode Text" with Spanish headers', async () => {
    const { source, rows } = await read('utf16le-tab.txt', 'ES');
    expect(source.info).toMatchObject({ encoding: 'utf-16le', bom: true, delimiter: '\t' });
    expect(rows[0]?.values).toMatchObject({
      firstName: 'José',
      lastName: 'García López',
      email: 'jose.garcia@ejemplo.es',
      phone: '+34612345678',
      joinedOn: '2023-02-14',
      membershipType: 'Regular',
    });
    expect(rows[1]?.values.joinedOn).toBe('2022-07-03');
  });

  it('UTF-16BE with Portuguese headers', async () => {
    const { source, rows } = await read('utf16be-tab.txt', 'BR');
    expect(source.info).toMatchObject({ encoding: 'utf-16be', delimiter: '\t' });
    expect(rows[0]?.values).toMatchObject({
      firstName: 'João',
      lastName: 'da Silva',
      phone: '+5511912345678',
      city: 'São Paulo',
    });
  });

  it('pipe-delimited with a full-name column', async () => {
    const { source, rows } = await read('pipe.csv', 'KE');
    expect(source.info.delimiter).toBe('|');
    expect(rows.map((r) => [r.values.firstName, r.values.lastName])).toEqual([
      ['Hélène', 'Dupré'],
      ['Wanjiru', 'Kamau'],
      [undefined, 'Otieno'],
    ]);
    expect(rows[1]?.values.phone).toBe('+254712345679');
  });

  it('quoted values keep their delimiters, quotes and line breaks; rows keep record numbers', async () => {
    const { rows } = await read('quoted.csv');
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(rows[0]?.values).toMatchObject({
      firstName: 'Jean "JJ"',
      organisation: 'Amis de la Terre, Paris',
      notes: 'Line one\nLine two, with comma',
    });
    expect(rows[1]?.values.lastName).toBe("O'Brien, Jr.");
    expect(rows[2]?.values.notes).toBe('Multi\n\nparagraph "quoted" note');
  });

  it('skips a title, a subtitle and a blank row above the header', async () => {
    const { source, rows } = await read('title-rows.csv');
    expect(source.info.headerRowNumber).toBe(4);
    expect(source.headers).toEqual(['Prénom', 'Nom', 'Email', 'Ville']);
    expect(rows.map((r) => r.rowNumber)).toEqual([5, 6]);
  });

  it('reads ragged rows and skips blank lines, keeping file row numbers', async () => {
    const { source, rows } = await read('ragged.csv');
    expect(source.headers).toEqual(['First name', 'Last name', 'Email', 'City', '', '']);
    expect(rows.map((r) => r.rowNumber)).toEqual([3, 4, 7]);
    expect(rows[0]?.values.city).toBeUndefined();
    expect(rows[1]?.values.city).toBe('Leeds');
  });

  it('reads a file mixing UTF-8 and Windows-1252 lines and says so', async () => {
    const { source, rows } = await read('mixed-encoding.csv');
    expect(source.info.encoding).toBe('mixed');
    expect(source.info.warnings[0]).toMatch(/Windows-1252/);
    expect(rows.map((r) => r.values.lastName)).toEqual(['Dupré', 'Lefèvre']);
  });

  it('the file of bad rows: every problem on its row and field', async () => {
    const { rows, report } = await read('bad-rows.csv');
    const row = byRow(rows);
    expect([...row.keys()]).toEqual([2, 3, 4, 5, 6, 7, 10, 11, 12, 14, 15, 16, 17]);
    expect(row.get(3)?.rejection?.code).toBe('no_name_or_email');
    expect(row.get(4)?.rejection).toBeNull();
    expect(row.get(4)?.values.email).toBeUndefined();
    expect(row.get(4)?.issues[0]?.message).toBe(
      'Row 4, Email: “paul@” is not a valid email address, so no email was imported.',
    );
    expect(row.get(5)?.rejection?.message).toBe(
      'Row 5: No name, and the email “not-an-email” is not valid, so this row cannot be imported.',
    );
    expect(row.get(6)?.issues.map((i) => [i.field, i.code])).toEqual([
      ['country', 'unknown_country'],
      ['joinedOn', 'invalid_date'],
    ]);
    expect(row.get(7)?.issues.map((i) => i.code)).toEqual(['phone_rounded', 'year_only']);
    expect(row.get(10)?.issues.map((i) => [i.code, i.severity])).toEqual([
      ['phone_not_recognised', 'warning'],
      ['invalid_date', 'error'],
    ]);
    expect(row.get(10)?.values.phone).toBe('12345');
    expect(row.get(14)?.issues[0]?.code).toBe('too_long');
    expect(row.get(15)?.issues[0]?.code).toBe('invalid_date');
    expect(row.get(17)?.rejection).not.toBeNull();

    expect(report.rejected.map((r) => r.rowNumber)).toEqual([3, 5, 17]);
    const candidate = new Map(report.candidates.map((c) => [c.rowNumber, c]));
    expect(candidate.get(2)?.mergedRows).toEqual([11]);
    expect(candidate.get(2)?.values.notes).toBe('second entry');
    expect(candidate.get(2)?.issues.find((i) => i.code === 'merge_conflict')?.value).toBe('second entry');
    expect(candidate.has(11)).toBe(false);
    expect(candidate.get(12)?.possibleDuplicates).toEqual([
      { kind: 'row', rowNumber: 2, reason: 'Same name and phone number, different or missing email.' },
    ]);
    expect(candidate.get(16)?.possibleDuplicates[0]).toMatchObject({ kind: 'row', rowNumber: 10 });
  });

  it('XLSX: title row, real dates, phones stored as numbers, formulas, rich text, links', async () => {
    const { source, rows } = await read('members.xlsx');
    expect(source.info).toMatchObject({
      format: 'xlsx',
      sheet: 'Members',
      headerRowNumber: 3,
      encoding: null,
    });
    expect(source.info.sheets.map((s) => [s.name, s.rowCount])).toEqual([
      ['Members', 6],
      ['Archive 2023', 3],
    ]);
    expect(rows.map((r) => r.rowNumber)).toEqual([4, 5, 6, 7]);
    expect(rows[0]?.values).toEqual({
      memberNumber: '00042',
      firstName: 'Hélène',
      lastName: 'Dupré',
      email: 'helene@example.org',
      phone: '+33612345678',
      country: 'FR',
      city: 'Paris',
      joinedOn: '2024-01-15',
      paidThrough: '2024-12-31',
      notes: 'Board member',
    });
    expect(rows[1]?.values).toMatchObject({
      firstName: 'Paul',
      lastName: 'Martin',
      phone: '+33612345679',
      joinedOn: '2024-01-01',
    });
    expect(rows[1]?.values.notes).toBeUndefined();
    expect(rows[2]?.values).toMatchObject({ phone: '+254712345678', country: 'KE' });
    expect(rows[3]?.values.phone).toBe('+33611223344');
  });

  it('XLSX: another sheet by name', async () => {
    const result = await readMemberFile(fixture('members.xlsx'), { sheet: 'archive 2023' });
    expect(result.source.info.sheet).toBe('Archive 2023');
    expect(result.rows.map((r) => r.values.email)).toEqual(['old@example.org', 'former@example.org']);
  });

  it('XLSX: the first visible sheet with data is the default', async () => {
    const { source } = await read('empty-first-sheet.xlsx');
    expect(source.info.sheet).toBe('Members');
    expect(source.info.sheets.map((s) => [s.name, s.hidden, s.rowCount])).toEqual([
      ['Sheet1', false, 0],
      ['Lookups', true, 2],
      ['Members', false, 2],
    ]);
  });

  it('ODS from LibreOffice: merged title, numbers, dates, notes, huge repeated empty ranges', async () => {
    const { source, rows } = await read('members.ods');
    expect(source.info).toMatchObject({ format: 'ods', sheet: 'Membres', headerRowNumber: 3 });
    expect(source.headers).toEqual(['Prénom', 'Nom', 'Courriel', 'Portable', "Date d'adhésion", 'Remarques']);
    expect(rows[0]?.values).toMatchObject({
      phone: '+33612345678',
      joinedOn: '2024-01-15',
      notes: 'Trésorière  & co\nsecond line',
    });
    expect(rows[1]?.values).toEqual({ firstName: 'Paul', lastName: 'Martin', joinedOn: '2023-06-30' });
  });

  it.each(['corrupt.xlsx', 'broken-workbook.xlsx'])('%s: a typed CORRUPT error', async (name) => {
    const error = await read(name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportReadError);
    expect(error).toMatchObject({ code: 'CORRUPT' });
  });

  it('every cleaned value is accepted by the member schema', async () => {
    const names = [
      'utf8-comma-lf.csv',
      'utf8-bom-semicolon-crlf.csv',
      'windows-1252-semicolon.csv',
      'utf16le-tab.txt',
      'utf16be-tab.txt',
      'pipe.csv',
      'quoted.csv',
      'title-rows.csv',
      'ragged.csv',
      'bad-rows.csv',
      'members.xlsx',
      'members.ods',
      'mixed-encoding.csv',
    ];
    for (const name of names) {
      const { rows } = await read(name);
      for (const row of rows) {
        // The membership type is a name here; the caller turns it into a typeId.
        const fields: Record<string, string> = { ...row.values };
        delete fields.membershipType;
        const parsed = memberFields.safeParse(fields);
        expect(parsed.success, `${name} row ${row.rowNumber}: ${JSON.stringify(parsed.error?.issues)}`).toBe(
          true,
        );
      }
    }
  });
});
