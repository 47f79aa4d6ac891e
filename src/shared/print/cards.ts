import type { MemberStatus } from '../dues/status';
import { fittingSize, fittingWrappedSize, sizeClass, sizeRules } from './fit';
import { esc, printDate, wholeDocument, type PageOptions, type PrintParts } from './html';
import { PRINT_LABELS, type PrintLanguage } from './labels';
import { sheetParts, type SheetPlacement } from './sheetPage';

export interface CardMember {
  name: string;
  memberNumber: string | null;
  type: string | null;
  status: MemberStatus;
  /** The member's paid-through date. */
  validUntil: string | null;
}

export interface CardsData {
  chapterName: string;
  cards: CardMember[];
}

const PADDING = 4;
const NAME_FIT = { max: 15, min: 8, leading: 1.2 };
/** Room for the name between the card's title and its facts: two lines at the largest size. */
const NAME_HEIGHT_MM = 14;
const CHAPTER_FIT = { max: 10, min: 6, leading: 1.2 };

/** Honorary and lifetime members never lapse: their card says so instead of a date. */
function validUntil(card: CardMember, lang: PrintLanguage): string {
  if (card.status === 'honorary' || card.status === 'lifetime') return PRINT_LABELS[lang].status[card.status];
  return card.validUntil ? printDate(card.validUntil, lang) : '—';
}

/**
 * Membership cards, one member a card: the chapter, the member's name as large as fits the card's
 * width, their number, membership type and the date their membership runs to, in the card's
 * language and direction. Names keep their own direction (`bdi`) in any script.
 */
export function cardsParts(data: CardsData, page: PageOptions, placement: SheetPlacement): PrintParts {
  const labels = PRINT_LABELS[page.lang];
  const width = placement.layout.cell.width - 2 * PADDING;
  const chapterSize = fittingSize([data.chapterName], { width, height: 6 }, CHAPTER_FIT);
  const sized = data.cards.map((card) => {
    const box = { width, height: NAME_HEIGHT_MM };
    const wrapped = fittingWrappedSize([card.name], box, NAME_FIT);
    // A long name wraps onto a second line before it shrinks; only one too long even then is cut.
    return { card, size: wrapped ?? fittingSize([card.name], box, NAME_FIT), cut: wrapped === null };
  });
  const fact = (label: string, value: string) =>
    `<div class="fact"><span class="term">${esc(label)}</span> <bdi class="value">${esc(value)}</bdi></div>`;
  return sheetParts({
    page,
    title: `${labels.cards} · ${data.chapterName}`,
    placement,
    items: sized,
    cell: ({ card, size, cut }) => ({
      classes: 'card',
      html: `<div class="chapter ${sizeClass(chapterSize)}"><bdi>${esc(data.chapterName)}</bdi></div>
<div class="title">${esc(labels.card)}</div>
<div class="name ${sizeClass(size)}${cut ? ' cut' : ''}" dir="auto">${esc(card.name)}</div>
<div class="facts">
${fact(labels.memberNumber, card.memberNumber ?? '—')}
${fact(labels.membershipType, card.type ?? '—')}
${fact(labels.validUntil, validUntil(card, page.lang))}
</div>`,
    }),
    css: `.card { display: flex; flex-direction: column; padding: ${PADDING}mm; line-height: 1.2; text-align: start; }
.card > div, .card .fact { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.card .chapter { font-weight: 700; border-block-end: 0.3mm solid #000; padding-block-end: 1mm; }
.card .title { font-size: 7pt; letter-spacing: 0.08em; text-transform: uppercase; color: #333; margin-block: 1mm 2mm; }
.card .name { font-weight: 700; margin-block-end: auto; white-space: normal; overflow-wrap: anywhere; max-height: ${NAME_HEIGHT_MM}mm; }
.card .name.cut { white-space: nowrap; }
/* The name reads in its own direction (an ellipsis cuts its end, not its start) but lines up with the card. */
html[dir='ltr'] .card .name { text-align: left; }
html[dir='rtl'] .card .name { text-align: right; }
.card .facts { font-size: 8.5pt; }
.card .term { color: #444; }
.card .value { font-weight: 600; }
${sizeRules([chapterSize, ...sized.map((item) => item.size)])}`,
  });
}

export const cardsHtml = (data: CardsData, page: PageOptions, placement: SheetPlacement) =>
  wholeDocument(cardsParts(data, page, placement));
