import type { AppUpdater } from 'electron-updater';
import { UpdateError, type Updater } from './updater';

/** electron-updater's errors, named as the controller names failures. */
function failureOf(error: unknown, downloading: boolean): UpdateError {
  const message = error instanceof Error ? error.message : String(error);
  if (/sha512 checksum mismatch/i.test(message)) return new UpdateError('corrupt', message);
  if (
    /net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|CONNECTION_REFUSED|NETWORK_CHANGED|ADDRESS_UNREACHABLE)/.test(
      message,
    )
  )
    return new UpdateError(downloading ? 'interrupted' : 'offline', message);
  return new UpdateError(downloading ? 'interrupted' : 'feed', message);
}

/**
 * The desktop app's Updater: electron-updater's generic provider at the chapter server's
 * /updates/. It stays thin: staging (stagingPercentage against its own .updaterId), blockmap
 * differential downloads and the cache a new download resumes from are electron-updater's. It never
 * downloads or installs by itself; the controller on the data thread decides when. Loaded only in
 * Electron (it requires electron's app), through a dynamic import in main.
 */
export function electronUpdater(autoUpdater: AppUpdater): Updater {
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  let feed: string | null = null;
  return {
    async check(feedUrl) {
      if (feed !== feedUrl) {
        // One range per request: the server answers single ranges (see server/routes/updates.ts).
        autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl, useMultipleRangeRequest: false });
        feed = feedUrl;
      }
      try {
        const result = await autoUpdater.checkForUpdates();
        if (!result?.isUpdateAvailable) return null;
        const info = result.updateInfo;
        return { version: info.version, size: info.files.reduce((sum, file) => sum + (file.size ?? 0), 0) };
      } catch (error) {
        throw failureOf(error, false);
      }
    },
    async download(onProgress) {
      const progress = (info: { transferred: number; total: number }) =>
        onProgress({ transferred: info.transferred, total: info.total });
      autoUpdater.on('download-progress', progress);
      try {
        await autoUpdater.downloadUpdate();
      } catch (error) {
        throw failureOf(error, true);
      } finally {
        autoUpdater.off('download-progress', progress);
      }
    },
    quitAndInstall() {
      autoUpdater.quitAndInstall();
    },
  };
}
