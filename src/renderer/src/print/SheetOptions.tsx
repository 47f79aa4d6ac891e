import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterCalibration } from '../../../shared/print/contract';
import {
  cellsPerSheet,
  MAX_OFFSET_MM,
  NO_OFFSET,
  offsetInRange,
  type Offset,
  type SheetLayout,
} from '../../../shared/print/sheets';
import { api } from '../api/client';
import { toApiError } from '../api/ApiError';
import { ErrorBanner } from '../components/ErrorBanner';

/** Where labels or cards go on the sheet; `valid` is false while an offset typed is not a number in range. */
export interface SheetChoice {
  start: number;
  offset: Offset;
  valid: boolean;
}

export const FIRST_POSITION: SheetChoice = { start: 1, offset: NO_OFFSET, valid: true };

const PRINTER_KEY = 'chapterdesk.print.printer';

function rememberedPrinter(): string {
  try {
    return localStorage.getItem(PRINTER_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Millimetres as people type them ("1.5", "1,5", "-2"); null when it is not a number in range. */
function millimetres(text: string): number | null {
  const trimmed = text.trim().replace(',', '.').replace('−', '-');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return offsetInRange(value) ? value : null;
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

interface SheetOptionsProps {
  layout: SheetLayout;
  choice: SheetChoice;
  /** Merged into the current choice (an offset can arrive while the secretary picks a position). */
  onChange: (change: Partial<SheetChoice>) => void;
}

/**
 * The first position on a part-used sheet, chosen on a picture of the sheet, and the printer's
 * offset: typed once per printer, saved on this laptop, and found again by the printer's name.
 */
export function SheetOptions({ layout, choice, onChange }: SheetOptionsProps) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<PrinterCalibration[]>([]);
  const [printer, setPrinter] = useState(rememberedPrinter);
  const [xText, setXText] = useState('0');
  const [yText, setYText] = useState('0');
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(null);
  const [printerMissing, setPrinterMissing] = useState(false);

  const showOffset = (found: PrinterCalibration | undefined) => {
    const offset = found ? { x: found.x, y: found.y } : NO_OFFSET;
    setXText(String(offset.x));
    setYText(String(offset.y));
    onChange({ offset, valid: true });
  };

  // The printers this laptop has offsets for; the one used last comes back with its offset.
  useEffect(() => {
    let current = true;
    api.call('print.calibrations').then(
      (list) => {
        if (!current) return;
        setSaved(list);
        const found = list.find((c) => sameName(c.printer, rememberedPrinter()));
        if (found) showOffset(found);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
    // Once, when the dialog opens; later changes come from the secretary.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const x = millimetres(xText);
  const y = millimetres(yText);

  const typeOffset = (axis: 'x' | 'y', text: string) => {
    const other = axis === 'x' ? y : x;
    const value = millimetres(text);
    (axis === 'x' ? setXText : setYText)(text);
    setStatus('idle');
    if (value === null || other === null) {
      onChange({ valid: false });
    } else {
      onChange({ offset: axis === 'x' ? { x: value, y: other } : { x: other, y: value }, valid: true });
    }
  };

  const typePrinter = (name: string) => {
    setPrinter(name);
    setPrinterMissing(false);
    setStatus('idle');
    showOffset(saved.find((c) => sameName(c.printer, name)));
  };

  const save = async () => {
    if (!printer.trim()) {
      setPrinterMissing(true);
      return;
    }
    if (x === null || y === null) return;
    setStatus('saving');
    setError(null);
    try {
      const calibration = await api.call('print.saveCalibration', { printer: printer.trim(), x, y });
      setSaved((list) => [calibration, ...list.filter((c) => !sameName(c.printer, calibration.printer))]);
      try {
        localStorage.setItem(PRINTER_KEY, calibration.printer);
      } catch {
        // Not remembered for next time; the offset itself is saved.
      }
      setStatus('saved');
    } catch (failure) {
      setStatus('idle');
      // The contract says which field is wrong; the words are ours, in the screen's language.
      const fields = toApiError(failure).fields.map((f) => f.field);
      if (fields.includes('printer')) setPrinterMissing(true);
      else if (!fields.includes('x') && !fields.includes('y')) setError(failure);
    }
  };

  const offsetError = (value: number | null) =>
    value === null ? t('print.sheet.offsetInvalid', { max: MAX_OFFSET_MM }) : null;

  return (
    <>
      <fieldset className="print-dialog__group" aria-describedby="print-start-hint">
        <legend className="field__label">{t('print.sheet.start')}</legend>
        <div className="sheet-picker" style={{ gridTemplateColumns: `repeat(${layout.columns}, 1fr)` }}>
          {Array.from({ length: cellsPerSheet(layout) }, (_, i) => i + 1).map((position) => (
            <label
              key={position}
              className={`sheet-picker__cell${position < choice.start ? ' sheet-picker__cell--used' : ''}`}
            >
              <input
                type="radio"
                name="print-start"
                value={position}
                checked={position === choice.start}
                aria-label={t('print.sheet.position', { position })}
                onChange={() => onChange({ start: position })}
              />
              <span aria-hidden="true">{position}</span>
            </label>
          ))}
        </div>
        <p id="print-start-hint" className="field__hint">
          {t('print.sheet.startHint', { count: choice.start - 1 })}
        </p>
      </fieldset>
      <fieldset className="print-dialog__group">
        <legend className="field__label">{t('print.sheet.calibration')}</legend>
        <div className="field">
          <label className="field__label" htmlFor="print-printer">
            {t('print.sheet.printer')}
          </label>
          <input
            id="print-printer"
            className="input"
            list="print-printers"
            value={printer}
            maxLength={200}
            autoComplete="off"
            aria-invalid={printerMissing || undefined}
            aria-describedby="print-printer-hint"
            onChange={(event) => typePrinter(event.target.value)}
          />
          <datalist id="print-printers">
            {saved.map((c) => (
              <option key={c.printer} value={c.printer} />
            ))}
          </datalist>
          <p id="print-printer-hint" className={printerMissing ? 'field__error' : 'field__hint'}>
            {printerMissing ? t('print.sheet.printerMissing') : t('print.sheet.printerHint')}
          </p>
        </div>
        {(['x', 'y'] as const).map((axis) => {
          const text = axis === 'x' ? xText : yText;
          const problem = offsetError(axis === 'x' ? x : y);
          return (
            <div className="field" key={axis}>
              <label className="field__label" htmlFor={`print-offset-${axis}`}>
                {t(`print.sheet.offset.${axis}`)}
              </label>
              <input
                id={`print-offset-${axis}`}
                className="input print-dialog__number"
                inputMode="decimal"
                value={text}
                aria-invalid={problem ? true : undefined}
                aria-describedby={`print-offset-${axis}-hint`}
                onChange={(event) => typeOffset(axis, event.target.value)}
              />
              <p id={`print-offset-${axis}-hint`} className={problem ? 'field__error' : 'field__hint'}>
                {problem ?? t(`print.sheet.offsetHint.${axis}`)}
              </p>
            </div>
          );
        })}
        <button
          type="button"
          className="button"
          disabled={status === 'saving' || x === null || y === null}
          onClick={() => void save()}
        >
          {t('print.sheet.save')}
        </button>
        <p className="field__hint" role="status">
          {status === 'saved' ? t('print.sheet.saved', { printer: printer.trim() }) : ''}
        </p>
        {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      </fieldset>
    </>
  );
}
