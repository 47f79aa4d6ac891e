import type { Result } from '../errors';
import type { PaperSize, PrintParts } from './html';

/**
 * The desktop app's printing: the app window hands a document to the main process, which prints
 * it through the system's print window (Electron's `webContents.print`) or saves it as a PDF
 * (`printToPDF`). Not a contract operation: it needs the asking window, which browser mode and the
 * CLI do not have. Free of zod, as the sandboxed preload imports the channel name from here.
 */
export const PRINT_CHANNEL = 'chapterdesk:print';

export const NATIVE_PRINT_ACTIONS = ['print', 'pdf'] as const;
export type NativePrintAction = (typeof NATIVE_PRINT_ACTIONS)[number];

/** What the print dialog shows, as it shows it: the document's parts, the paper and the action. */
export interface NativePrintRequest {
  document: Pick<PrintParts, 'lang' | 'dir' | 'title' | 'css' | 'body'>;
  paper: PaperSize;
  landscape: boolean;
  action: NativePrintAction;
}

/** Sent to the printer, saved to a file, or stopped by the person in the system's dialog. */
export type NativePrintOutcome = 'printed' | 'saved' | 'cancelled';

/** `window.chapterdeskPrint`: present in the Electron window only. */
export interface ChapterDeskPrint {
  print(request: NativePrintRequest): Promise<Result<NativePrintOutcome>>;
}
