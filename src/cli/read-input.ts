import { readFileSync } from 'node:fs';
import { AppError } from '../shared/errors';

/** Reads a file named on the command line, saying in words what is wrong with the name given. */
export function readInputFile(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `No such file: ${path}`);
    if (code === 'EISDIR') throw new AppError('VALIDATION', `${path} is a folder; give a file.`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new AppError('UNAUTHORISED', `You may not read ${path} (permission denied).`);
    throw error;
  }
}
