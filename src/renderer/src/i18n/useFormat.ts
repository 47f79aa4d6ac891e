import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/dues/money';
import { relativeTimeFormatter } from './relativeTime';

export interface Format {
  number(value: number): string;
  /** A calendar date stored as YYYY-MM-DD, which has no time zone of its own. */
  date(isoDate: string): string;
  /** The same with the month in words ("4 March 2024"), where a misread month must be obvious. */
  longDate(isoDate: string): string;
  /** An instant stored as an ISO timestamp, shown in the local time zone. */
  dateTime(isoInstant: string): string;
  /** "5 min ago", "in 2 min"; null within a minute of `nowMs`, where the caller has better words. */
  relative(isoInstant: string, nowMs: number): string | null;
  /** Minor units of an ISO 4217 currency: "12,50 €", "F CFA 5 000", "¥5,000". */
  money(minor: number, currency: string): string;
  /** A month stored as YYYY-MM ("March 2025"). */
  month(isoMonth: string): string;
  /** The locale the formatting follows (en-GB rather than en). */
  locale: string;
}

/** The browser's own variant of the current language (en-GB rather than en), for its date and number habits. */
function formattingLocale(language: string): string {
  return navigator.languages.find((tag) => tag.split('-')[0]?.toLowerCase() === language) ?? language;
}

export function useFormat(): Format {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const locale = formattingLocale(language);
    const number = new Intl.NumberFormat(locale);
    // Read and printed in UTC so that 2024-03-31 never turns into 30 March west of Greenwich.
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const calendarDate = (formatter: Intl.DateTimeFormat, isoDate: string) => {
      const parsed = new Date(`${isoDate}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? isoDate : formatter.format(parsed);
    };
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return {
      locale,
      money: (minor, currency) => {
        try {
          return formatMoney(minor, currency, locale);
        } catch {
          // A currency this browser's ICU data does not know: the plain figure and the code.
          return `${number.format(minor)} ${currency}`;
        }
      },
      month: (isoMonth) => calendarDate(month, `${isoMonth}-01`),
      relative: relativeTimeFormatter(locale),
      number: (value) => number.format(value),
      date: (isoDate) => calendarDate(date, isoDate),
      longDate: (isoDate) => calendarDate(longDate, isoDate),
      dateTime: (isoInstant) => {
        const parsed = new Date(isoInstant);
        return Number.isNaN(parsed.getTime()) ? isoInstant : dateTime.format(parsed);
      },
    };
  }, [language]);
}
