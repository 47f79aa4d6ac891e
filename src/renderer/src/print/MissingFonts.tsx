import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FONT_STACK } from '../../../shared/print/html';
import { browserGlyphCheck, missingScripts } from './fontCoverage';

/**
 * A warning in the print dialog when the document has names in a script this machine has no font
 * for: Chromium would print them as empty boxes, on paper and in the PDF.
 */
export function MissingFonts({ text }: { text: string }) {
  const { t, i18n } = useTranslation();
  const missing = useMemo(() => {
    const canDraw = browserGlyphCheck(FONT_STACK);
    return canDraw ? missingScripts(text, canDraw) : [];
  }, [text]);
  if (missing.length === 0) return null;
  const names = new Intl.DisplayNames([i18n.language], { type: 'script', fallback: 'code' });
  const scripts = missing.map((code) => (code === 'Zzzz' ? t('print.unknownScript') : names.of(code)));
  return (
    <p className="print-dialog__warning" role="alert" data-testid="print-missing-fonts">
      {t('print.missingFonts', { scripts: new Intl.ListFormat(i18n.language).format(scripts as string[]) })}
    </p>
  );
}
