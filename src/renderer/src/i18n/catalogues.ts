import type { Language } from './languages';
import { translation as en } from './catalogue/en';
import { translation as fr } from './catalogue/fr';
import { translation as es } from './catalogue/es';
import { translation as pt } from './catalogue/pt';
import { translation as ar } from './catalogue/ar';

/**
 * Every language's catalogue at once, for the checks that compare them. The app itself bundles
 * English only and loads another language when it is chosen (setup.ts).
 */
export const resources = {
  en: { translation: en },
  fr: { translation: fr },
  es: { translation: es },
  pt: { translation: pt },
  ar: { translation: ar },
} satisfies Record<Language, { translation: object }>;
