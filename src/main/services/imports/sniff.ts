import { ImportReadError } from './errors';
import { listZipEntries, readZipEntry, totalUncompressedSize, type ZipEntry } from './zip';

export type SniffedFormat = { kind: 'text' } | { kind: 'xlsx' } | { kind: 'ods'; entries: ZipEntry[] };

/** A workbook that inflates past this is a decompression bomb or too big to import in one go. */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

const SAVE_AS = 'Open it in Excel or LibreOffice and save it as .xlsx or CSV.';
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** Decides how to read the bytes from their content; the file name only improves the message. */
export function sniffFormat(bytes: Uint8Array, fileName = ''): SniffedFormat {
  if (hasPrefix(bytes, [0x50, 0x4b, 0x03, 0x04]) || hasPrefix(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return sniffZip(bytes, fileName);
  }
  if (hasPrefix(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Both old .xls files and password-protected .xlsx files are OLE2 containers.
    if (containsUtf16Ascii(bytes, 'EncryptedPackage')) {
      throw new ImportReadError(
        'ENCRYPTED',
        'This workbook is protected by a password. Open it in Excel, remove the password (or save a copy as CSV), and import that.',
      );
    }
    throw unsupported(
      `This is an old-style Excel (.xls) or Word file, which cannot be read directly. ${SAVE_AS}`,
    );
  }
  const binary = binaryKind(bytes);
  if (binary) throw unsupported(`This is ${binary}, not a spreadsheet. ${SAVE_AS}`);
  const markup = markupKind(bytes);
  if (markup)
    throw unsupported(`This is ${markup} with a spreadsheet name, which cannot be read directly. ${SAVE_AS}`);
  return { kind: 'text' };
}

function sniffZip(bytes: Uint8Array, fileName: string): SniffedFormat {
  const entries = listZipEntries(bytes);
  if (totalUncompressedSize(entries) > MAX_UNZIPPED_BYTES) {
    throw new ImportReadError(
      'TOO_LARGE',
      'This workbook is too large to import in one go. Save the sheet as CSV and import that.',
    );
  }
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml')) return { kind: 'xlsx' };
  if (names.has('xl/workbook.bin')) {
    throw unsupported(`This is an Excel binary workbook (.xlsb). ${SAVE_AS}`);
  }
  const mimetype = entries.find((e) => e.name === 'mimetype');
  const declared = mimetype ? new TextDecoder().decode(readZipEntry(bytes, mimetype)).trim() : '';
  if (declared === ODS_MIMETYPE || (!declared && names.has('content.xml') && /\.ods$/i.test(fileName))) {
    return { kind: 'ods', entries };
  }
  if (names.has('word/document.xml') || declared.includes('opendocument.text')) {
    throw unsupported(`This is a word-processor document, not a spreadsheet. ${SAVE_AS}`);
  }
  if (names.has('Index/Document.iwa')) {
    throw unsupported('This is an Apple Numbers file. In Numbers, choose File › Export To › CSV or Excel.');
  }
  throw unsupported(
    `This is a ZIP archive, not a spreadsheet. Extract it and import the spreadsheet inside.`,
  );
}

function binaryKind(bytes: Uint8Array): string | null {
  if (hasPrefix(bytes, [0x25, 0x50, 0x44, 0x46])) return 'a PDF document';
  if (hasPrefix(bytes, [0x89, 0x50, 0x4e, 0x47]) || hasPrefix(bytes, [0xff, 0xd8, 0xff])) return 'an image';
  if (hasPrefix(bytes, [0x47, 0x49, 0x46, 0x38])) return 'an image';
  if (
    hasPrefix(bytes, [0x1f, 0x8b]) ||
    hasPrefix(bytes, [0x37, 0x7a, 0xbc, 0xaf]) ||
    hasPrefix(bytes, [0x52, 0x61, 0x72, 0x21])
  ) {
    return 'a compressed archive';
  }
  return null;
}

/** Web apps often export an HTML table or SpreadsheetML 2003 and name it .xls. */
function markupKind(bytes: Uint8Array): string | null {
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 2048))
    .replace(/\0/g, '')
    .trimStart()
    .toLowerCase();
  // A UTF-16 or UTF-8 byte order mark decodes to one or two marks here: look past them.
  const start = head.replace(/^[\ufeff\ufffd]+/, '');
  if (start.startsWith('{\\rtf')) return 'an RTF document';
  if (!start.startsWith('<')) return null;
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'an Excel 2003 XML file';
  if (head.includes('<office:document')) return 'a flat OpenDocument file';
  if (/^<(!doctype html|html|table|head|body|meta)\b/.test(start) || head.includes('<html'))
    return 'a web page (HTML)';
  return null;
}

function containsUtf16Ascii(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) !== -1;
}

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function unsupported(message: string): ImportReadError {
  return new ImportReadError('UNSUPPORTED_FORMAT', message);
}
