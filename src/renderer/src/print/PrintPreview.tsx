import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { esc, type PrintParts } from '../../../shared/print/html';

/**
 * On screen only: the page margins as padding, so the preview is laid out as on paper (none for
 * label and card sheets, which place every cell themselves), and a line where each certificate's
 * page would end. Printing ignores it.
 */
const screenCss = ({ block, inline }: PrintParts['margins']) => `@media screen {
  html { background: #fff; }
  body { padding: ${block}mm ${inline}mm; }
  .certificate + .certificate { margin-block-start: ${block}mm; border-block-start: 0.3mm dashed #999; }
}`;

interface PrintPreviewProps {
  parts: PrintParts;
  /** The sheet in CSS pixels (portrait or landscape). */
  sheet: { width: number; height: number };
  label: string;
  frameRef: RefObject<HTMLIFrameElement | null>;
  /** Called once the document is in the frame with its style sheet, and whenever it stops being so. */
  onReady: (ready: boolean) => void;
  /** Escape pressed while the focus is in the preview (the dialog does not hear it there). */
  onEscape: () => void;
}

/**
 * The document in a same-origin frame, exactly as it will print. The frame gets the markup only;
 * its style sheet is adopted through the CSS object model, which the content security policy
 * (`style-src 'self'`, no inline style) does not govern. The sheet is laid out at the paper's width
 * and scaled down to fit the dialog.
 */
export function PrintPreview({ parts, sheet, label, frameRef, onReady, onEscape }: PrintPreviewProps) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const [viewportWidth, setViewportWidth] = useState(0);
  const [contentHeight, setContentHeight] = useState(0);
  /** The markup the frame has loaded and styled; the preview is ready when it is the current one. */
  const [loaded, setLoaded] = useState<string | null>(null);
  const css = useRef(parts.css);
  const screen = useRef(screenCss(parts.margins));
  const escape = useRef(onEscape);
  const ready = useRef(onReady);
  useEffect(() => {
    escape.current = onEscape;
    ready.current = onReady;
  });

  const srcDoc = useMemo(
    () =>
      `<!doctype html><html lang="${esc(parts.lang)}" dir="${parts.dir}"><head><meta charset="utf-8"><title>${esc(parts.title)}</title></head><body>${parts.body}</body></html>`,
    [parts.lang, parts.dir, parts.title, parts.body],
  );

  /** Puts the current style sheet on the frame's document. */
  const adopt = useCallback(() => {
    const height = styleFrame(frameRef.current, css.current, screen.current);
    if (height !== null) setContentHeight(height);
  }, [frameRef]);

  // Paper and orientation change only the style sheet: no reload.
  const { block, inline } = parts.margins;
  useEffect(() => {
    css.current = parts.css;
    screen.current = screenCss({ block, inline });
    adopt();
  }, [parts.css, block, inline, adopt]);

  // A new body loads a new document: not ready until it has loaded and taken the sheet.
  const isReady = loaded === srcDoc;
  useEffect(() => {
    ready.current(isReady);
  }, [isReady]);

  const onLoad = () => {
    const frame = frameRef.current;
    if (!frame) return;
    adopt();
    setLoaded(frame.srcdoc);
    watchFrame(frame, setContentHeight, () => escape.current());
  };

  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setViewportWidth(entry.contentRect.width);
    });
    observer.observe(viewport);
    return () => observer.disconnect();
  }, []);

  const scale = viewportWidth > 0 ? Math.min(1, viewportWidth / sheet.width) : 1;
  const height = Math.max(contentHeight, sheet.height);
  // Set through the CSS object model (React's style property), which the policy allows.
  const geometry = {
    '--print-scale': String(scale),
    '--sheet-width': `${sheet.width}px`,
    '--sheet-height': `${height}px`,
  } as CSSProperties;

  return (
    // A region in the tab order: a page taller than the dialog scrolls here, and the keyboard
    // scrolls only what it can focus.
    <div ref={viewportRef} className="print-preview__viewport" role="region" aria-label={label} tabIndex={0}>
      <div className="print-preview__sheet" style={geometry} data-testid="print-sheet">
        <iframe
          ref={frameRef}
          className="print-preview__frame"
          title={label}
          srcDoc={srcDoc}
          // No script ever runs in the preview; the app reaches in (same origin) and may print it.
          sandbox="allow-same-origin allow-modals"
          onLoad={onLoad}
          data-testid="print-frame"
          data-ready={isReady ? 'true' : undefined}
        />
      </div>
    </div>
  );
}

type FrameWindow = Window & typeof globalThis;

/**
 * Adopts the document's style sheet and the screen-only one in the frame; returns the height of
 * its content, or null while the frame has no document.
 */
function styleFrame(frame: HTMLIFrameElement | null, css: string, screen: string): number | null {
  const win = frame?.contentWindow as FrameWindow | null | undefined;
  const doc = frame?.contentDocument;
  if (!win || !doc?.body) return null;
  // A sheet belongs to one document: it must be made by the frame's own constructor.
  const sheetOf = (text: string) => {
    const made = new win.CSSStyleSheet();
    made.replaceSync(text);
    return made;
  };
  doc.adoptedStyleSheets = [sheetOf(css), sheetOf(screen)];
  return Math.ceil(doc.body.getBoundingClientRect().height);
}

/** Follows the height of the frame's content, and hears Escape pressed inside it. */
function watchFrame(frame: HTMLIFrameElement, onHeight: (height: number) => void, onEscape: () => void) {
  const win = frame.contentWindow as FrameWindow | null;
  const doc = frame.contentDocument;
  if (!win || !doc?.body) return;
  const body = doc.body;
  const observer = new win.ResizeObserver(() => onHeight(Math.ceil(body.getBoundingClientRect().height)));
  observer.observe(body);
  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onEscape();
    }
  });
  // The observer goes with the document when the frame loads the next one.
  win.addEventListener('pagehide', () => observer.disconnect(), { once: true });
}
