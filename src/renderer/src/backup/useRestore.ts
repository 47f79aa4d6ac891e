import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestoreResult } from '../../../shared/backup';
import type { Problem } from '../../../shared/problems';
import { api } from '../api/client';
import { toApiError } from '../api/ApiError';
import { bytesToBase64 } from '../import/base64';

/** The largest file taken as a backup: the contract's limit (200 MB). */
const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/** What to restore: one of the automatic backups (with when it was made), or a file picked. */
export type RestoreSource = { name: string; createdAt: string } | { fileName: string; contentBase64: string };

export type RestoreStep =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'confirm'; source: RestoreSource }
  | { step: 'unsynced'; source: RestoreSource; problem: Problem }
  | { step: 'restoring'; source: RestoreSource; confirmUnsynced: boolean };

/**
 * The restore dialogue: a source is chosen, the secretary confirms, and if the laptop holds changes
 * no server has that the backup lacks, they are told how many and asked again.
 */
export function useRestore(onRestored: (result: RestoreResult, source: RestoreSource) => void) {
  const { t } = useTranslation();
  const [state, setState] = useState<RestoreStep>({ step: 'idle' });
  const [error, setError] = useState<unknown>(null);
  /** A picked file that cannot be a backup (too large, unreadable), in words. */
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  const restore = async (source: RestoreSource, confirmUnsynced: boolean) => {
    setError(null);
    setState({ step: 'restoring', source, confirmUnsynced });
    const input =
      'name' in source
        ? { name: source.name, confirmUnsynced }
        : { fileName: source.fileName, contentBase64: source.contentBase64, confirmUnsynced };
    try {
      const result = await api.call('backup.restore', input);
      setState({ step: 'idle' });
      onRestored(result, source);
    } catch (failure) {
      const problem = toApiError(failure).problem;
      if (problem?.code === 'UNSYNCED_CHANGES' && !confirmUnsynced) {
        setState({ step: 'unsynced', source, problem });
      } else {
        setError(failure);
        setState({ step: 'idle' });
      }
    }
  };

  const pickFile = async (file: File) => {
    setError(null);
    setFileProblem(null);
    if (file.size > MAX_BACKUP_BYTES) {
      setFileProblem(t('backup.tooLarge', { name: file.name }));
      return;
    }
    setState({ step: 'reading', fileName: file.name });
    let buffer: ArrayBuffer;
    try {
      buffer = await file.arrayBuffer();
    } catch {
      // The browser could not read it (moved, no permission): said in words, nothing sent.
      setFileProblem(t('backup.unreadable', { name: file.name }));
      setState({ step: 'idle' });
      return;
    }
    setState({
      step: 'confirm',
      source: { fileName: file.name, contentBase64: bytesToBase64(new Uint8Array(buffer)) },
    });
  };

  return {
    state,
    error,
    fileProblem,
    dismissError: () => setError(null),
    choose: (source: RestoreSource) => {
      setError(null);
      setFileProblem(null);
      setState({ step: 'confirm', source });
    },
    pickFile,
    confirm: (source: RestoreSource) => void restore(source, false),
    confirmAnyway: (source: RestoreSource) => void restore(source, true),
    cancel: () => setState({ step: 'idle' }),
  };
}
