import type { UpdateFailure, UpdateStatus } from '../../shared/updates';

/**
 * The update's state machine, pure: what happened in, the next status out. The controller does the
 * I/O and feeds it events; the rules live here so they can be tested one by one.
 *
 * idle → checking → available → downloading → ready → restarting, with error, up-to-date and the
 * two deferrals on the side. A download never starts while a sync runs, nor on a metered connection
 * unless asked; a restart is only taken from ready.
 */
export type UpdateEvent =
  | { type: 'check-started'; at: string }
  | { type: 'check-found'; version: string; size: number }
  | { type: 'check-none' }
  | { type: 'check-failed'; failure: UpdateFailure }
  | { type: 'download-wanted'; syncing: boolean; metered: boolean; asked: boolean }
  | { type: 'progress'; transferred: number; total: number }
  | { type: 'download-failed'; failure: UpdateFailure }
  | { type: 'downloaded' }
  | { type: 'restart-asked' };

export function initialStatus(currentVersion: string, available: boolean): UpdateStatus {
  return {
    state: available ? 'idle' : 'unavailable',
    currentVersion,
    version: null,
    progress: null,
    failure: null,
    checkedAt: null,
  };
}

/** A version is on offer and not yet downloaded: found, deferred, or cut off mid-way. */
export function canDownload(status: UpdateStatus): boolean {
  return (
    status.version !== null &&
    (status.state === 'available' ||
      status.state === 'deferred-syncing' ||
      status.state === 'deferred-metered' ||
      (status.state === 'error' && status.failure !== 'corrupt' && status.progress !== null))
  );
}

export function nextStatus(status: UpdateStatus, event: UpdateEvent): UpdateStatus {
  switch (event.type) {
    case 'check-started':
      // A check while downloading or once ready would only throw that work away.
      if (status.state === 'downloading' || status.state === 'ready' || status.state === 'restarting')
        return status;
      return { ...status, state: 'checking', failure: null, checkedAt: event.at };
    case 'check-found': {
      if (status.state !== 'checking') return status;
      // The same version again keeps what was downloaded of it, to resume from there.
      const progress = status.version === event.version ? status.progress : null;
      return {
        ...status,
        state: 'available',
        version: event.version,
        progress: progress ?? { transferred: 0, total: event.size },
      };
    }
    case 'check-none':
      if (status.state !== 'checking') return status;
      return { ...status, state: 'up-to-date', version: null, progress: null };
    case 'check-failed':
      if (status.state !== 'checking') return status;
      return { ...status, state: 'error', failure: event.failure };
    case 'download-wanted':
      if (!canDownload(status)) return status;
      if (event.syncing) return { ...status, state: 'deferred-syncing', failure: null };
      if (event.metered && !event.asked) return { ...status, state: 'deferred-metered', failure: null };
      return { ...status, state: 'downloading', failure: null };
    case 'progress':
      if (status.state !== 'downloading') return status;
      return { ...status, progress: { transferred: event.transferred, total: event.total } };
    case 'download-failed':
      if (status.state !== 'downloading') return status;
      return {
        ...status,
        state: 'error',
        failure: event.failure,
        // A corrupt file is thrown away: the next download starts from nothing.
        progress: event.failure === 'corrupt' ? null : status.progress,
      };
    case 'downloaded':
      if (status.state !== 'downloading') return status;
      return {
        ...status,
        state: 'ready',
        progress: status.progress && { transferred: status.progress.total, total: status.progress.total },
      };
    case 'restart-asked':
      return status.state === 'ready' ? { ...status, state: 'restarting' } : status;
  }
}
