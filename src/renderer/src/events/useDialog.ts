import { useEffect, useRef, type RefObject } from 'react';

/**
 * Opens a `<dialog>` as modal when the component mounts (showModal traps the focus, Escape fires
 * `cancel`) and, when it unmounts, gives the focus back to whatever had it before, or to
 * `fallback` when that element is gone. `returnTo`, when it finds an element, wins over both:
 * at the door the search box always gets the focus back, ready for the next person.
 */
export function useDialog(
  fallback?: () => HTMLElement | null,
  returnTo?: () => HTMLElement | null,
): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const fallbackRef = useRef(fallback);
  const returnToRef = useRef(returnTo);
  useEffect(() => {
    fallbackRef.current = fallback;
    returnToRef.current = returnTo;
  });
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      // Later, so that an element re-rendered after this one closes can take the focus.
      queueMicrotask(() => {
        const target = returnToRef.current?.();
        if (target) target.focus();
        else if (opener?.isConnected && opener !== document.body) opener.focus();
        else fallbackRef.current?.()?.focus();
      });
    };
  }, []);
  return ref;
}
