import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { wordProblem } from '../i18n/errorWords';
import { useFormat } from '../i18n/useFormat';
import type { RestoreSource, RestoreStep } from './useRestore';

interface RestoreConfirmProps {
  state: RestoreStep;
  onConfirm: (source: RestoreSource) => void;
  onConfirmAnyway: (source: RestoreSource) => void;
  onCancel: () => void;
}

/** What a restore would do, asked before it is done; and again when unsynced changes would be lost. */
export function RestoreConfirm({ state, onConfirm, onConfirmAnyway, onCancel }: RestoreConfirmProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const asking = state.step === 'confirm' || state.step === 'unsynced';
  // The choice is the secretary's: the focus goes to Cancel, so Enter alone never replaces the chapter.
  useEffect(() => {
    if (asking) cancelRef.current?.focus();
  }, [asking, state.step]);

  if (state.step !== 'confirm' && state.step !== 'unsynced' && state.step !== 'restoring') return null;
  const { source } = state;
  const title =
    'name' in source
      ? t('backup.confirmTitle', { when: format.dateTime(source.createdAt) })
      : t('backup.confirmFileTitle', { name: source.fileName });
  const busy = state.step === 'restoring';
  return (
    <div
      className="stack backup-confirm"
      role="alertdialog"
      aria-labelledby="backup-confirm-title"
      aria-describedby="backup-confirm-text"
    >
      <h3 id="backup-confirm-title">{state.step === 'unsynced' ? t('backup.unsyncedTitle') : title}</h3>
      <p id="backup-confirm-text">
        {state.step === 'unsynced' ? wordProblem(state.problem, t) : t('backup.confirmText')}
      </p>
      <div className="button-row">
        {state.step === 'unsynced' ? (
          <button type="button" className="button button--danger" onClick={() => onConfirmAnyway(source)}>
            {t('backup.restoreAnyway')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => onConfirm(source)}
          >
            {busy ? t('backup.restoring') : t('backup.restore')}
          </button>
        )}
        <button ref={cancelRef} type="button" className="button" disabled={busy} onClick={onCancel}>
          {t('backup.cancel')}
        </button>
      </div>
    </div>
  );
}
