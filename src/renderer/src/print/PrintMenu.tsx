import '../import/import.css';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useMenu } from '../hooks/useMenu';
import { PrintDialog } from './PrintDialog';
import type { PrintRequest } from './printDocuments';

export interface PrintMenuItem {
  /** The name on the menu, and a longer one for assistive technology. */
  label: string;
  accessibleLabel: string;
  /** Made when chosen, so it holds what the screen shows at that moment. */
  request: () => PrintRequest;
  disabled?: boolean;
}

/**
 * One "Print" button for a screen's documents (the list, labels, cards, a blank form): a short
 * menu, so the toolbar stays one row on a small screen; each choice opens the print dialog.
 */
export function PrintMenu({ items }: { items: readonly PrintMenuItem[] }) {
  const { t } = useTranslation();
  const [printing, setPrinting] = useState<PrintRequest | null>(null);
  const { open, setOpen, close, toggle, containerProps } = useMenu();
  return (
    <div className="export-menu" {...containerProps}>
      <button
        ref={toggle}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls="print-menu-panel"
        onClick={() => setOpen((was) => !was)}
      >
        {t('print.menu')}
        <span aria-hidden="true" className="export-menu__caret">
          ▾
        </span>
      </button>
      {open && (
        <div
          id="print-menu-panel"
          className="export-menu__panel"
          role="group"
          aria-label={t('print.menu')}
          tabIndex={-1}
        >
          {items.map((item) => (
            <button
              key={item.accessibleLabel}
              type="button"
              className="button export-menu__option"
              aria-label={item.accessibleLabel}
              aria-haspopup="dialog"
              disabled={item.disabled}
              onClick={() => {
                setPrinting(item.request());
                close();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
      {/* In the body, so the dialog inherits nothing from the toolbar it is opened from. */}
      {printing &&
        createPortal(
          <PrintDialog
            request={printing}
            onClose={() => setPrinting(null)}
            // The option that opened the dialog is gone with the panel: the menu's button takes the focus.
            returnFocus={() => toggle.current}
          />,
          document.body,
        )}
    </div>
  );
}
