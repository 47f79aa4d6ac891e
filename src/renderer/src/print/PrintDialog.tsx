import './print.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROSTER_COLUMNS, type RosterColumn } from '../../../shared/print/documents';
import type { PaperSize } from '../../../shared/print/html';
import type { PrintLanguage } from '../../../shared/print/labels';
import { cellsPerSheet, layoutFor } from '../../../shared/print/sheets';
import { testSheetParts } from '../../../shared/print/testSheet';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { useModalDialog } from '../dues/useModalDialog';
import { desktopPrinter, printOnDesktop } from './desktopPrint';
import {
  DEFAULT_BLANK_ROWS,
  defaultLandscape,
  loadDocument,
  MAX_BLANK_ROWS,
  papersFor,
  sheetKind,
  type LoadedDocument,
  type PrintRequest,
} from './printDocuments';
import {
  defaultPaper,
  LANGUAGE_NAMES,
  PRINT_LANGUAGE_LIST,
  rememberPaper,
  sheetPixels,
  toPrintLanguage,
} from './paper';
import { MissingFonts } from './MissingFonts';
import { PrintPreview } from './PrintPreview';
import { FIRST_POSITION, SheetOptions, type SheetChoice } from './SheetOptions';

interface PrintDialogProps {
  request: PrintRequest;
  onClose: () => void;
  /** Where the focus goes back when what opened the dialog is gone (a menu's option). */
  returnFocus?: () => HTMLElement | null;
}

type Loaded = { lang: PrintLanguage; document: LoadedDocument };

/**
 * Choose the paper, the orientation and the language, see the document as it will print, and
 * print it through the system's print window (which also saves as PDF). In the desktop app the
 * main process prints the document, and saves it as a PDF where the person chooses.
 */
