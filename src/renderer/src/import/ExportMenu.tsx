import './import.css';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../shared/domain';
import { CSV_DELIMITERS, proposedCsvDelimiter, type CsvDelimiter } from '../../../shared/locale/csv';
import { api } from '../api/client';
import { delimiterName } from '../chapter/delimiters';
import { ErrorBanner } from '../components/ErrorBanner';
import type { MemberQuery } from '../hooks/memberPages';
import { useMenu } from '../hooks/useMenu';
import { saveBase64File } from './download';

type ExportFormat = 'csv' | 'xlsx';
const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

interface ExportMenuProps {
  query: MemberQuery;
  /** The chapter's CSV delimiter; null: the one the UI language's spreadsheets expect is proposed. */
  chapterDelimiter: Chapter['csvDelimiter'];
}

/**
 * Exports what the members screen shows: the same search, filters and order, with the header row
 * and the values in words (statuses, yes/no) in the UI language.
 */
export function ExportMenu({ query, chapterDelimiter }: ExportMenuProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const [delimiter, setDelimiter] = useState<CsvDelimiter | null>(null);
  // The delimiter the UI language's spreadsheets expect (Spanish and Portuguese Excel: semicolons),
  // even where the header row is still English (exports are worded in English and French).
  const shownDelimiter =
    delimiter ?? chapterDelimiter ?? proposedCsvDelimiter(i18n.resolvedLanguage ?? language);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const menu = useRef<HTMLDivElement>(null);
  const { open, setOpen, close, toggle, containerProps } = useMenu(() => setError(null));
  /** The options stay enabled while exporting (disabling them would drop the focus), so a second click is ignored here. */
  const exporting = useRef(false);

  const exportAs = async (format: ExportFormat) => {
    if (exporting.current) return;
    exporting.current = true;
    setBusy(format);
    setError(null);
    try {
      const file = await api.call('members.export', {
        format,
        delimiter: shownDelimiter,
        language,
        ...query,
      });
      saveBase64File(file.fileName, file.mimeType, file.data);
      // The panel and the option that had the focus go away together; unless the focus moved on meanwhile.
      const focused = document.activeElement;
      if (!focused || focused === document.body || menu.current?.contains(focused)) toggle.current?.focus();
      close();
    } catch (failure) {
      setError(failure);
    } finally {
      exporting.current = false;
      setBusy(null);
    }
  };

  return (
    <div ref={menu} className="export-menu" {...containerProps}>
      <button
        ref={toggle}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls="export-menu-panel"
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('export.button')}
        <span aria-hidden="true" className="export-menu__caret">
          ▾
        </span>
      </button>
      {open && (
        <div
          id="export-menu-panel"
          className="export-menu__panel"
          role="group"
          aria-label={t('export.button')}
          // Focusable, so a click on its text keeps the focus inside and the panel open.
          tabIndex={-1}
        >
          <p className="field__hint">{t('export.hint')}</p>
          <label className="field">
            <span className="field__label">{t('exportCsv.delimiter')}</span>
            <select
              className="input"
              value={shownDelimiter}
              onChange={(event) => setDelimiter(event.target.value as CsvDelimiter)}
            >
              {CSV_DELIMITERS.map((option) => (
                <option key={option} value={option}>
                  {delimiterName(option, t)}
                </option>
              ))}
            </select>
          </label>
          {FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              className="button export-menu__option"
              data-testid={`export-${format}`}
              aria-busy={busy === format}
              onClick={() => void exportAs(format)}
            >
              {busy === format ? t('export.exporting') : t(`export.${format}`)}
            </button>
          ))}
          {error !== null && <ErrorBanner error={error} />}
        </div>
      )}
    </div>
  );
}
