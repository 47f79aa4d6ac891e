import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  session,
  type SaveDialogOptions,
  type Session,
  type WebContents,
  type WebContentsPrintOptions,
} from 'electron';
import type { Result } from '../../shared/errors';
import type { NativePrintOutcome } from '../../shared/print/native';
import {
  parseNativePrint,
  pdfFileName,
  pdfOptions,
  printWindowHtml,
  systemPrintOutcome,
  systemPrintOptions,
  withPdfExtension,
} from './native';
import { writePrivateFile } from '../../node/private-files';

/** In memory (no "persist:"): the print window shares no storage, cookies or cache with the app. */
const PARTITION = 'chapterdesk-print';
let printSession: Session | null = null;

/**
 * The print window's session: every permission refused and every request but the document's own
 * file cancelled, so a document prints with the network off, as in the CLI.
 */
function sessionForPrinting(): Session {
  if (printSession) return printSession;
  const ses = session.fromPartition(PARTITION);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !details.url.startsWith('file:') }),
  );
  printSession = ses;
  return ses;
}

/**
 * Loads the document in a hidden, sandboxed window that runs no script, lets `use` print it, then
 * closes the window and removes the file. The document goes through a file (0600, in a folder of
 * its own) because Chromium refuses URLs over 2 MB, and a long roster's data: URL is more.
 */
async function inPrintWindow<T>(html: string, use: (contents: WebContents) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'chapterdesk-print-'));
  // No auxclick to guard: the window runs no script, shows nothing and cancels every navigation.
  // Electronegativity reads its exceptions on the line it reports, so prettier leaves that line be.
  // prettier-ignore
  const window = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK
    show: false,
    webPreferences: {
      session: sessionForPrinting(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  const contents = window.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  try {
    const file = join(dir, 'document.html');
    await writePrivateFile(file, html);
    await window.loadURL(pathToFileURL(file).href);
    return await use(contents);
  } finally {
    window.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

function systemPrint(contents: WebContents, options: WebContentsPrintOptions) {
  return new Promise<Result<NativePrintOutcome>>((resolve) =>
    contents.print(options, (success, failureReason) => resolve(systemPrintOutcome(success, failureReason))),
  );
}

/**
 * `chapterdesk:print`: prints the document through the system's print window, or asks where to
 * save it and writes it as a PDF. The sender has been checked (index.ts); the request is checked
 * here. `owner` is the asking window, which the save dialog belongs to.
 */
export async function printNatively(
  owner: BrowserWindow | null,
  input: unknown,
): Promise<Result<NativePrintOutcome>> {
  const parsed = parseNativePrint(input);
  if (!parsed.ok) return parsed;
  const { document, paper, landscape, action } = parsed.value;
  let target: string | null = null;
  if (action === 'pdf') {
    const options: SaveDialogOptions = {
      defaultPath: join(app.getPath('documents'), pdfFileName(document.title)),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, value: 'cancelled' };
    target = withPdfExtension(choice.filePath);
  }
  try {
    return await inPrintWindow(printWindowHtml(document), async (contents) => {
      if (target === null) return systemPrint(contents, systemPrintOptions(paper, landscape));
      await writePrivateFile(target, await contents.printToPDF(pdfOptions(paper, landscape)));
      return { ok: true, value: 'saved' } as const;
    });
  } catch (error) {
    console.error(`Printing (${action}) failed`, error);
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message:
          action === 'pdf' ? `The PDF was not saved: ${reason}` : `The document was not printed: ${reason}`,
      },
    };
  }
}
