import { useState } from 'react';
import { createPortal } from 'react-dom';
import { PrintDialog } from './PrintDialog';
import type { PrintRequest } from './printDocuments';

interface PrintButtonProps {
  /** Made when the button is pressed, so it holds what the screen shows at that moment. */
  request: () => PrintRequest;
  label: string;
  /** A longer name for assistive technology when the visible label alone is ambiguous (one per row). */
  accessibleLabel?: string;
  className?: string;
  disabled?: boolean;
}

/** A button that opens the print dialog for one document. */
export function PrintButton({ request, label, accessibleLabel, className, disabled }: PrintButtonProps) {
  const [open, setOpen] = useState<PrintRequest | null>(null);
  return (
    <>
      <button
        type="button"
        className={className ?? 'button'}
        aria-label={accessibleLabel}
        aria-haspopup="dialog"
        disabled={disabled}
        onClick={() => setOpen(request())}
      >
        {label}
      </button>
      {/* In the body, so the dialog inherits nothing from the table cell or heading it is opened from. */}
      {open && createPortal(<PrintDialog request={open} onClose={() => setOpen(null)} />, document.body)}
    </>
  );
}
