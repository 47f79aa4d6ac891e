import { createHash, randomUUID } from 'node:crypto';
import { normaliseEmail } from '../../../shared/text';

/**
 * A member with an email gets an id derived from the chapter and the normalised email (a UUID v5),
 * so the same person created offline on two laptops is one row once they sync. Members without an
 * email get a random id.
 */
export function memberIdFor(chapterId: string, email: string | null): string {
  if (!email) return randomUUID();
  return uuidV5(`${chapterId}\n${normaliseEmail(email)}`, chapterId);
}

function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
