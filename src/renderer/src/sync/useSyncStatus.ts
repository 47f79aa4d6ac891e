import { useEffect, useMemo, useState } from 'react';
import type { SyncStatus } from '../../../shared/domain';
import { api } from '../api/client';
import { takeStartupSyncStatus } from '../startup';
import { createPoller } from './statusPoller';
import { INITIAL_SYNC_STATE, withFailure, withStatus, type SyncStatusState } from './syncStatusState';

const POLL_MS = 2_000;

export interface SyncHandle extends SyncStatusState {
  /** Shows a status an operation returned (enrolment) and polls again at once. */
  apply(status: SyncStatus): void;
  /** Polls at once: after a local write, so the pending count follows without waiting. */
  refresh(): void;
  /** Asks for a sync; resolves as soon as it has started, never when it ends, and never rejects. */
  syncNow(): Promise<void>;
}

/**
 * The sync status, polled every two seconds for the whole app. A status read is a couple of
 * counts in the main process, and polling pauses while the window is hidden.
 */
export function useSyncStatus(): SyncHandle {
  const [state, setState] = useState<SyncStatusState>(INITIAL_SYNC_STATE);
  const [poller] = useState(() =>
    createPoller<SyncStatus>({
      // The first read is the one made before the list's early page (startup.ts).
      load: () => takeStartupSyncStatus() ?? api.call('sync.status'),
      onValue: (status) => setState((current) => withStatus(current, status)),
      onError: () => setState(withFailure),
      intervalMs: POLL_MS,
      isPaused: () => document.visibilityState === 'hidden',
    }),
  );

  useEffect(() => {
    poller.start();
    const resume = () => {
      if (document.visibilityState === 'visible') poller.pollNow();
    };
    document.addEventListener('visibilitychange', resume);
    return () => {
      document.removeEventListener('visibilitychange', resume);
      poller.stop();
    };
  }, [poller]);

  // Built once, so that callbacks depending on them (App's `changed`) stay stable across polls.
  const [actions] = useState(() => {
    const apply = (status: SyncStatus) => {
      poller.push(status);
      poller.pollNow();
    };
    return {
      apply,
      refresh: () => poller.pollNow(),
      syncNow: () =>
        api.call('sync.now').then(apply, () => {
          setState(withFailure);
        }),
    };
  });

  return useMemo(() => ({ ...state, ...actions }), [state, actions]);
}
