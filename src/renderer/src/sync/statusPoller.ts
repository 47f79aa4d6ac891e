export interface PollerTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface PollerOptions<T> {
  load: () => Promise<T>;
  onValue: (value: T) => void;
  onError: (error: unknown) => void;
  intervalMs: number;
  /** While true (a hidden window), nothing is fetched; `pollNow` resumes. */
  isPaused?: () => boolean;
  timers?: PollerTimers;
}

export interface Poller<T> {
  start(): void;
  stop(): void;
  /** Polls at once, or right after the request in flight, then every interval again. */
  pollNow(): void;
  /**
   * Shows a value some other call returned (sync.now, sync.enroll). Polls still in flight were
   * asked before it and would show an older state, so their answers are dropped.
   */
  push(value: T): void;
}

const defaultTimers: PollerTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Fetches a value every interval, one request at a time (a slow answer never stacks requests),
 * and only ever shows an answer newer than the one on screen.
 */
export function createPoller<T>(options: PollerOptions<T>): Poller<T> {
  const timers = options.timers ?? defaultTimers;
  let running = false;
  let inFlight = false;
  let again = false;
  let timer: unknown = null;
  let issued = 0;
  let shown = 0;

  function cancelTimer(): void {
    if (timer !== null) timers.clear(timer);
    timer = null;
  }

  function poll(): void {
    cancelTimer();
    if (!running) return;
    if (inFlight) {
      again = true;
      return;
    }
    if (options.isPaused?.()) return;
    const seq = ++issued;
    inFlight = true;
    void options
      .load()
      .then(
        (value) => {
          if (running && seq > shown) {
            shown = seq;
            options.onValue(value);
          }
        },
        (error: unknown) => {
          if (running && seq > shown) options.onError(error);
        },
      )
      .finally(() => {
        inFlight = false;
        if (!running) return;
        if (again) {
          again = false;
          poll();
        } else {
          timer = timers.set(poll, options.intervalMs);
        }
      });
  }

  return {
    start() {
      running = true;
      poll();
    },
    stop() {
      running = false;
      again = false;
      cancelTimer();
    },
    pollNow: poll,
    push(value) {
      shown = issued;
      options.onValue(value);
    },
  };
}
