import { useCallback, useEffect, useRef, useState } from 'react';
import type { OperationInput } from '../../../shared/api';
import type { ImportJobView, ImportResultView } from '../../../shared/imports';
import { ApiError, isClientErrorCode } from '../api/ApiError';
import { api } from '../api/client';
import { pollJob, type JobProgress } from './pollJob';

export type JobStatus =
  | { state: 'idle' }
  /** `cancellable` once the job has an id to cancel it by. */
  | { state: 'running'; progress: JobProgress; cancellable: boolean }
  | { state: 'done'; result: ImportResultView }
  | { state: 'failed'; error: unknown }
  | { state: 'cancelled' };

export type StartInput = OperationInput<'imports.start'>;

const IDLE: JobStatus = { state: 'idle' };
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function ended(view: Exclude<ImportJobView, { state: 'running' }>): JobStatus {
  if (view.state === 'done') return { state: 'done', result: view.result };
  if (view.state === 'cancelled') return { state: 'cancelled' };
  const { code, message, problem } = view.error;
  return {
    state: 'failed',
    error: new ApiError(isClientErrorCode(code) ? code : 'INTERNAL', message, [], problem ?? null),
  };
}

/** Replacing a job the secretary no longer looks at: whatever it answers changes nothing on screen. */
function cancelQuietly(jobId: string | null): void {
  if (jobId) api.call('imports.cancel', { jobId }).catch(() => undefined);
}

/**
 * One import job at a time: starting another cancels the one before, so a quick series of
 * decisions ends with the preview of the last. `result` keeps the last finished result while a
 * new run is going, so the screen does not empty under the secretary's eyes.
 */
export function useImportJob({ cancelOnUnmount }: { cancelOnUnmount: boolean }) {
  const [status, setStatus] = useState<JobStatus>(IDLE);
  const [result, setResult] = useState<ImportResultView | null>(null);
  const run = useRef(0);
  const jobId = useRef<string | null>(null);

  const settle = useCallback((next: JobStatus): JobStatus => {
    jobId.current = null;
    if (next.state === 'done') setResult(next.result);
    setStatus(next);
    return next;
  }, []);

  const stop = useCallback(() => {
    run.current++;
    cancelQuietly(jobId.current);
    jobId.current = null;
  }, []);

  /** Resolves with how the job ended, or idle when another run or a cancel took over. */
  const start = useCallback(
    async (input: StartInput): Promise<JobStatus> => {
      stop();
      const mine = run.current;
      const isCurrent = () => run.current === mine;
      setStatus({ state: 'running', progress: null, cancellable: false });
      try {
        const started = await api.call('imports.start', input);
        if (!isCurrent()) {
          cancelQuietly(started.jobId);
          return IDLE;
        }
        jobId.current = started.jobId;
        setStatus({ state: 'running', progress: null, cancellable: true });
        const view = await pollJob(started.jobId, {
          fetchJob: (id) => api.call('imports.job', { jobId: id }),
          wait,
          isCurrent,
          onProgress: (progress) => setStatus({ state: 'running', progress, cancellable: true }),
        });
        if (!view || view.state === 'running') return IDLE;
        return settle(ended(view));
      } catch (error) {
        return isCurrent() ? settle({ state: 'failed', error }) : IDLE;
      }
    },
    [stop, settle],
  );

  /**
   * Resolves with the job's real end: a commit that finished just before the cancel arrived is
   * done, not cancelled, and the secretary must see it was imported.
   */
  const cancel = useCallback(async (): Promise<JobStatus> => {
    const id = jobId.current;
    if (!id) return IDLE;
    run.current++;
    jobId.current = null;
    try {
      const view = await api.call('imports.cancel', { jobId: id });
      return settle(view.state === 'running' ? { state: 'cancelled' } : ended(view));
    } catch (error) {
      return settle({ state: 'failed', error });
    }
  }, [settle]);

  const reset = useCallback(() => {
    stop();
    setStatus(IDLE);
    setResult(null);
  }, [stop]);

  useEffect(() => {
    if (!cancelOnUnmount) return undefined;
    return stop;
  }, [cancelOnUnmount, stop]);

  return { status, result, start, cancel, reset };
}
