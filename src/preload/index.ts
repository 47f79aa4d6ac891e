import { contextBridge, ipcRenderer } from 'electron';
import type { ChapterDeskApi } from '../shared/api';
import { IPC_CHANNEL, OPERATIONS } from '../shared/operations';
import { PRINT_CHANNEL, type ChapterDeskPrint } from '../shared/print/native';

/**
 * The renderer's doors to the main process: one function per contract operation, each a single
 * invoke on one channel, and printing on a second channel (it needs the asking window). Nothing of
 * Electron or Node is exposed.
 */
const api = Object.fromEntries(
  OPERATIONS.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input)]),
) as ChapterDeskApi;

contextBridge.exposeInMainWorld('chapterdesk', api);

const print: ChapterDeskPrint = { print: (request) => ipcRenderer.invoke(PRINT_CHANNEL, request) };
contextBridge.exposeInMainWorld('chapterdeskPrint', print);
