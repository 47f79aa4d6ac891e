import { dateText, numberText } from './cell-text';
import { ImportReadError } from './errors';
import { isBlankRow, MAX_COLUMNS, type RawRow } from './table';
import { chooseSheet, type SheetInfo, type WorkbookTable } from './xlsx';
import { readZipEntry, type ZipEntry } from './zip';

/** LibreOffice pads sheets with a million repeated empty rows and a thousand empty columns; never expand those. */
const MAX_REPEATED_ROWS = 10_000;

interface Sheet {
  name: string;
  rows: RawRow[];
}

interface CellState {
  repeat: number;
  type: string;
  value: string;
  dateValue: string;
  booleanValue: string;
  text: string;
  paragraphs: number;
}

/** Reads an OpenDocument spreadsheet (LibreOffice's .ods) from its content.xml. */
export function readOds(bytes: Uint8Array, entries: readonly ZipEntry[], sheetName?: string): WorkbookTable {
  const content = entries.find((e) => e.name === 'content.xml');
  if (!content) throw corrupt();
  const sheets = parseContent(new TextDecoder().decode(readZipEntry(bytes, content)));
  const infos: SheetInfo[] = sheets.map((s) => ({ name: s.name, hidden: false, rowCount: s.rows.length }));
  const chosen = chooseSheet(infos, sheetName, (name) => sheets.find((s) => s.name === name)?.rows ?? []);
  return { sheets: infos, sheet: chosen.name, rows: chosen.rows };
}

function parseContent(xml: string): Sheet[] {
  const sheets: Sheet[] = [];
  let sheet: Sheet | null = null;
  let rowNumber = 0;
  let row: string[] | null = null;
  let rowRepeat = 1;
  let pendingEmpty = 0;
  let cell: CellState | null = null;
  let inParagraph = 0;
  let inAnnotation = 0;

  const endCell = (): void => {
    if (!row || !cell) return;
    const text = cellValue(cell);
    const repeat = Math.min(cell.repeat, MAX_COLUMNS);
    if (text === '') {
      pendingEmpty += repeat;
    } else {
      for (let i = 0; i < pendingEmpty && row.length < MAX_COLUMNS; i++) row.push('');
      pendingEmpty = 0;
      for (let i = 0; i < repeat && row.length < MAX_COLUMNS; i++) row.push(text);
    }
    cell = null;
  };

  let at = 0;
  while (at < xml.length) {
    const open = xml.indexOf('<', at);
    const textEnd = open === -1 ? xml.length : open;
    if (cell && inParagraph > 0 && inAnnotation === 0 && textEnd > at)
      cell.text += decodeEntities(xml.slice(at, textEnd));
    if (open === -1) break;
    if (xml.startsWith('<!--', open)) {
      const close = xml.indexOf('-->', open);
      at = close === -1 ? xml.length : close + 3;
      continue;
    }
    const close = xml.indexOf('>', open);
    if (close === -1) throw corrupt();
    at = close + 1;
    const tag = xml.slice(open + 1, close);
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    const closing = tag.startsWith('/');
    const selfClosing = tag.endsWith('/');
    const name = /^\/?([\w:.-]+)/.exec(tag)?.[1] ?? '';
    const attrs = closing ? '' : tag;

    if (name === 'office:annotation') {
      if (!selfClosing) inAnnotation += closing ? -1 : 1;
      continue;
    }
    if (inAnnotation > 0) continue;

    switch (name) {
      case 'table:table':
        if (closing) {
          if (sheet) sheets.push(sheet);
          sheet = null;
        } else {
          sheet = {
            name: decodeEntities(attribute(attrs, 'table:name') ?? `Sheet${sheets.length + 1}`),
            rows: [],
          };
          rowNumber = 0;
          if (selfClosing) {
            sheets.push(sheet);
            sheet = null;
          }
        }
        break;
      case 'table:table-row':
        if (!closing) {
          row = [];
          pendingEmpty = 0;
          rowRepeat = positive(attribute(attrs, 'table:number-rows-repeated'));
        }
        if (closing || selfClosing) {
          if (sheet && row && !isBlankRow(row)) {
            for (let i = 0; i < Math.min(rowRepeat, MAX_REPEATED_ROWS); i++) {
              sheet.rows.push({ rowNumber: rowNumber + i + 1, cells: [...row] });
            }
          }
          rowNumber += rowRepeat;
          row = null;
        }
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        if (!closing) {
          cell = {
            repeat: positive(attribute(attrs, 'table:number-columns-repeated')),
            // A covered cell is hidden under a merge: like Excel's merged cells, it shows nothing.
            type:
              name === 'table:covered-table-cell' ? 'covered' : (attribute(attrs, 'office:value-type') ?? ''),
            value: attribute(attrs, 'office:value') ?? '',
            dateValue: attribute(attrs, 'office:date-value') ?? '',
            booleanValue: attribute(attrs, 'office:boolean-value') ?? '',
            text: '',
            paragraphs: 0,
          };
        }
        if (closing || selfClosing) endCell();
        break;
      case 'text:p':
      case 'text:h':
        if (!cell || selfClosing) break;
        if (closing) {
          inParagraph--;
        } else {
          if (cell.paragraphs++ > 0) cell.text += '\n';
          inParagraph++;
        }
        break;
      case 'text:s':
        if (cell && inParagraph > 0)
          cell.text += ' '.repeat(Math.min(positive(attribute(attrs, 'text:c')), 1000));
        break;
      case 'text:tab':
        if (cell && inParagraph > 0) cell.text += '\t';
        break;
      case 'text:line-break':
        if (cell && inParagraph > 0) cell.text += '\n';
        break;
    }
  }
  return sheets;
}

function cellValue(cell: CellState): string {
  switch (cell.type) {
    case 'covered':
      return '';
    case 'float':
    case 'percentage':
    case 'currency': {
      const value = Number(cell.value);
      if (cell.value === '' || !Number.isFinite(value)) return cell.text;
      const digits = numberText(value);
      // The displayed text keeps leading zeros a number format added (0612345678).
      return /^0+\d+$/.test(cell.text) && cell.text.replace(/^0+/, '') === digits ? cell.text : digits;
    }
    case 'date': {
      const match = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.exec(cell.dateValue);
      if (!match) return cell.text;
      return dateText(new Date(`${match[1]}${match[2] ?? ''}Z`));
    }
    case 'boolean':
      return cell.booleanValue === 'true' ? 'TRUE' : cell.booleanValue === 'false' ? 'FALSE' : cell.text;
    default:
      return cell.text;
  }
}

const attributePatterns = new Map<string, RegExp>();

function attribute(tag: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${name.replace(/[.]/g, '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(tag);
  return match ? (match[1] ?? match[2]) : undefined;
}

function positive(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (entity, name: string) => {
    switch (name) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

function corrupt(): ImportReadError {
  return new ImportReadError(
    'CORRUPT',
    'This OpenDocument file is damaged and cannot be opened. Open it in LibreOffice, save it again, and retry.',
  );
}
