import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  dateFormatFor,
  formatDateInput,
  parseDateInput,
  type DateFormat,
  type DateInput as ParsedDate,
} from '../../../shared/locale/dates';
import type { ControlProps } from '../components/Field';

/** The date format of the UI language in the chapter's country (fr in SN: 31/01/2020). */
export function useDateFormat(country: string): DateFormat {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => dateFormatFor(language, country), [language, country]);
}

/** Why a typed date is refused, in the UI language: "There is no 31 February". */
export function dateProblem(
  parsed: ParsedDate,
  format: DateFormat,
  t: TFunction,
  language: string,
): string | null {
  if (parsed.ok) return null;
  if (parsed.problem === 'no_such_day') {
    const month = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2000, parsed.month - 1, 1)),
    );
    return t('dates.noSuchDay', { day: parsed.day, month });
  }
  if (parsed.problem === 'no_such_month') return t('dates.noSuchMonth', { month: parsed.month });
  return t('dates.unreadable', { example: formatDateInput('2024-03-31', format) });
}

/** How the format reads to people: DD/MM/YYYY, JJ/MM/AAAA. */
export function datePattern(format: DateFormat, t: TFunction): string {
  const part = { d: t('dates.dd'), m: t('dates.mm'), y: t('dates.yyyy') };
  return [...format.order].map((p) => part[p as 'd' | 'm' | 'y']).join(format.separator);
}

interface DateInputProps {
  control: ControlProps;
  /** The stored ISO date, or '' for none. */
  value: string;
  format: DateFormat;
  /** An ISO date ('' when emptied), or null with why the text is not a date. */
  onChange: (iso: string | null, problem: string | null) => void;
  /** The field is left: the moment to say what is wrong with it (null: nothing); for forms that wait. */
  onLeave?: (problem: string | null) => void;
}

/**
 * A date typed in the chapter locale's order, stored as ISO. Not the browser's date input, whose
 * order follows the browser rather than the chapter and which turns 31/02/2020 into a year 22020.
 */
export function DateInput({ control, value, format, onChange, onLeave }: DateInputProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(() => formatDateInput(value, format));
  // A date set from outside (a proposal, a reset) shows up in the chapter's order.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    const ownText = parseDateInput(text, format);
    const stale = value === '' ? ownText.ok : !(ownText.ok && ownText.iso === value);
    if (stale) setText(formatDateInput(value, format));
  }

  const language = i18n.resolvedLanguage ?? i18n.language;
  const read = (typed: string): [string | null, string | null] => {
    if (typed.trim() === '') return ['', null];
    const parsed = parseDateInput(typed, format);
    return parsed.ok ? [parsed.iso, null] : [null, dateProblem(parsed, format, t, language)];
  };

  return (
    <input
      {...control}
      type="text"
      inputMode="numeric"
      className="input"
      autoComplete="off"
      placeholder={datePattern(format, t)}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(...read(event.target.value));
      }}
      // A date half typed is not wrong yet: what is wrong is said when the field is left.
      onBlur={() => onLeave?.(read(text)[1])}
    />
  );
}
