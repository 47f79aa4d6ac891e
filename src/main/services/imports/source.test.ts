import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportReadError, openImport, type ImportReadErrorCode } from './index';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function failure(bytes: Uint8Array, options = {}): Promise<ImportReadError> {
  const error = await openImport(bytes, options).catch((e: unknown) => e);
  if (error instanceof ImportReadError) return error;
  throw new Error(`expected an ImportReadError, got ${String(error)}`);
}

async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A minimal ZIP (stored, one entry) with the given file names, enough for format sniffing. */
function zipOf(names: string[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(n.length, 26);
    parts.push(local, n);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(n.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, n);
    offset += 30 + n.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

describe('openImport: what cannot be read', () => {
  it.each<[string, Uint8Array, ImportReadErrorCode, RegExp]>([
    ['an empty file', new Uint8Array(), 'EMPTY', /empty/],
    ['only blank lines and empty cells', utf8('\n\n,,\n , \n'), 'EMPTY', /no rows/],
    ['a PDF', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'UNSUPPORTED_FORMAT', /PDF/],
    [
      'a PNG',
      Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0),
      'UNSUPPORTED_FORMAT',
      /image/,
    ],
    ['a gzip archive', Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0), 'UNSUPPORTED_FORMAT', /archive/],
    [
      'an old .xls',
      Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)),
      'UNSUPPORTED_FORMAT',
      /\.xls/,
    ],
    [
      'a password-protected .xlsx',
      Uint8Array.from([
        0xd0,
        0xcf,
        0x11,
        0xe0,
        0xa1,
        0xb1,
        0x1a,
        0xe1,
        ...Buffer.from('EncryptedPackage', 'utf16le'),
      ]),
      'ENCRYPTED',
      /password/,
    ],
    [
      'an HTML table saved as .xls',
      utf8('<html><body><table><tr><td>Nom</td></tr></table></body></html>'),
      'UNSUPPORTED_FORMAT',
      /web page/,
    ],
    [
      'Excel 2003 XML',
      utf8('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'),
      'UNSUPPORTED_FORMAT',
      /2003/,
    ],
    ['an RTF document', utf8('{\\rtf1\\ansi hello}'), 'UNSUPPORTED_FORMAT', /RTF/],
    [
      'a Word document',
      zipOf(['[Content_Types].xml', 'word/document.xml']),
      'UNSUPPORTED_FORMAT',
      /word-processor/,
    ],
    ['an .xlsb', zipOf(['[Content_Types].xml', 'xl/workbook.bin']), 'UNSUPPORTED_FORMAT', /xlsb/],
    ['an Apple Numbers file', zipOf(['Index/Document.iwa']), 'UNSUPPORTED_FORMAT', /Numbers/],
    ['a ZIP of something else', zipOf(['photo.jpg']), 'UNSUPPORTED_FORMAT', /ZIP/],
    ['a ZIP cut short', zipOf(['xl/workbook.xml']).subarray(0, 40), 'CORRUPT', /damaged/],
    [
      'random bytes',
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24),
      'BINARY',
      /not a spreadsheet/,
    ],
  ])('%s', async (_name, bytes, code, message) => {
    const error = await failure(bytes);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('an .xlsx whose parts are missing', async () => {
    expect((await failure(zipOf(['[Content_Types].xml', 'xl/workbook.xml']))).code).toBe('CORRUPT');
  });

  it('a file over the size limit', async () => {
    const error = await failure(utf8('a,b\n1,2\n'), { maxBytes: 4 });
    expect(error.code).toBe('TOO_LARGE');
  });

  it('a decompression bomb is refused before inflating', async () => {
    const bomb = zipOf(['xl/workbook.xml']);
    // Announce 4 GB uncompressed in the central directory entry.
    const view = new DataView(bomb.buffer);
    const central = bomb.length - 22 - 46 - 'xl/workbook.xml'.length;
    view.setUint32(central + 24, 0xfffffff0, true);
    expect((await failure(bomb)).code).toBe('TOO_LARGE');
  });

  it('a workbook without data', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Sheet1');
      wb.addWorksheet('Sheet2');
    });
    expect((await failure(bytes)).code).toBe('EMPTY');
  });

  it('a sheet that does not exist, listing those that do', async () => {
    const bytes = await xlsx((wb) => wb.addWorksheet('Members').addRow(['Email', 'a@b.org']));
    const error = await failure(bytes, { sheet: 'Adhérents' });
    expect(error.code).toBe('SHEET_NOT_FOUND');
    expect(error.message).toBe('There is no sheet called “Adhérents”. The sheets are: “Members”.');
  });

  it('an empty sheet asked for by name', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Members').addRow(['Email', 'a@b.org']);
      wb.addWorksheet('Empty');
    });
    const error = await failure(bytes, { sheet: 'Empty' });
    expect(error).toMatchObject({ code: 'EMPTY', message: 'The sheet “Empty” has no data.' });
  });

  it('a header row override outside the file or on a blank row', async () => {
    const text = utf8('Title\n\nEmail,Name\na@b.org,Ann\n');
    expect((await failure(text, { headerRow: 9 })).message).toBe(
      'Row 9 is not in the file, so it cannot hold the column names.',
    );
    expect((await failure(text, { headerRow: 2 })).code).toBe('HEADER_ROW_OUT_OF_RANGE');
    expect((await failure(text, { headerRow: -1 })).code).toBe('HEADER_ROW_OUT_OF_RANGE');
    expect((await failure(text, { headerRow: 1.5 })).code).toBe('HEADER_ROW_OUT_OF_RANGE');
  });
});

