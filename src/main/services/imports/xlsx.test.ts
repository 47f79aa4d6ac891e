import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dateText, numberText } from './cell-text';
import { openImport } from './index';
import { cellText } from './xlsx';

describe('numberText', () => {
  it('writes whole numbers with every digit', () => {
    expect(numberText(612345678)).toBe('612345678');
    expect(numberText(33612345678)).toBe('33612345678');
    expect(numberText(254712345678)).toBe('254712345678');
    expect(numberText(-12)).toBe('-12');
  });

  it('restores leading zeros from zero-only number formats', () => {
    expect(numberText(612345678, '0000000000')).toBe('0612345678');
    expect(numberText(612345678, '00 00 00 00 00')).toBe('0612345678');
    expect(numberText(42, '00000')).toBe('00042');
    expect(numberText(42, '"N°"00000')).toBe('00042');
    expect(numberText(42, '0.00')).toBe('42');
    expect(numberText(42, 'General')).toBe('42');
  });

  it('cuts floating-point noise to 15 significant digits', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(12.5)).toBe('12.5');
    expect(numberText(Number.NaN)).toBe('');
  });
});

describe('dateText', () => {
  it('gives the date alone at midnight, with the time otherwise, ignoring sub-second noise', () => {
    expect(dateText(new Date(Date.UTC(2024, 0, 15)))).toBe('2024-01-15');
    expect(dateText(new Date(Date.UTC(2024, 0, 15) - 1))).toBe('2024-01-15');
    expect(dateText(new Date(Date.UTC(2024, 0, 15, 9, 30)))).toBe('2024-01-15 09:30:00');
    expect(dateText(new Date(Number.NaN))).toBe('');
  });
});

describe('cellText', () => {
  it('flattens every kind of exceljs value', () => {
    expect(cellText(null)).toBe('');
    expect(cellText('x')).toBe('x');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText({ richText: [{ text: 'Board ' }, { text: 'member' }] })).toBe('Board member');
    expect(cellText({ text: '', hyperlink: 'mailto:a@b.org' })).toBe('a@b.org');
    expect(cellText({ formula: 'A1*2', result: 84 })).toBe('84');
    expect(cellText({ formula: 'A1', result: undefined })).toBe('');
    expect(cellText({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(cellText({ error: '#N/A' })).toBe('');
  });
});

describe('reading .xlsx', () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('shows a merged title once, so it is not taken for the header', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = 'Liste';
      ws.mergeCells('A1:C1');
      ws.getRow(2).values = ['A', 'B', 'C'];
      ws.getRow(3).values = ['1', '2', '3'];
    });
    const source = await openImport(bytes);
    expect(source.info.headerRowNumber).toBe(2);
  });

  it('formula results keep their date or number type', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['Email', 'Joined', 'Phone']);
      ws.addRow([
        'a@b.org',
        { formula: 'DATE(2024,1,15)', result: new Date(Date.UTC(2024, 0, 15)) },
        { formula: 'B1', result: 612345678 },
      ]);
    });
    const source = await openImport(bytes);
    expect([...source.rows()][0]?.cells).toEqual(['a@b.org', '2024-01-15', '612345678']);
  });

  it('reads a workbook written by Excel 1904 date system as ordinary dates', async () => {
    const bytes = await workbook((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('S');
      ws.addRow(['Email', 'Joined']);
      ws.addRow(['a@b.org', new Date(Date.UTC(2024, 0, 15))]);
    });
    const source = await openImport(bytes);
    expect([...source.rows()][0]?.cells[1]).toBe('2024-01-15');
  });
});
