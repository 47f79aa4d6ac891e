import { contextBridge, ipcRenderer } from 'electron';
import type { ChapterDeskApi } from '../shared/api';
import { IPC_CHANNEL, OPERATIONS } from '../shared/operations';

/**
 * The renderer's only door to the main process: one function per contract operation, each a
 * single invoke on one channel. Nothing of Electron or Node is exposed.
 */
const api = Object.fromEntries(
  OPERATIONS.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input)]),
) as ChapterDeskApi;

contextBridge.exposeInMainWorld('chapterdesk', api);
