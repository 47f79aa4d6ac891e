import { useEffect, useRef, useState } from 'react';

interface ConfirmButtonProps {
  label: string;
  question: string;
  yes: string;
  no: string;
  busyLabel: string;
  onConfirm: () => Promise<void>;
  className?: string;
}

/** A button that asks first, in place: nothing modal to trap the focus, and Undo is one more click. */
export function ConfirmButton({
  label,
  question,
  yes,
  no,
  busyLabel,
  onConfirm,
  className,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);

  useEffect(() => {
    if (asking || !refocus.current) return;
    refocus.current = false;
    trigger.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={trigger}
        type="button"
        className={['button', className].filter(Boolean).join(' ')}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p className="confirm__question">{question}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onConfirm().finally(() => {
              setBusy(false);
              setAsking(false);
            });
          }}
        >
          {busy ? busyLabel : yes}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          // The safe answer takes the focus, so Enter right after opening the question undoes nothing.
          autoFocus
          onClick={() => {
            refocus.current = true;
            setAsking(false);
          }}
        >
          {no}
        </button>
      </div>
    </div>
  );
}
