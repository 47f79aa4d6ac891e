import type { UpdatesDownloadInput, UpdateStatus } from '../../shared/updates';
import { canDownload, initialStatus, nextStatus, type UpdateEvent } from './machine';
import { UpdateError, type Updater } from './updater';

export interface UpdateControllerOptions {
  /** Null where there is nowhere to look: the controller then only says so. */
  updater: Updater | null;
  currentVersion: string;
  /** The feed: the sync server's URL + /updates/, null before this laptop has a server. */
  feedUrl: () => string | null;
  /** Whether a sync runs now, and a promise that resolves once it has ended. */
  syncing: () => boolean;
  syncEnded: () => Promise<void>;
  /** This laptop's connection costs by the byte (the network setting sync also follows). */
  metered: () => boolean;
  now?: () => Date;
  /** From one automatic check to the next. */
  checkEveryMs?: number;
  /** After a cut download, before trying again from where it stopped. */
  resumeAfterMs?: number;
  /** The installer bytes one download attempt brought, for the data used (resumed bytes once). */
  onBytesReceived?: (bytes: number) => void;
}

export interface UpdateController {
  status(): UpdateStatus;
  /** Checks now, and downloads in the background what it finds (unless syncing or metered). */
  check(): Promise<UpdateStatus>;
  /** Starts or resumes the download of what a check found; returns at once. */
  download(input: UpdatesDownloadInput): UpdateStatus;
  /** Quits and installs, once ready: the UI asks the secretary first. */
  restart(): UpdateStatus;
  /** Checks at start and then daily. */
  start(): void;
  /** The network is back: a check that failed for want of it runs again. */
  online(): void;
  stop(): void;
  /** Resolves when no check or download is under way (tests, orderly shutdown). */
  idle(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60_000;

function failureOf(error: unknown): 'offline' | 'interrupted' | 'corrupt' | 'feed' {
  return error instanceof UpdateError ? error.failure : 'feed';
}

export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const now = options.now ?? (() => new Date());
  const checkEveryMs = options.checkEveryMs ?? DAY_MS;
  const resumeAfterMs = options.resumeAfterMs ?? 60_000;
  let status = initialStatus(options.currentVersion, options.updater !== null);
  let work: Promise<void> = Promise.resolve();
  let timers: NodeJS.Timeout[] = [];
  let stopped = false;
  let waitingForSync = false;

  const apply = (event: UpdateEvent) => {
    status = nextStatus(status, event);
  };
  const later = (fn: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers = timers.filter((t) => t !== timer);
      fn();
    }, ms);
    timer.unref();
    timers.push(timer);
  };
  const track = (promise: Promise<void>) => {
    work = work.then(() => promise);
  };

  async function runDownload(updater: Updater): Promise<void> {
    // A resumed download reports the bytes it kept first: only what comes after them is new.
    const kept = status.progress?.transferred ?? 0;
    let received = kept;
    try {
      await updater.download((progress) => {
        received = Math.max(received, progress.transferred);
        apply({ type: 'progress', ...progress });
      });
      apply({ type: 'downloaded' });
    } catch (error) {
      apply({ type: 'download-failed', failure: failureOf(error) });
      // A drop is resumed by itself a little later, from the bytes already kept. A feed that
      // refused (a 404, the server's rate limit) or no connection waits for the next check or for
      // the network to come back, rather than asking the server again every minute.
      if (!stopped && status.failure === 'interrupted') later(() => want(false), resumeAfterMs);
    } finally {
      if (received > kept) options.onBytesReceived?.(received - kept);
    }
  }

  /** Asks the machine whether to download now, and does what it says. */
  function want(asked: boolean): void {
    const updater = options.updater;
    if (!updater || stopped || !canDownload(status)) return;
    apply({ type: 'download-wanted', syncing: options.syncing(), metered: options.metered(), asked });
    if (status.state === 'deferred-syncing' && !waitingForSync) {
      waitingForSync = true;
      track(
        options.syncEnded().then(() => {
          waitingForSync = false;
          want(asked);
        }),
      );
    }
    if (status.state === 'downloading') track(runDownload(updater));
  }

  async function check(): Promise<UpdateStatus> {
    const updater = options.updater;
    const feed = options.feedUrl();
    if (!updater || !feed || stopped) return status;
    const before = status.state;
    apply({ type: 'check-started', at: now().toISOString() });
    if (status.state !== 'checking' || before === 'checking') return status;
    try {
      const offer = await updater.check(feed);
      apply(offer ? { type: 'check-found', ...offer } : { type: 'check-none' });
    } catch (error) {
      apply({ type: 'check-failed', failure: failureOf(error) });
    }
    want(false);
    return status;
  }

  return {
    // Before this laptop has a server there is nowhere to look, whatever the updater.
    status: () =>
      status.state === 'idle' && !options.feedUrl() ? { ...status, state: 'unavailable' } : status,
    check,
    download(input) {
      want(input.evenIfMetered === true);
      return status;
    },
    restart() {
      apply({ type: 'restart-asked' });
      if (status.state !== 'restarting') return status;
      const updater = options.updater;
      // The installer ends the app: a sync under way finishes first (it is resumable, but a
      // secretary who asked for the restart should not see the sync cut).
      if (options.syncing()) void options.syncEnded().then(() => updater?.quitAndInstall());
      else updater?.quitAndInstall();
      return status;
    },
    start() {
      const daily = () => {
        track(check().then(() => undefined));
        later(daily, checkEveryMs);
      };
      daily();
    },
    online() {
      if (status.state === 'error' && status.failure === 'offline') track(check().then(() => undefined));
    },
    stop() {
      stopped = true;
      timers.forEach(clearTimeout);
      timers = [];
    },
    async idle() {
      let seen: Promise<void>;
      do {
        seen = work;
        await seen;
      } while (seen !== work);
    },
  };
}
