import type { ChapterDeskApi } from '../shared/api';

declare global {
  interface Window {
    /** Present in the Electron window; absent in browser mode, where the HTTP client is used. */
    chapterdesk?: ChapterDeskApi;
  }
}

export {};
