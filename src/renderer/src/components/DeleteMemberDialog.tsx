import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/domain';
import { api } from '../api/client';
import { useModalDialog } from '../dues/useModalDialog';
import { ErrorBanner } from './ErrorBanner';

interface DeleteMemberDialogProps {
  member: Member;
  /** The member's name as the page shows it. */
  name: string;
  onClose: () => void;
  onDeleted: (member: Member) => void;
}

/**
 * "Delete {name}?": asked before a member is hidden, so a stray Enter on the Delete button cannot
 * lose someone. Cancel has the focus, so a second Enter keeps them; the text says where a deleted
 * member can be found and restored later.
 */
export function DeleteMemberDialog({ member, name, onClose, onDeleted }: DeleteMemberDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useModalDialog();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const remove = async () => {
    setDeleting(true);
    setError(null);
    try {
      onDeleted(await api.call('members.delete', { id: member.id }));
    } catch (failure) {
      setError(failure);
      setDeleting(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog--small"
      aria-labelledby="delete-title"
      aria-describedby="delete-what delete-restore"
      data-testid="delete-member-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!deleting) onClose();
      }}
    >
      <div className="form">
        <h2 id="delete-title" className="dialog__title">
          {t('member.deleteTitle', { name })}
        </h2>
        <p id="delete-what">{t('member.deleteWhat', { name })}</p>
        <p id="delete-restore" className="muted">
          {t('member.deleteRestore')}
        </p>
        {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <div className="form__actions">
          <button type="button" className="button" autoFocus disabled={deleting} onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={deleting}
            onClick={() => void remove()}
          >
            {deleting ? t('member.deleting') : t('member.deleteConfirm', { name })}
          </button>
        </div>
      </div>
    </dialog>
  );
}