export function PrintDialog({ request: initialRequest, onClose, returnFocus }: PrintDialogProps) {
  const { t, i18n } = useTranslation();
  const dialogRef = useModalDialog(returnFocus);
  const frameRef = useRef<HTMLIFrameElement>(null);
  // What the dialog was opened for stays what it prints, whatever the screen behind it does.
  const [request] = useState(initialRequest);
  const [lang, setLang] = useState<PrintLanguage>(() => toPrintLanguage(i18n.language));
  const [paper, setPaper] = useState<PaperSize>(() => defaultPaper(null));
  const paperChosen = useRef(false);
  const [landscape, setLandscape] = useState(() => defaultLandscape(request));
  const [columns, setColumns] = useState<readonly RosterColumn[]>(() =>
    request.kind === 'roster' && request.columns.length > 0 ? request.columns : ROSTER_COLUMNS,
  );
  const [blankRowsText, setBlankRowsText] = useState(String(DEFAULT_BLANK_ROWS));
  const [blankRows, setBlankRows] = useState(DEFAULT_BLANK_ROWS);
  const [sheetChoice, setSheetChoice] = useState<SheetChoice>(FIRST_POSITION);
  /** Labels and cards: print the sheet's outlines on plain paper instead, to measure the printer. */
  const [testSheet, setTestSheet] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [ready, setReady] = useState(false);
  const cache = useRef(new Map<PrintLanguage, LoadedDocument>());
  const [desktop] = useState(desktopPrinter);
  /** The main process is printing or saving: no second request until it answers. */
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  // The focus starts on the first choice (the modal dialog is open by now).
  useEffect(() => {
    document.getElementById('print-language')?.focus();
  }, []);

  // Letter where it is the usual paper, unless this laptop printed on another one before.
  useEffect(() => {
    let current = true;
    api.call('chapter.get').then(
      (chapter) => {
        if (current && !paperChosen.current) setPaper(defaultPaper(chapter?.country));
      },
      () => {
        // The paper stays A4; the document's own request reports what is wrong.
      },
    );
    return () => {
      current = false;
    };
  }, []);

  // The data holds words of the document's language, so a new language is a new request.
  useEffect(() => {
    const cached = cache.current.get(lang);
    if (cached) {
      setLoaded({ lang, document: cached });
      setError(null);
      return;
    }
    let current = true;
    setError(null);
    loadDocument(request, lang).then(
      (document) => {
        cache.current.set(lang, document);
        if (!current) return;
        setLoaded({ lang, document });
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [request, lang, attempt]);

  // Labels and cards: each paper has its sheet (L7160 or C32011 on A4, 5160 or 5371 on Letter).
  const sheet = sheetKind(request.kind);
  const sheetPaper = paper === 'letter' ? 'letter' : 'a4';
  const layout = layoutFor(sheet ?? 'labels', sheetPaper);
  const start = Math.min(sheetChoice.start, cellsPerSheet(layout));
  const { offset } = sheetChoice;
  const parts = useMemo(
    () =>
      sheet !== null && testSheet
        ? testSheetParts(layout, { lang, paper: layout.paper, landscape: false }, offset)
        : loaded?.document.printable
          ? loaded.document.parts(
              { lang: loaded.lang, paper, landscape },
              {
                columns,
                blankRows,
                placement: { layout: layoutFor(sheet ?? 'labels', sheetPaper), start, offset },
              },
            )
          : null,
    [loaded, paper, landscape, columns, blankRows, sheet, sheetPaper, start, offset, testSheet, layout, lang],
  );

  const papers = papersFor(request.kind);
  const title =
    request.kind === 'receipt'
      ? t('print.title.receipt', { receipt: request.receiptNumber })
      : t(`print.title.${request.kind}`);

  const print = () => {
    if (desktop) {
      void send('print');
      return;
    }
    const win = frameRef.current?.contentWindow;
    if (!win || !canPrint) return;
    rememberPaper(paper);
    win.focus();
    win.print();
  };

  const send = async (action: 'print' | 'pdf') => {
    if (!desktop || !parts || !canPrint) return;
    rememberPaper(paper);
    setSending(true);
    setSendError(null);
    setSaved(false);
    try {
      const outcome = await printOnDesktop(desktop, parts, { paper, landscape }, action);
      setSaved(outcome === 'saved');
    } catch (failure) {
      setSendError(failure);
    } finally {
      setSending(false);
    }
  };

  const toggleColumn = (column: RosterColumn, on: boolean) =>
    setColumns((current) =>
      on
        ? ROSTER_COLUMNS.filter((c) => c === column || current.includes(c))
        : current.filter((c) => c !== column),
    );

  const blankRowsValid = /^\d{1,3}$/.test(blankRowsText.trim()) && Number(blankRowsText) <= MAX_BLANK_ROWS;
  const loading = error === null && loaded?.lang !== lang;
  // What is printed is what the preview shows, and the choices in the form all hold.
  const canPrint =
    ready &&
    !sending &&
    parts !== null &&
    !loading &&
    error === null &&
    (request.kind !== 'signIn' || blankRowsValid) &&
    (sheet === null || sheetChoice.valid);

  let preview;
  if (error !== null) {
    preview = <ErrorBanner error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  } else if (loaded === null) {
    preview = (
      <p className="muted print-dialog__status" role="status">
        {t('print.loading')}
      </p>
    );
  } else if (parts === null) {
    preview = (
      <p className="print-dialog__empty" role="status" data-testid="print-empty">
        {request.kind === 'labels' || request.kind === 'cards'
          ? t(`print.none.${request.kind}`)
          : t('print.noCertificates')}
      </p>
    );
  } else {
    preview = (
      <PrintPreview
        parts={parts}
        sheet={sheetPixels(paper, landscape)}
        label={t('print.frameLabel')}
        frameRef={frameRef}
        onReady={setReady}
        onEscape={onClose}
      />
    );
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog print-dialog"
      aria-labelledby="print-title"
      aria-describedby="print-margins"
      data-testid="print-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="print-dialog__layout">
        <h2 id="print-title" className="dialog__title print-dialog__title">
          {title}
        </h2>
        <form
          className="print-dialog__options"
          aria-label={t('print.options')}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            print();
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor="print-language">
              {t('print.language')}
            </label>
            <select
              id="print-language"
              className="input"
              value={lang}
              onChange={(event) => setLang(event.target.value as PrintLanguage)}
            >
              {PRINT_LANGUAGE_LIST.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LANGUAGE_NAMES[code]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="print-paper">
              {sheet ? t(`print.sheet.layout.${sheet}`) : t('print.paper')}
            </label>
            <select
              id="print-paper"
              className="input"
              value={paper}
              onChange={(event) => {
                paperChosen.current = true;
                setPaper(event.target.value as PaperSize);
              }}
            >
              {papers.map((size) => (
                <option key={size} value={size}>
                  {sheet
                    ? t(`print.sheet.product.${sheet}`, {
                        product: layoutFor(sheet, size === 'letter' ? 'letter' : 'a4').product,
                        paper: t(`print.papers.${size}`),
                        count: cellsPerSheet(layoutFor(sheet, size === 'letter' ? 'letter' : 'a4')),
                      })
                    : t(`print.papers.${size}`)}
                </option>
              ))}
            </select>
          </div>
          {request.kind === 'labels' && loaded !== null && loaded.document.skipped > 0 && (
            <p className="field__hint" role="status" data-testid="print-skipped">
              {t('print.skipped', { count: loaded.document.skipped })}
            </p>
          )}
          {sheet !== null && (
            <SheetOptions
              layout={layout}
              choice={{ ...sheetChoice, start }}
              onChange={(change) => setSheetChoice((current) => ({ ...current, ...change }))}
            />
          )}
          {sheet !== null && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={testSheet}
                onChange={(event) => setTestSheet(event.target.checked)}
                aria-describedby="print-test-sheet-hint"
              />
              {t('print.sheet.testSheet')}
            </label>
          )}
          {sheet !== null && testSheet && (
            <p id="print-test-sheet-hint" className="field__hint">
              {t('print.sheet.testSheetHint')}
            </p>
          )}
          {sheet === null && request.kind !== 'form' && (
            <fieldset className="print-dialog__group">
              <legend className="field__label">{t('print.orientation')}</legend>
              <label className="checkbox">
                <input
                  type="radio"
                  name="print-orientation"
                  checked={!landscape}
                  onChange={() => setLandscape(false)}
                />
                {t('print.portrait')}
              </label>
              <label className="checkbox">
                <input
                  type="radio"
                  name="print-orientation"
                  checked={landscape}
                  onChange={() => setLandscape(true)}
                />
                {t('print.landscape')}
              </label>
            </fieldset>
          )}
          {request.kind === 'roster' && (
            <fieldset className="print-dialog__group" aria-describedby="print-columns-hint">
              <legend className="field__label">{t('print.columns')}</legend>
              {ROSTER_COLUMNS.map((column) => {
                const on = columns.includes(column);
                return (
                  <label key={column} className="checkbox">
                    <input
                      type="checkbox"
                      checked={on}
                      // The last column stays: a roster of no columns prints nothing.
                      disabled={on && columns.length === 1}
                      onChange={(event) => toggleColumn(column, event.target.checked)}
                    />
                    {t(`print.columnNames.${column}`)}
                  </label>
                );
              })}
              <p id="print-columns-hint" className="field__hint">
                {t('print.columnsHint')}
              </p>
            </fieldset>
          )}
          {request.kind === 'signIn' && (
            <div className="field">
              <label className="field__label" htmlFor="print-blank-rows">
                {t('print.blankRows')}
              </label>
              <input
                id="print-blank-rows"
                className="input print-dialog__number"
                inputMode="numeric"
                value={blankRowsText}
                aria-invalid={blankRowsValid ? undefined : true}
                aria-describedby="print-blank-rows-hint"
                onChange={(event) => {
                  const text = event.target.value;
                  setBlankRowsText(text);
                  if (/^\d{1,3}$/.test(text.trim()) && Number(text) <= MAX_BLANK_ROWS) {
                    setBlankRows(Number(text));
                  }
                }}
              />
              <p
                id="print-blank-rows-hint"
                className={blankRowsValid ? 'field__hint' : 'field__error'}
                aria-live="polite"
              >
                {blankRowsValid
                  ? t('print.blankRowsHint', { max: MAX_BLANK_ROWS })
                  : t('print.blankRowsInvalid', { max: MAX_BLANK_ROWS })}
              </p>
            </div>
          )}
          <p id="print-margins" className="field__hint">
            {sheet !== null
              ? t('print.marginsSheet')
              : request.kind === 'receipt' || request.kind === 'certificates' || request.kind === 'form'
                ? t('print.marginsPlain')
                : t('print.margins')}
          </p>
        </form>
        <section
          className="print-dialog__preview"
          aria-labelledby="print-preview-title"
          aria-busy={loading || (parts !== null && !ready)}
        >
          <h3 id="print-preview-title" className="visually-hidden">
            {t('print.preview')}
          </h3>
          {loading && loaded !== null && (
            <p className="muted print-dialog__status" role="status">
              {t('print.loading')}
            </p>
          )}
          {parts !== null && <MissingFonts text={parts.body} />}
          {preview}
        </section>
        <div className="print-dialog__actions" aria-busy={sending}>
          {sendError !== null && <ErrorBanner error={sendError} onDismiss={() => setSendError(null)} />}
          <p className="field__hint print-dialog__system" role="status">
            {saved ? t('print.savedPdf') : t(desktop ? 'print.systemDialogDesktop' : 'print.systemDialog')}
          </p>
          <button type="button" className="button" onClick={onClose}>
            {t('print.close')}
          </button>
          {desktop && (
            <button
              type="button"
              className="button"
              disabled={!canPrint}
              onClick={() => void send('pdf')}
              data-testid="print-save-pdf"
            >
              {t('print.savePdf')}
            </button>
          )}
          <button
            type="button"
            className="button button--primary"
            disabled={!canPrint}
            onClick={print}
            data-testid="print-now"
          >
            {t('print.print')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
