import { AppError } from '../../../shared/errors';

const UNITS: Record<string, number> = { '': 1, B: 1, KB: 1000, MB: 1000 ** 2, GB: 1000 ** 3 };
/** The smallest part worth writing: a file's header alone takes a few hundred bytes. */
const MIN_BYTES = 1000;

/**
 * A size as people write it for a messaging app's limit: `5MB`, `500 KB`, `1.5mb`, `20000`.
 * Decimal units (1 MB = 1,000,000 bytes), the smaller reading, so a part never exceeds the limit
 * whichever the app means.
 */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? UNITS[match[2]!.toUpperCase()] : undefined;
  const bytes = match && unit ? Math.floor(Number(match[1]) * unit) : NaN;
  if (!Number.isFinite(bytes) || bytes < MIN_BYTES) {
    throw new AppError(
      'VALIDATION',
      `--max-size must be a size of at least 1KB, such as 5MB or 500KB (got "${text}").`,
    );
  }
  return bytes;
}
