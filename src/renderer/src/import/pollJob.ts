import type { ImportJobView } from '../../../shared/imports';

export type JobProgress = Extract<ImportJobView, { state: 'running' }>['progress'];

const POLL_INTERVAL_MS = 300;

export interface PollOptions {
  fetchJob: (jobId: string) => Promise<ImportJobView>;
  wait: (ms: number) => Promise<void>;
  onProgress: (progress: JobProgress) => void;
  /** False once the caller has moved on (cancelled, started another job, left the screen). */
  isCurrent: () => boolean;
  intervalMs?: number;
}

/** Asks for the job until it has ended; null when the caller stopped caring first. */
export async function pollJob(jobId: string, options: PollOptions): Promise<ImportJobView | null> {
  const { fetchJob, wait, onProgress, isCurrent, intervalMs = POLL_INTERVAL_MS } = options;
  for (;;) {
    const view = await fetchJob(jobId);
    if (!isCurrent()) return null;
    if (view.state !== 'running') return view;
    onProgress(view.progress);
    await wait(intervalMs);
    if (!isCurrent()) return null;
  }
}

/** 0–100 for the progress bar; null before the job has said how much there is. */
export function percentDone(progress: JobProgress): number | null {
  if (!progress || progress.total <= 0) return null;
  return Math.min(100, Math.max(0, Math.floor((progress.processed / progress.total) * 100)));
}
