import { useCallback, useEffect, useState } from 'react';
import type { UpdateStatus } from '../../../shared/updates';
import { api } from '../api/client';

/** While work is under way the status is read often, to move the progress bar; otherwise rarely. */
const BUSY = new Set(['checking', 'downloading', 'deferred-syncing', 'restarting']);
const BUSY_POLL_MS = 500;
const QUIET_POLL_MS = 60_000;

/** Every component showing the update (Settings, the notice) sees the latest status any of them read. */
const listeners = new Set<(status: UpdateStatus) => void>();
let latest: UpdateStatus | null = null;
function publish(status: UpdateStatus): void {
  latest = status;
  listeners.forEach((listener) => listener(status));
}

/** The update's status, followed by polling the data thread (which does the work). */
export function useUpdateStatus(): {
  status: UpdateStatus | null;
  error: unknown;
  run: (call: () => Promise<UpdateStatus>) => Promise<void>;
} {
  const [status, setStatus] = useState<UpdateStatus | null>(latest);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    listeners.add(setStatus);
    return () => {
      listeners.delete(setStatus);
    };
  }, []);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      let next: UpdateStatus | null = null;
      try {
        next = await api.call('updates.status', undefined);
        if (!stopped) publish(next);
      } catch (failure) {
        if (!stopped) setError(failure);
      }
      if (!stopped) timer = setTimeout(read, next && BUSY.has(next.state) ? BUSY_POLL_MS : QUIET_POLL_MS);
    };
    void read();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [status?.state]);

  const run = useCallback(async (call: () => Promise<UpdateStatus>) => {
    setError(null);
    try {
      publish(await call());
    } catch (failure) {
      setError(failure);
    }
  }, []);

  return { status, error, run };
}
