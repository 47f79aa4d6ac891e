/**
 * electron-updater lives in the Electron main process, while the update controller lives on the
 * data thread beside sync (it must know when a sync runs, and the laptop's metered setting). The
 * thread drives main's updater over a port of their own: one request at a time, each answered by
 * id, and progress messages while a download runs.
 */
import type { MessagePort } from 'node:worker_threads';
import { UpdateError, type UpdateOffer, type Updater } from './updater';

type Ask = { op: 'check'; feedUrl: string } | { op: 'download' } | { op: 'install' };
type Request = Ask & { id: number };
type Reply =
  | { id: number; type: 'done'; value: UpdateOffer | null }
  | { id: number; type: 'failed'; failure: UpdateError['failure']; message: string }
  | { id: number; type: 'progress'; transferred: number; total: number };

/** Main's side: runs the thread's requests on the app's updater. */
export function serveUpdater(updater: Updater, port: MessagePort): void {
  port.on('message', (request: Request) => {
    const answer = async (): Promise<UpdateOffer | null> => {
      if (request.op === 'check') return updater.check(request.feedUrl);
      if (request.op === 'download') {
        await updater.download((progress) =>
          port.postMessage({ id: request.id, type: 'progress', ...progress }),
        );
        return null;
      }
      updater.quitAndInstall();
      return null;
    };
    answer().then(
      (value) => port.postMessage({ id: request.id, type: 'done', value } satisfies Reply),
      (error: unknown) =>
        port.postMessage({
          id: request.id,
          type: 'failed',
          failure: error instanceof UpdateError ? error.failure : 'feed',
          message: error instanceof Error ? error.message : String(error),
        } satisfies Reply),
    );
  });
  // The thread's life decides the app's, not this port's.
  port.unref();
}

/** The thread's side: an Updater whose work main does. */
export function bridgedUpdater(port: MessagePort): Updater {
  let next = 1;
  const waiting = new Map<
    number,
    {
      done: (value: UpdateOffer | null) => void;
      failed: (error: Error) => void;
      progress?: (p: { transferred: number; total: number }) => void;
    }
  >();
  port.on('message', (reply: Reply) => {
    const entry = waiting.get(reply.id);
    if (!entry) return;
    if (reply.type === 'progress') entry.progress?.({ transferred: reply.transferred, total: reply.total });
    else {
      waiting.delete(reply.id);
      if (reply.type === 'done') entry.done(reply.value);
      else entry.failed(new UpdateError(reply.failure, reply.message));
    }
  });
  port.unref();
  const ask = (request: Ask, progress?: (p: { transferred: number; total: number }) => void) =>
    new Promise<UpdateOffer | null>((done, failed) => {
      const id = next++;
      waiting.set(id, { done, failed, progress });
      port.postMessage({ ...request, id });
    });
  return {
    check: (feedUrl) => ask({ op: 'check', feedUrl }),
    download: async (onProgress) => {
      await ask({ op: 'download' }, onProgress);
    },
    quitAndInstall: () => void ask({ op: 'install' }),
  };
}
