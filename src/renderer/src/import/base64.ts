/**
 * Bytes per `btoa` call. Spreading a whole 15 MB file into `String.fromCharCode` overflows the
 * stack, so the file is encoded in pieces; a multiple of 3 bytes encodes without padding, so the
 * pieces simply join.
 */
const CHUNK_BYTES = 3 * 8192;

export function bytesToBase64(bytes: Uint8Array, chunkBytes = CHUNK_BYTES): string {
  if (!Number.isInteger(chunkBytes) || chunkBytes <= 0 || chunkBytes % 3 !== 0) {
    throw new RangeError(`chunkBytes must be a positive multiple of 3, not ${chunkBytes}`);
  }
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += chunkBytes) {
    pieces.push(btoa(String.fromCharCode(...bytes.subarray(start, start + chunkBytes))));
  }
  return pieces.join('');
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
