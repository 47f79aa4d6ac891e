import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ToastMessage {
  /** New for every toast, so the same text shown twice still restarts the timer. */
  id: number;
  text: string;
  durationMs: number;
  action?: { label: string; testId: string; run: () => void };
}

/**
 * Rendered inside a status region that is always on the page (App), so a screen reader announces
 * each toast: a live region that arrives with its text is often not read.
 */
export function Toast({ toast, onDismiss }: { toast: ToastMessage; onDismiss: () => void }) {
  const { t } = useTranslation();
  const { id, durationMs } = toast;
  /** Under the pointer or holding the focus: whoever is reaching for Undo gets the time they need. */
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = hovered || focused;
  /** Where the focus was before the keyboard reached the toast (Undo, Dismiss). */
  const cameFrom = useRef<HTMLElement | null>(null);
  // The button pressed leaves with the toast, which would drop the focus to <body>: it goes back
  // where it came from, unless the action already moved it somewhere (opening a member's page).
  useEffect(
    () => () => {
      const back = cameFrom.current;
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && back?.isConnected) back.focus();
    },
    [],
  );
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(onDismiss, durationMs);
    return () => clearTimeout(timer);
  }, [id, durationMs, onDismiss, held]);

  return (
    <div
      className="toast"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={(event) => {
        const from = event.relatedTarget;
        if (from instanceof HTMLElement && !event.currentTarget.contains(from)) cameFrom.current = from;
        setFocused(true);
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <span>{toast.text}</span>
      {toast.action && (
        <button
          type="button"
          className="button button--inverse"
          data-testid={toast.action.testId}
          onClick={() => {
            toast.action?.run();
            onDismiss();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast__close" aria-label={t('common.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
