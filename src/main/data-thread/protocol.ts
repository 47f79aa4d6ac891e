import type { MessagePort } from 'node:worker_threads';
import type { Result } from '../../shared/errors';

/** What the data thread is started with (as workerData: small, cloned once). */
export interface DataThreadOptions {
  dbPath: string;
  /** The Electron-ABI build of better-sqlite3, when the app runs in Electron. */
  nativeBinding?: string;
  /** Browser mode and the desktop app sync by themselves; tests ask. */
  autoSync: boolean;
  /**
   * Where the sync token is kept. A keystore lives in the Electron main process only, so the thread
   * asks main to seal and open the token (see secrets.ts); 'file' keeps it in the chapter file.
   */
  secrets: 'keystore' | 'file';
  /** Set by secrets.ts when secrets is 'keystore'. */
  secretsBridge?: SecretsBridgeEnd;
  /**
   * The app's own updates (data-thread/updates.ts): its version, and where to look: main's
   * electron-updater over `port` (desktop app), or an HTTP feed (browser mode's
   * CHAPTERDESK_UPDATE_FEED). Without it, the update operations say there is nothing to look for.
   */
  updates?: { version: string; feedUrl?: string; port?: MessagePort };
}

export interface SecretsBridgeEnd {
  port: MessagePort;
  /** One Int32 the thread waits on while main answers. */
  signal: SharedArrayBuffer;
}

export type ToDataThread =
  { type: 'call'; id: number; name: unknown; input: unknown } | { type: 'online' } | { type: 'close' };

export type FromDataThread =
  | { type: 'ready' }
  | { type: 'failed'; error: { code: string; message: string } }
  | { type: 'reply'; id: number; result: Result<unknown> }
  | { type: 'closed' };
