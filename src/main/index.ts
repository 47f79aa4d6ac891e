import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  safeStorage,
  session,
  shell,
  type IpcMainInvokeEvent,
} from 'electron';
import { IPC_CHANNEL } from '../shared/operations';
import { PRINT_CHANNEL } from '../shared/print/native';
import { startDataThread, type DataThread } from './data-thread/client';
import { appSecretStore } from './sync/secrets';
import { electronNativeBinding } from './native-binding';
import { printNatively } from './print/print-window';
import { electronUpdater } from './updates/electron-updater';
import type { Updater } from './updates/updater';
import {
  externalLinkTarget,
  isInAppNavigation,
  isTrustedSender,
  secureWindowOptions,
  withCspHeader,
} from './security';

const here = dirname(fileURLToPath(import.meta.url));
let data: DataThread | null = null;

/** Electron has no "network is back" event in main; a cheap poll of net.isOnline() stands in. */
function watchNetwork(onBack: () => void): void {
  let online = net.isOnline();
  setInterval(() => {
    const now = net.isOnline();
    if (now && !online) onBack();
    online = now;
  }, 10_000).unref();
}

/**
 * electron-updater, loaded only here (it needs Electron's app) and only in a packaged app: an
 * unpackaged one has no installer to replace, so it has no updater and Settings says so.
 */
async function appUpdater(): Promise<Updater | undefined> {
  if (!app.isPackaged) return undefined;
  const { autoUpdater } = await import('electron-updater');
  return electronUpdater(autoUpdater);
}

function appUrl(): string {
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  return devServer && !app.isPackaged
    ? devServer
    : pathToFileURL(join(here, '../renderer/index.html')).toString();
}

function createWindow(url: string): void {
  // Electronegativity cannot follow the spread: secureWindowOptions (security.ts, unit-tested) sets
  // contextIsolation, sandbox and no Node. Middle-click (auxclick) cannot open a window either:
  // setWindowOpenHandler below denies every new window.
  // Electronegativity reads its exceptions on the line it reports, so prettier leaves that line be.
  // prettier-ignore
  const window = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    ...secureWindowOptions(join(here, '../preload/index.cjs')),
    // Linux shows this in the task bar; the installers give Windows and macOS theirs (build/).
    icon: join(here, '../../resources/icon.png'),
  });
  const contents = window.webContents;
  contents.on('will-navigate', (event, target) => {
    if (!isInAppNavigation(target, url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, target) => {
    if (!isInAppNavigation(target, url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url: target }) => {
    const external = externalLinkTarget(target);
    // Only an https: address without credentials reaches the system browser (externalLinkTarget).
    if (external) void shell.openExternal(external); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
}

async function start(): Promise<void> {
  const url = appUrl();
  const nativeBinding = electronNativeBinding(app.getAppPath());
  try {
    // The chapter file lives on the data thread: this process only forwards operations to it.
    data = await startDataThread({
      dbPath: join(app.getPath('userData'), 'chapter.sqlite'),
      nativeBinding,
      autoSync: true,
      secrets: appSecretStore(safeStorage),
      updates: { version: app.getVersion(), updater: await appUpdater() },
    });
  } catch (error) {
    dialog.showErrorBox(
      'ChapterDesk cannot open its data',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
    return;
  }
  watchNetwork(() => data?.online());

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withCspHeader(details.responseHeaders) }),
  );

  const fromApp = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    return isTrustedSender(frame?.url, url, frame !== null && frame === event.sender.mainFrame);
  };
  const untrusted = {
    ok: false,
    error: { code: 'UNAUTHORISED', message: 'Request from an untrusted frame.' },
  };
  ipcMain.handle(IPC_CHANNEL, (event, name: unknown, input: unknown) =>
    fromApp(event) && data ? data.call(name, input) : untrusted,
  );
  // Printing needs the asking window, so it has its own channel rather than a contract operation.
  ipcMain.handle(PRINT_CHANNEL, (event, input: unknown) =>
    fromApp(event) ? printNatively(BrowserWindow.fromWebContents(event.sender), input) : untrusted,
  );

  createWindow(url);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(url);
  });
}

app.enableSandbox();
// One app per user: a second launch brings the first one's window forward and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  void app.whenReady().then(start);
}
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
// The data thread closes the chapter file (and stops sync) before the app ends.
app.on('will-quit', (event) => {
  if (!data) return;
  event.preventDefault();
  const closing = data;
  data = null;
  void closing.close().finally(() => app.quit());
});
