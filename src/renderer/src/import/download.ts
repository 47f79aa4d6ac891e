import { base64ToBytes } from './base64';

/** Keeps the blob alive long enough for a slow save dialog to read it. */
const REVOKE_AFTER_MS = 60_000;

/** Offers a file that came over the API as base64, as the browser's (or Electron's) own download. */
export function saveBase64File(fileName: string, mimeType: string, base64: string): void {
  saveBlob(fileName, new Blob([base64ToBytes(base64)], { type: mimeType }));
}

/** Offers text that came over the API (a JSON report) as a download, in UTF-8. */
export function saveTextFile(fileName: string, mimeType: string, text: string): void {
  saveBlob(fileName, new Blob([text], { type: `${mimeType};charset=utf-8` }));
}

function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
