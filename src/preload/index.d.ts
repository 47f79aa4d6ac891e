import type { ChapterDeskApi } from '../shared/api';
import type { ChapterDeskPrint } from '../shared/print/native';

declare global {
  interface Window {
    /** Present in the Electron window; absent in browser mode, where the HTTP client is used. */
    chapterdesk?: ChapterDeskApi;
    /** The system's print window and Save as PDF, in the Electron window only; browser mode prints the preview's frame. */
    chapterdeskPrint?: ChapterDeskPrint;
  }
}

export {};