describe('openImport: header rows', () => {
  it('detects the header under a title and keeps file row numbers', async () => {
    const source = await openImport(
      utf8('Members list 2024\n\nEmail,First name,Last name\na@b.org,Ann,Lee\nc@d.org,Bo,Li\n'),
    );
    expect(source.info).toMatchObject({ headerRowNumber: 3, headerDetected: true });
    expect(source.headers).toEqual(['Email', 'First name', 'Last name']);
    expect([...source.rows()].map((r) => r.rowNumber)).toEqual([4, 5]);
    expect(source.sample.map((r) => r.rowNumber)).toEqual([4, 5]);
  });

  it('lets the caller choose the header row', async () => {
    const source = await openImport(utf8('Email,First name\nSurname,Given\nLee,Ann\n'), { headerRow: 2 });
    expect(source.info).toMatchObject({ headerRowNumber: 2, headerDetected: false });
    expect(source.headers).toEqual(['Surname', 'Given']);
    expect([...source.rows()].map((r) => r.cells)).toEqual([['Lee', 'Ann']]);
  });

  it('reads a file without a header row when told so', async () => {
    const source = await openImport(utf8('Lee,Ann,a@b.org\nLi,Bo\n'), { headerRow: 0 });
    expect(source.headers).toEqual(['Column A', 'Column B', 'Column C']);
    expect([...source.rows()].map((r) => r.rowNumber)).toEqual([1, 2]);
  });

  it('skips the sep= line Excel may write, and counts it as row 1', async () => {
    const source = await openImport(utf8('sep=;\r\nNom;Prénom\r\nDupré;Hélène\r\n'));
    expect(source.info.delimiter).toBe(';');
    expect(source.info.headerRowNumber).toBe(2);
    expect([...source.rows()][0]).toEqual({ rowNumber: 3, cells: ['Dupré', 'Hélène'] });
  });

  it('can be iterated again from the top', async () => {
    const source = await openImport(utf8('Email\na@b.org\nc@d.org\n'));
    expect([...source.rows()]).toHaveLength(2);
    expect([...source.rows()]).toHaveLength(2);
  });

  it('trims trailing empty columns that Excel writes', async () => {
    const source = await openImport(utf8('Nom;Prénom;;;\r\nDupré;Hélène;;;\r\n'));
    expect(source.headers).toEqual(['Nom', 'Prénom']);
  });
});
