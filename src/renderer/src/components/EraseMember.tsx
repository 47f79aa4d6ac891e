import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/domain';
import { api } from '../api/client';
import { useModalDialog } from '../dues/useModalDialog';
import { ErrorBanner } from './ErrorBanner';
import { memberName } from './memberName';

interface EraseMemberProps {
  member: Member;
  onErased: (name: string) => void;
}

/**
 * "Erase…": the member and every trace of their data, for good, after a confirmation that names
 * them and says it cannot be undone. Apart from Delete, which hides a member and can be undone.
 */
export function EraseMember({ member, onErased }: EraseMemberProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="button-row">
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        {t('member.erase')}
      </button>
      {confirming && (
        <EraseMemberDialog member={member} onClose={() => setConfirming(false)} onErased={onErased} />
      )}
    </div>
  );
}

function EraseMemberDialog({ member, onClose, onErased }: EraseMemberProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const dialogRef = useModalDialog();
  const [erasing, setErasing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = memberName(member) || t('members.unnamed');

  const erase = async () => {
    setErasing(true);
    setError(null);
    try {
      await api.call('members.erase', { id: member.id });
      onErased(name);
    } catch (failure) {
      setError(failure);
      setErasing(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog--small"
      aria-labelledby="erase-title"
      aria-describedby="erase-what erase-undo"
      onCancel={(event) => {
        event.preventDefault();
        if (!erasing) onClose();
      }}
    >
      <div className="form">
        <h2 id="erase-title" className="dialog__title">
          {t('member.eraseTitle', { name })}
        </h2>
        <p id="erase-what">{t('member.eraseWhat', { name })}</p>
        <p className="muted">{t('member.eraseKeeps')}</p>
        <p id="erase-undo">
          <strong>{t('member.eraseCannotUndo')}</strong>
        </p>
        {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <div className="form__actions">
          <button type="button" className="button" autoFocus disabled={erasing} onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={erasing}
            onClick={() => void erase()}
          >
            {erasing ? t('member.erasing') : t('member.eraseConfirm', { name })}
          </button>
        </div>
      </div>
    </dialog>
  );
}
