import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Db } from '../db/open';
import { getDevice } from '../services/device/device';
import { isMetered } from '../sync/metered';
import { recordTraffic } from '../sync/traffic';
import type { SyncService } from '../sync/service';
import { bridgedUpdater } from '../updates/bridge';
import { createUpdateController, type UpdateController } from '../updates/controller';
import { createFeedUpdater } from '../updates/feed-updater';
import type { Updater } from '../updates/updater';
import type { DataThreadOptions } from './protocol';

/** The generic provider's URL on the chapter's sync server. */
export function serverUpdatesUrl(serverUrl: string | null): string | null {
  if (!serverUrl) return null;
  return new URL('updates/', serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`).toString();
}

/**
 * A stable UUID for staged rollouts, derived from the laptop's node id (so it survives restarts
 * and needs no file of its own); before setup, from the chapter file's path.
 */
function stagingId(db: Db | null, dbPath: string): string {
  const hex = createHash('sha256')
    .update((db && getDevice(db)?.nodeId) ?? dbPath)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The thread's updater, made once for its life (a restore reopens the file, not the updater):
 * main's electron-updater over a port in the desktop app, the HTTP feed in browser mode when one
 * is given, none otherwise. The feed's download is kept beside the chapter file.
 */
export function threadUpdater(options: DataThreadOptions, db: () => Db | null): Updater | null {
  const updates = options.updates;
  if (updates?.port) return bridgedUpdater(updates.port);
  if (!updates?.feedUrl) return null;
  return createFeedUpdater({
    currentVersion: updates.version,
    stagingId: () => stagingId(db(), options.dbPath),
    cacheDir: join(dirname(options.dbPath), 'pending-update'),
  });
}

/** The update controller of an open chapter: it follows this file's sync and metered setting. */
export function threadUpdates(
  options: DataThreadOptions,
  updater: Updater | null,
  db: Db,
  sync: SyncService,
): UpdateController {
  return createUpdateController({
    updater,
    currentVersion: options.updates?.version ?? '',
    feedUrl: () => options.updates?.feedUrl ?? serverUpdatesUrl(sync.status().serverUrl),
    syncing: () => sync.status().state === 'syncing',
    syncEnded: () => sync.idle(),
    metered: () => isMetered(db),
    // Counted against a metered connection's budget like sync (sync/traffic.ts); a download that
    // outlived its file (a restore reopened the chapter) is counted by no one.
    onBytesReceived: (received) => {
      if (db.open) recordTraffic(db, 'update', { sent: 0, received }, new Date());
    },
  });
}
