import { formatMoney } from '../dues/money';
import { esc, printParts, wholeDocument, type PageOptions, type PrintParts } from './html';
import { PRINT_LABELS, type PrintLanguage } from './labels';

export interface ApplicationFormData {
  chapterName: string;
  /** The types someone can apply for, in the chapter's order, with their fee. */
  types: { name: string; feeMinor: number; currency: string; periodMonths: number | null }[];
}

/** "5 000 F CFA · 12 months": the fee and what it covers, in the form's language. */
function feeText(type: ApplicationFormData['types'][number], lang: PrintLanguage): string {
  const fee = formatMoney(type.feeMinor, type.currency, lang);
  if (!type.periodMonths) return fee;
  const period = new Intl.NumberFormat(lang, { style: 'unit', unit: 'month', unitDisplay: 'long' });
  return `${fee} · ${period.format(type.periodMonths)}`;
}

/**
 * A blank membership application for people to fill in by hand: their names, email, phone and
 * postal address (the fields the members screen has), one tick box per membership type with its
 * fee, consent to email and to text messages as separate boxes (each is asked for on its own),
 * the date and a signature, and a box the chapter fills in.
 */
export function applicationFormParts(data: ApplicationFormData, page: PageOptions): PrintParts {
  const labels = PRINT_LABELS[page.lang];
  const words = labels.application;
  const field = (label: string, wide = false) =>
    `<div class="field${wide ? ' wide' : ''}"><span class="label">${esc(label)}</span></div>`;
  const tick = (label: string) => `<li><span class="box"></span><span>${label}</span></li>`;
  const types = data.types
    .map((type) =>
      tick(`<bdi>${esc(type.name)}</bdi> <span class="fee">${esc(feeText(type, page.lang))}</span>`),
    )
    .join('\n');
  return printParts({
    page,
    title: `${words.title} · ${data.chapterName}`,
    headerStart: data.chapterName,
    headerEnd: words.title,
    css: `h2 { font-size: 11.5pt; margin: 5mm 0 1mm; break-after: avoid; }
.intro { margin: 0 0 2mm; color: #333; }
.fields { display: grid; grid-template-columns: 1fr 1fr; column-gap: 8mm; }
.field { height: 11mm; border-block-end: 0.3mm solid #000; display: flex; align-items: flex-start; padding-block-start: 1mm; break-inside: avoid; }
.field.wide { grid-column: 1 / -1; }
.field .label { font-size: 8.5pt; color: #444; }
ul.ticks { list-style: none; margin: 0; padding: 0; }
ul.ticks li { display: flex; align-items: center; gap: 3mm; margin-block: 2.5mm; break-inside: avoid; }
.box { flex: none; width: 4.5mm; height: 4.5mm; border: 0.4mm solid #000; }
.fee { color: #333; margin-inline-start: 2mm; }
.declaration { margin: 6mm 0 0; }
.office { margin-block-start: 8mm; border: 0.3mm solid #666; padding: 2mm 4mm 3mm; break-inside: avoid; }
.office h2 { margin-block-start: 0; font-size: 10pt; }`,
    body: `<h1>${esc(words.title)}</h1>
<p class="meta"><bdi>${esc(data.chapterName)}</bdi></p>
<p class="intro">${esc(words.intro)}</p>
<h2>${esc(words.aboutYou)}</h2>
<div class="fields">
${field(words.firstName)}
${field(words.lastName)}
${field(words.email)}
${field(words.phone)}
</div>
<h2>${esc(words.address)}</h2>
<div class="fields">
${field(words.addressLine1, true)}
${field(words.addressLine2, true)}
${field(words.postalCode)}
${field(words.city)}
${field(words.region)}
${field(words.country)}
</div>
<h2>${esc(words.membership)}</h2>
<p class="intro">${esc(words.tickOne)}</p>
<ul class="ticks">
${types}
</ul>
<h2>${esc(words.keepInTouch)}</h2>
<ul class="ticks">
${tick(esc(words.consentEmail))}
${tick(esc(words.consentSms))}
</ul>
<p class="declaration">${esc(words.declaration)}</p>
<div class="fields">
${field(words.date)}
${field(words.signature)}
</div>
<div class="office">
<h2>${esc(words.office)}</h2>
<div class="fields">
${field(labels.memberNumber)}
${field(labels.receiptNumber)}
${field(words.received)}
${field(labels.officer)}
</div>
</div>`,
  });
}

export const applicationFormHtml = (data: ApplicationFormData, page: PageOptions) =>
  wholeDocument(applicationFormParts(data, page));
