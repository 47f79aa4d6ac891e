import type { PaperSize, PrintParts } from '../../../shared/print/html';
import type { ChapterDeskPrint, NativePrintAction, NativePrintOutcome } from '../../../shared/print/native';
import { ApiError, toApiError } from '../api/ApiError';

/**
 * The desktop app's printing (the system's print window, Save as PDF), present only in its window.
 * Browser mode has none and prints the preview's frame with the browser's own print.
 */
export function desktopPrinter(): ChapterDeskPrint | null {
  return window.chapterdeskPrint ?? null;
}

/**
 * Hands the document, exactly as the preview shows it, to the main process to print or save as
 * PDF. Resolves with what happened; rejects with an ApiError, as the API client does.
 */
export async function printOnDesktop(
  printer: ChapterDeskPrint,
  parts: PrintParts,
  page: { paper: PaperSize; landscape: boolean },
  action: NativePrintAction,
): Promise<NativePrintOutcome> {
  // The parts the main process takes, by name: the dialog's parts may carry more for the preview.
  const { lang, dir, title, css, body } = parts;
  let result;
  try {
    result = await printer.print({ document: { lang, dir, title, css, body }, ...page, action });
  } catch (error) {
    throw toApiError(error);
  }
  if (result.ok) return result.value;
  throw ApiError.fromBody(result.error);
}
