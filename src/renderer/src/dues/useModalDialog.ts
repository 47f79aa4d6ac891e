import { useEffect, useRef, type RefObject } from 'react';

/**
 * Opens a `<dialog>` as modal when the component mounts (showModal traps the focus and puts the
 * page out of reach) and, when it unmounts, gives the focus back to whatever had it before; if
 * that element is gone (a Void button on a payment that is now void), to `fallback`.
 */
export function useModalDialog(fallback?: () => HTMLElement | null): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const fallbackRef = useRef(fallback);
  useEffect(() => {
    fallbackRef.current = fallback;
  });
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      // Later, so the element that comes back after this render (a re-rendered row) can take it.
      queueMicrotask(() => {
        if (opener?.isConnected && opener !== document.body) opener.focus();
        else fallbackRef.current?.()?.focus();
      });
    };
  }, []);
  return ref;
}
