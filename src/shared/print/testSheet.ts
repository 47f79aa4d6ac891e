import { wholeDocument, type PageOptions, type PrintParts } from './html';
import { PRINT_LABELS } from './labels';
import { sheetParts } from './sheetPage';
import { cellsPerSheet, type Offset, type SheetLayout } from './sheets';

/**
 * Every position of a sheet outlined and numbered, with a cross at its centre, printed on plain
 * paper: laid on a real sheet against the light, it shows how far this printer puts things from
 * where the labels are, which is the offset to save for it. Printed with an offset already saved,
 * it shows whether that offset is right.
 */
export function testSheetParts(layout: SheetLayout, page: PageOptions, offset: Offset): PrintParts {
  const positions = Array.from({ length: cellsPerSheet(layout) }, (_, i) => i + 1);
  return sheetParts({
    page,
    title: `${PRINT_LABELS[page.lang].testSheet} · ${layout.product}`,
    placement: { layout, start: 1, offset },
    items: positions,
    cell: (position) => ({ classes: 'target', html: `<span class="number">${position}</span>` }),
    css: `.target { outline: 0.25mm solid #000; outline-offset: -0.125mm; }
.target::before, .target::after { content: ''; position: absolute; background: #000; }
.target::before { left: 50%; top: calc(50% - 3mm); width: 0.2mm; height: 6mm; }
.target::after { top: 50%; left: calc(50% - 3mm); height: 0.2mm; width: 6mm; }
.target .number { position: absolute; top: 1mm; inset-inline-start: 1.5mm; font-size: 8pt; }`,
  });
}

export const testSheetHtml = (layout: SheetLayout, page: PageOptions, offset: Offset) =>
  wholeDocument(testSheetParts(layout, page, offset));
