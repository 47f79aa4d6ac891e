/**
 * What the update controller needs from an updater: electron-updater in the desktop app
 * (electron-updater.ts, over a port from main), a plain HTTP feed in browser mode and tests
 * (feed-updater.ts). Both look in `feedUrl` for latest*.yml with the generic provider's layout.
 */
export interface UpdateOffer {
  version: string;
  /** The installer's size in bytes. */
  size: number;
}

export interface UpdateProgress {
  transferred: number;
  total: number;
}

export interface Updater {
  /** A newer version this laptop may take (staging applied), or null. */
  check(feedUrl: string): Promise<UpdateOffer | null>;
  /** Downloads the offer of the last check, resuming what a cut download left; throws on a drop. */
  download(onProgress: (progress: UpdateProgress) => void): Promise<void>;
  /** Quits and installs what was downloaded. */
  quitAndInstall(): void;
}

/** A failure the updater could name: no connection, a cut download, a file that fails its checksum. */
export class UpdateError extends Error {
  constructor(
    readonly failure: 'offline' | 'interrupted' | 'corrupt' | 'feed',
    message: string,
  ) {
    super(message);
    this.name = 'UpdateError';
  }
}
