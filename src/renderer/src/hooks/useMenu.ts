import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

/**
 * A button that opens a small panel of choices: Escape closes it and gives the focus back to the
 * button, and the panel closes when the focus leaves it. Spread `containerProps` on the element
 * holding both the button and the panel.
 */
export function useMenu(onClose?: () => void) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    onClose?.();
  };
  const containerProps = {
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.key !== 'Escape' || !open) return;
      event.stopPropagation();
      close();
      toggle.current?.focus();
    },
    onBlur: (event: FocusEvent<HTMLElement>) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) close();
    },
  };
  return { open, setOpen, close, toggle, containerProps };
}
