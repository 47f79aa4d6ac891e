import { fittingSize, fittingWrappedSize, sizeClass, sizeRules } from './fit';
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

/** Scripts written right to left. */
const RTL =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
const LETTER = /\p{L}/u;

/** The direction of the first letter of `text`, as a browser's dir="auto" reads it. */
function firstStrongDirection(text: string): 'ltr' | 'rtl' | null {
  for (const char of text) if (LETTER.test(char)) return RTL.test(char) ? 'rtl' : 'ltr';
  return null;
}

/**
 * Address labels, one member a label, in the order of the data (last names, as the roster). Each
 * label's text takes the largest size at which all its lines fit, a long line wrapping first; what
 * still does not fit at the smallest size is cut at the label's edge. A label reads in the
 * direction of its address (the lines after the name): a Latin address under an Arabic name stays
 * aligned left, each line still shown in its own direction.
 */
export function addressLabelsParts(
  data: AddressLabelsData,
  page: PageOptions,
  placement: SheetPlacement,
): PrintParts {
  const { cell } = placement.layout;
  const room = { width: cell.width - 2 * PADDING.inline, height: cell.height - 2 * PADDING.block };
  const sized = data.labels.map((label) => {
    const wrapped = fittingWrappedSize(label.lines, room, FIT);
    return {
      ...label,
      // Too much even wrapped: one line each, cut with an ellipsis, whose hidden part Chromium
      // leaves out of the PDF (text only clipped by overflow would still be there).
      size: wrapped ?? fittingSize(label.lines, room, FIT),
      cut: wrapped === null,
      dir:
        firstStrongDirection(label.lines.slice(1).join(' ')) ??
        firstStrongDirection(label.lines.join(' ')) ??
        'ltr',
    };
  });
  return sheetParts({
    page,
    title: `${PRINT_LABELS[page.lang].addressLabels} · ${data.chapterName}`,
    placement,
    items: sized,
    // The direction is the address's own: an Arabic address reads right to left on any sheet.
    cell: (label) => ({
      classes: `label label--${label.dir}${label.cut ? ' label--cut' : ''} ${sizeClass(label.size)}`,
      html: label.lines.map((line) => `<div class="line" dir="auto">${esc(line)}</div>`).join(''),
    }),
    css: `.label { display: flex; flex-direction: column; justify-content: safe center; padding: ${PADDING.block}mm ${PADDING.inline}mm; line-height: ${FIT.leading}; overflow: hidden; }
.label--ltr .line { text-align: left; }
.label--rtl .line { text-align: right; }
.label .line { overflow-wrap: anywhere; }
.label--cut .line { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
${sizeRules(sized.map((label) => label.size))}`,
  });
}

export const addressLabelsHtml = (data: AddressLabelsData, page: PageOptions, placement: SheetPlacement) =>
  wholeDocument(addressLabelsParts(data, page, placement));
