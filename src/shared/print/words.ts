import { toCardinal as ar } from 'n2words/ar-SA';
import { toCardinal as en } from 'n2words/en-GB';
import { toCardinal as es } from 'n2words/es-ES';
import { toCardinal as fr } from 'n2words/fr-FR';
import { toCardinal as pt } from 'n2words/pt-PT';
import { minorDigits } from '../dues/money';
import type { PrintLanguage } from './labels';

/** n2words: maintained, no dependencies, cardinals in 50+ languages including all of ours. */
const CARDINAL: Record<PrintLanguage, (n: number) => string> = { en, fr, es, pt, ar };

/**
 * The amount in words in the receipt's language, as receipts written by hand carry it: the whole
 * units in words and the currency's code ("cinq mille XOF"), with the minor units as a fraction as
 * on a cheque ("twelve EUR, 50/100"). The code rather than a currency name: the same words then
 * serve every currency in every language.
 */
export function amountInWords(minor: number, currency: string, lang: PrintLanguage): string {
  const digits = minorDigits(currency);
  const unit = 10 ** digits;
  const whole = Math.floor(minor / unit);
  const fraction = minor % unit;
  const words = `${CARDINAL[lang](whole)} ${currency}`;
  return fraction ? `${words}, ${String(fraction).padStart(digits, '0')}/${unit}` : words;
}
