import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportDraftView } from '../../../shared/imports';
import { ApiError } from '../api/ApiError';
import { api } from '../api/client';
import { bytesToBase64 } from './base64';

/** What the secretary overrode; `imports.start` gets the same, so it reads the file as the draft did. */
export interface InspectOptions {
  sheet?: string;
  headerRow?: number;
}

/** The main process refuses more than this; saying so before sending 150 MB over the bridge is kinder. */
const MAX_FILE_BYTES = 150 * 1024 * 1024;

export function useImportDraft() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ImportDraftView | null>(null);
  const [options, setOptions] = useState<InspectOptions>({});
  /** The name of the file being read and sent, while it is. */
  const [reading, setReading] = useState<string | null>(null);
  const [updating, setUpdating] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** A newer request makes the answers to older ones irrelevant. */
  const request = useRef(0);

  const open = useCallback(
    async (file: File): Promise<ImportDraftView | null> => {
      const mine = ++request.current;
      setDraft(null);
      setOptions({});
      setError(null);
      setReading(file.name);
      try {
        if (file.size > MAX_FILE_BYTES) {
          throw new ApiError('VALIDATION', t('import.file.tooLarge', { name: file.name }));
        }
        const buffer = await file.arrayBuffer().catch(() => {
          throw new ApiError('VALIDATION', t('import.file.unreadable', { name: file.name }));
        });
        const data = bytesToBase64(new Uint8Array(buffer));
        const view = await api.call('imports.inspect', { fileName: file.name, data });
        if (mine !== request.current) return null;
        setDraft(view);
        return view;
      } catch (failure) {
        if (mine === request.current) setError(failure);
        return null;
      } finally {
        if (mine === request.current) setReading(null);
      }
    },
    [t],
  );

  /** Reads the same file again another way; on failure the previous reading stays on screen. */
  const reinspect = useCallback(
    async (next: InspectOptions): Promise<ImportDraftView | null> => {
      if (!draft) return null;
      const mine = ++request.current;
      setError(null);
      setUpdating(true);
      try {
        const view = await api.call('imports.inspect', { draftId: draft.draftId, ...next });
        if (mine !== request.current) return null;
        setDraft(view);
        setOptions(next);
        return view;
      } catch (failure) {
        if (mine === request.current) setError(failure);
        return null;
      } finally {
        if (mine === request.current) setUpdating(false);
      }
    },
    [draft],
  );

  const clear = useCallback(() => {
    request.current++;
    setDraft(null);
    setOptions({});
    setError(null);
    setReading(null);
    setUpdating(false);
  }, []);

  const dismissError = useCallback(() => setError(null), []);

  return { draft, options, reading, updating, error, open, reinspect, clear, dismissError };
}
