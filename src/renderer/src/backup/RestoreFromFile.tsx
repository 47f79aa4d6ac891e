import { useTranslation } from 'react-i18next';
import { RestoreConfirm } from './RestoreConfirm';
import type { useRestore } from './useRestore';

interface RestoreFromFileProps {
  /** The file field's id: Settings and the recovery screen each have one. */
  id: string;
  restore: ReturnType<typeof useRestore>;
  busy: boolean;
}

/** A chapter file saved elsewhere, picked to restore, with what is wrong with it or the question before. */
export function RestoreFromFile({ id, restore, busy }: RestoreFromFileProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor={id} className="field__label">
          {t('backup.pickFile')}
        </label>
        <input
          id={id}
          type="file"
          className="input"
          accept=".sqlite,.sqlite3,.db,application/vnd.sqlite3,application/x-sqlite3"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared, so picking the same file again (after a Cancel) is heard.
            event.target.value = '';
            if (file) void restore.pickFile(file);
          }}
        />
      </div>
      {restore.fileProblem && (
        <p role="alert" className="field__error">
          {restore.fileProblem}
        </p>
      )}
      <RestoreConfirm
        state={restore.state}
        onConfirm={restore.confirm}
        onConfirmAnyway={restore.confirmAnyway}
        onCancel={restore.cancel}
      />
    </>
  );
}
