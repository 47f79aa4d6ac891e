import { esc, printParts, type PageOptions, type PrintParts } from './html';
import {
  cellBox,
  cellsPerSheet,
  placeOnSheets,
  SHEET_SIZES_MM,
  type Offset,
  type SheetLayout,
} from './sheets';

/** Where the first item goes and how far this printer's output must be moved to land on the sheet. */
export interface SheetPlacement {
  layout: SheetLayout;
  /** 1-based position of the first item on the first sheet; the ones before it stay blank. */
  start: number;
  offset: Offset;
}

export interface SheetCell {
  /** Escaped markup inside the cell. */
  html: string;
  /** More classes for the cell (a font size, say). */
  classes?: string;
  /** `auto`: the cell's direction is its own text's (an Arabic address on an English sheet). */
  dir?: 'auto';
}

/** Millimetres as CSS, rounded to a hundredth: finer than any printer. */
const mm = (value: number) => `${Math.round(value * 100) / 100}mm`;

/**
 * Cells placed on sheets by absolute position, one sheet a page, with no page margins: what
 * labels and cards print with. Positions are classes (the preview's content security policy
 * allows no inline style), one rule per position of the layout. On screen each cell is outlined
 * and the positions left blank for a part-used sheet are hatched; paper gets neither.
 */
export function sheetParts<T>(options: {
  page: PageOptions;
  title: string;
  placement: SheetPlacement;
  items: readonly T[];
  cell: (item: T) => SheetCell;
  /** The rules for what is inside a cell. */
  css: string;
}): PrintParts {
  const { layout, start, offset } = options.placement;
  const sheet = SHEET_SIZES_MM[layout.paper];
  const positions = Array.from({ length: cellsPerSheet(layout) }, (_, i) => {
    const box = cellBox(layout, i + 1, offset);
    return `.p${i + 1} { left: ${mm(box.x)}; top: ${mm(box.y)}; }`;
  }).join('\n');
  const sheets = placeOnSheets(layout, options.items, start).map((cells, sheetIndex) => {
    const body = cells
      .map((item, i) => {
        const position = `cell p${i + 1}`;
        if (item === null) {
          const skipped = sheetIndex === 0 && i + 1 < start;
          return `<div class="${position}${skipped ? ' skipped' : ''}"></div>`;
        }
        const cell = options.cell(item);
        const classes = cell.classes ? ` ${esc(cell.classes)}` : '';
        return `<div class="${position}${classes}"${cell.dir ? ` dir="${cell.dir}"` : ''}>${cell.html}</div>`;
      })
      .join('\n');
    return `<section class="sheet">\n${body}\n</section>`;
  });
  return printParts({
    page: { ...options.page, paper: layout.paper, landscape: false },
    title: options.title,
    headerStart: '',
    headerEnd: '',
    bare: true,
    css: `.sheet { position: relative; width: ${mm(sheet.width)}; height: ${mm(sheet.height)}; overflow: hidden; break-after: page; }
.sheet:last-child { break-after: auto; }
.cell { position: absolute; width: ${mm(layout.cell.width)}; height: ${mm(layout.cell.height)}; overflow: hidden; }
${positions}
@media screen {
  .sheet + .sheet { border-block-start: 0.3mm dashed #999; }
  .cell { outline: 0.2mm dashed #bbb; outline-offset: -0.2mm; }
  .cell.skipped { background: repeating-linear-gradient(45deg, #f3f3f3 0 2mm, #fff 2mm 4mm); }
}
${options.css}`,
    body: sheets.join('\n'),
  });
}
