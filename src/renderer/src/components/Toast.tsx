import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export interface ToastMessage {
  /** New for every toast, so the same text shown twice still restarts the timer. */
  id: number;
  text: string;
  durationMs: number;
  action?: { label: string; testId: string; run: () => void };
}

export function Toast({ toast, onDismiss }: { toast: ToastMessage; onDismiss: () => void }) {
  const { t } = useTranslation();
  const { id, durationMs } = toast;
  useEffect(() => {
    const timer = setTimeout(onDismiss, durationMs);
    return () => clearTimeout(timer);
  }, [id, durationMs, onDismiss]);

  return (
    <div className="toast" role="status">
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
