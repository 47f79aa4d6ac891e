/**
 * Label and card sheets: where every cell of a sheet is, in millimetres from the sheet's top-left
 * corner, so that printing is exact. Measurements are the manufacturer's (Avery's templates: page
 * size, cell size, top and side margins, horizontal and vertical pitch). Pure: no HTML, no data.
 */

export const SHEET_LAYOUTS = ['L7160', '5160', 'C32011', '5371'] as const;
export type SheetLayoutId = (typeof SHEET_LAYOUTS)[number];
export type SheetKind = 'labels' | 'cards';
export type SheetPaper = 'a4' | 'letter';

export interface SheetLayout {
  id: SheetLayoutId;
  /** The product as it is sold, for people choosing a sheet. */
  product: string;
  kind: SheetKind;
  paper: SheetPaper;
  columns: number;
  rows: number;
  /** One cell, mm. */
  cell: { width: number; height: number };
  /** The top-left corner of the first cell, mm from the sheet's top-left corner. */
  origin: { x: number; y: number };
  /** From one cell's corner to the next one's, across and down, mm. */
  pitch: { x: number; y: number };
}

const INCH = 25.4;

export const SHEET_SIZES_MM: Record<SheetPaper, { width: number; height: number }> = {
  a4: { width: 210, height: 297 },
  letter: { width: 8.5 * INCH, height: 11 * INCH },
};

export const LAYOUTS: Record<SheetLayoutId, SheetLayout> = {
  // Avery L7160 (J8160): 21 labels, 63.5 × 38.1 mm; top margin 15.15 mm, side margin 7.21 mm,
  // pitch 66.04 mm across (2.54 mm gaps) and 38.1 mm down (no gaps).
  L7160: {
    id: 'L7160',
    product: 'Avery L7160',
    kind: 'labels',
    paper: 'a4',
    columns: 3,
    rows: 7,
    cell: { width: 63.5, height: 38.1 },
    origin: { x: 7.21, y: 15.15 },
    pitch: { x: 66.04, y: 38.1 },
  },
  // Avery 5160 (8160): 30 labels, 2⅝ × 1 in; top margin ½ in, side margin 3⁄16 in, pitch 2¾ in
  // across (⅛ in gaps) and 1 in down.
  '5160': {
    id: '5160',
    product: 'Avery 5160',
    kind: 'labels',
    paper: 'letter',
    columns: 3,
    rows: 10,
    cell: { width: 2.625 * INCH, height: 1 * INCH },
    origin: { x: 0.1875 * INCH, y: 0.5 * INCH },
    pitch: { x: 2.75 * INCH, y: 1 * INCH },
  },
  // Avery C32011: 10 business cards, 85 × 54 mm; top margin 13.5 mm, side margin 15 mm, pitch
  // 95 mm across (10 mm gap) and 54 mm down.
  C32011: {
    id: 'C32011',
    product: 'Avery C32011',
    kind: 'cards',
    paper: 'a4',
    columns: 2,
    rows: 5,
    cell: { width: 85, height: 54 },
    origin: { x: 15, y: 13.5 },
    pitch: { x: 95, y: 54 },
  },
  // Avery 5371 (8371): 10 business cards, 3½ × 2 in; top margin ½ in, side margin ¾ in, no gaps.
  '5371': {
    id: '5371',
    product: 'Avery 5371',
    kind: 'cards',
    paper: 'letter',
    columns: 2,
    rows: 5,
    cell: { width: 3.5 * INCH, height: 2 * INCH },
    origin: { x: 0.75 * INCH, y: 0.5 * INCH },
    pitch: { x: 3.5 * INCH, y: 2 * INCH },
  },
};

export function isSheetLayout(value: string): value is SheetLayoutId {
  return (SHEET_LAYOUTS as readonly string[]).includes(value);
}

export function layoutsFor(kind: SheetKind): SheetLayout[] {
  return SHEET_LAYOUTS.map((id) => LAYOUTS[id]).filter((layout) => layout.kind === kind);
}

/** The sheet of a kind that is sold for a paper: L7160 or C32011 on A4, 5160 or 5371 on Letter. */
export function layoutFor(kind: SheetKind, paper: SheetPaper): SheetLayout {
  return layoutsFor(kind).find((layout) => layout.paper === paper)!;
}

export function cellsPerSheet(layout: SheetLayout): number {
  return layout.columns * layout.rows;
}

/**
 * How far a printer's output is moved to land on the sheet, mm: x to the right, y down. Printers
 * feed a little off, each in its own way; more than this is a wrong sheet, not a feed.
 */
export const MAX_OFFSET_MM = 10;
export interface Offset {
  x: number;
  y: number;
}
export const NO_OFFSET: Offset = { x: 0, y: 0 };

export function offsetInRange(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_OFFSET_MM;
}

/** A cell's box on the sheet, mm; `position` is 1-based, across then down, as Avery numbers them. */
export function cellBox(
  layout: SheetLayout,
  position: number,
  offset: Offset = NO_OFFSET,
): { x: number; y: number; width: number; height: number } {
  const index = position - 1;
  const column = index % layout.columns;
  const row = Math.floor(index / layout.columns);
  return {
    x: layout.origin.x + column * layout.pitch.x + offset.x,
    y: layout.origin.y + row * layout.pitch.y + offset.y,
    width: layout.cell.width,
    height: layout.cell.height,
  };
}

/** Whether `start` is a position on the sheet: a whole number from 1 to the sheet's cell count. */
export function startInRange(layout: SheetLayout, start: number): boolean {
  return Number.isInteger(start) && start >= 1 && start <= cellsPerSheet(layout);
}

/**
 * The items sheet by sheet, each sheet one entry per position (null: left blank). The first
 * sheet leaves the positions before `start` blank, so a part-used sheet can go through again.
 */
export function placeOnSheets<T>(layout: SheetLayout, items: readonly T[], start: number): (T | null)[][] {
  const perSheet = cellsPerSheet(layout);
  const cells: (T | null)[] = [...Array<null>(start - 1).fill(null), ...items];
  const sheets: (T | null)[][] = [];
  for (let i = 0; i < cells.length; i += perSheet) {
    const sheet = cells.slice(i, i + perSheet);
    sheets.push([...sheet, ...Array<null>(perSheet - sheet.length).fill(null)]);
  }
  return sheets;
}

/** Where Letter is the paper in the shops; everywhere else A4. */
const LETTER_COUNTRIES = new Set([
  'US',
  'CA',
  'MX',
  'PH',
  'CL',
  'CO',
  'VE',
  'CR',
  'GT',
  'PA',
  'DO',
  'PR',
  'SV',
]);

export function usualPaper(country: string | null | undefined): SheetPaper {
  return country && LETTER_COUNTRIES.has(country.toUpperCase()) ? 'letter' : 'a4';
}
