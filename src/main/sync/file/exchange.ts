import type { SyncFileExport, SyncFileExportInput, SyncFileImported } from '../../../shared/sync-file';
import type { Db } from '../../db/open';
import { exportSyncFile, partPath } from './export';
import { importSyncFile } from './import';

/**
 * "Save changes to a file" for the window: the file's bytes go back as base64 and the renderer
 * saves them as a download (a save dialog in the desktop app), as "Save a backup as…" does; a
 * split export is several files named as the command line names them.
 */
export function saveChangesToFile(
  db: Db,
  input: Required<Pick<SyncFileExportInput, 'all'>> & { maxBytes: number | null },
  now: Date,
): SyncFileExport {
  const written = exportSyncFile(db, { all: input.all, maxBytes: input.maxBytes ?? undefined, now });
  const base = `chapterdesk-changes-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z.chapterdesk`;
  const files = written.parts.map((part, i) => ({
    fileName: written.parts.length === 1 ? base : partPath(base, i + 1),
    contentBase64: part.toString('base64'),
    bytes: part.length,
  }));
  return { files, changes: written.changes, bytes: files.reduce((sum, f) => sum + f.bytes, 0) };
}

/** "Load a sync file": a file the secretary picked, read by the renderer, applied here. */
export function loadChangesFromFile(db: Db, contentBase64: string, now: () => Date): SyncFileImported {
  return importSyncFile(db, Buffer.from(contentBase64, 'base64'), now);
}
