import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import type { WriteContext } from '../../db/changes';
import { IMPORT_FIELDS, type ImportField } from './fields';
import { mappingFor } from './job';
import { openImport, type SourceInfo } from './source';
import { importReadAppError, isImportReadError } from './errors';

export interface ImportDraft {
  draftId: string;
  fileName: string;
  info: SourceInfo;
  headers: string[];
  /** The first rows as they are in the file, for the mapping step. */
  sample: { rowNumber: number; cells: string[] }[];
  /** The mapping offered: remembered for these headers, else guessed from their names. */
  fields: (ImportField | null)[];
  fieldOptions: readonly ImportField[];
}

/**
 * Files picked in the import wizard, kept in memory between its steps (mapping, preview, commit)
 * so the renderer sends the bytes once. Only the last few are kept.
 */
export function createDrafts(maxKept = 3) {
  const files = new Map<string, { fileName: string; bytes: Uint8Array }>();

  async function inspect(
    ctx: WriteContext,
    input: { draftId?: string; fileName?: string; data?: string; sheet?: string; headerRow?: number },
  ): Promise<ImportDraft> {
    let draftId = input.draftId;
    if (!draftId) {
      if (!input.fileName || input.data === undefined) {
        throw new AppError('VALIDATION', 'Choose a file to import.', { problem: problem('IMPORT_NO_FILE') });
      }
      draftId = randomUUID();
      files.set(draftId, { fileName: input.fileName, bytes: Buffer.from(input.data, 'base64') });
      for (const old of [...files.keys()].slice(0, Math.max(0, files.size - maxKept))) files.delete(old);
    }
    const file = get(draftId);
    try {
      const source = await openImport(file.bytes, {
        fileName: file.fileName,
        sheet: input.sheet,
        headerRow: input.headerRow,
      });
      const mapping = mappingFor(ctx, source);
      return {
        draftId,
        fileName: file.fileName,
        info: source.info,
        headers: source.headers,
        sample: source.sample.slice(0, 10).map((r) => ({ rowNumber: r.rowNumber, cells: r.cells })),
        fields: mapping.columns.map((c) => c.field),
        fieldOptions: IMPORT_FIELDS,
      };
    } catch (error) {
      if (isImportReadError(error)) throw importReadAppError(error);
      throw error;
    }
  }

  function get(draftId: string): { fileName: string; bytes: Uint8Array } {
    const file = files.get(draftId);
    if (!file) {
      throw new AppError('NOT_FOUND', 'That file is no longer open; choose it again.', {
        problem: problem('IMPORT_FILE_CLOSED'),
      });
    }
    return file;
  }

  return { inspect, get };
}

export type Drafts = ReturnType<typeof createDrafts>;
