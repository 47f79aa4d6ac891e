import { base64ToBytes } from './base64';

/** Keeps the blob alive long enough for a slow save dialog to read it. */
const REVOKE_AFTER_MS = 60_000;

/** Offers a file that came over the API as base64, as the browser's (or Electron's) own download. */
export function saveBase64File(fileName: string, mimeType: string, base64: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
