import { fittingSize, sizeClass, sizeRules } from './fit';
import { esc, wholeDocument, type PageOptions, type PrintParts } from './html';
import { PRINT_LABELS } from './labels';
import { sheetParts, type SheetPlacement } from './sheetPage';

export interface AddressLabelsData {
  chapterName: string;
  /** Each label's lines, already in the order and form of the destination country. */
  labels: { lines: string[] }[];
  /** Members the filter matched who have no postal address, left off the sheets. */
  skipped: number;
}

/** Inside a label: room from its edges, mm, so nothing prints where a label may be cut a little off. */
const PADDING = { inline: 3, block: 2 };
const FIT = { max: 10, min: 6, leading: 1.2 };

/**
 * Address labels, one member a label, in the order of the data (last names, as the roster). Each
 * label's text takes the largest size at which its longest line and all its lines fit; each line
 * stays on one line, and what is still too long is cut at the label's edge.
 */
export function addressLabelsParts(
  data: AddressLabelsData,
  page: PageOptions,
  placement: SheetPlacement,
): PrintParts {
  const { cell } = placement.layout;
  const room = { width: cell.width - 2 * PADDING.inline, height: cell.height - 2 * PADDING.block };
  const sized = data.labels.map((label) => ({ ...label, size: fittingSize(label.lines, room, FIT) }));
  return sheetParts({
    page,
    title: `${PRINT_LABELS[page.lang].addressLabels} · ${data.chapterName}`,
    placement,
    items: sized,
    // The direction is the address's own: an Arabic address reads right to left on any sheet.
    cell: (label) => ({
      classes: `label ${sizeClass(label.size)}`,
      dir: 'auto',
      html: label.lines.map((line) => `<div class="line">${esc(line)}</div>`).join(''),
    }),
    css: `.label { display: flex; flex-direction: column; justify-content: safe center; padding: ${PADDING.block}mm ${PADDING.inline}mm; line-height: ${FIT.leading}; text-align: start; }
.label .line { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
${sizeRules(sized.map((label) => label.size))}`,
  });
}

export const addressLabelsHtml = (data: AddressLabelsData, page: PageOptions, placement: SheetPlacement) =>
  wholeDocument(addressLabelsParts(data, page, placement));
