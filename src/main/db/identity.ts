import { createHash, createHmac } from 'node:crypto';

/**
 * A UUID v5: the same name in the same namespace gives the same id on every laptop. Used for rows
 * that two laptops may create independently but that must be one row after sync (a member by
 * email, the chapter's default membership types).
 */
export function derivedId(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  // join() builds one flat string; a template literal would keep nine linked pieces (~380 bytes)
  // per id until it is first compared, which for the ids of a 100,000-row import is 38 MB.
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

/**
 * A UUID (version 8, "custom") from an HMAC-SHA-256 of `name` under a secret key: the same on every
 * laptop that has the key, and unguessable without it, unlike a v5 id, which anyone who knows the
 * namespace can recompute from a guessed name.
 */
export function keyedId(key: string, name: string): string {
  const hash = createHmac('sha256', Buffer.from(key, 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x80;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

/** Ids that `derivedId` made (version 5): before chapter keys, members' ids were these. */
export function isDerivedId(id: string): boolean {
  return id.length === 36 && id[14] === '5';
}
