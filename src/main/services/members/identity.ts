import { randomUUID } from 'node:crypto';
import { normaliseEmail } from '../../../shared/text';
import { keyedId } from '../../db/identity';

/**
 * A member with an email gets an id derived from the chapter's secret key and the normalised email
 * (HMAC), so the same person created offline on two laptops is one row once they sync, while no one
 * without the key can tell from an id whether it is some email's. Members without an email get a
 * random id.
 */
export function memberIdFor(chapterKey: string, email: string | null): string {
  return email ? keyedId(chapterKey, `member\n${normaliseEmail(email)}`) : randomUUID();
}
