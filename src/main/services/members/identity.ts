import { randomUUID } from 'node:crypto';
import { normaliseEmail } from '../../../shared/text';
import { derivedId } from '../../db/identity';

/**
 * A member with an email gets an id derived from the chapter and the normalised email, so the same
 * person created offline on two laptops is one row once they sync. Members without an email get a
 * random id.
 */
export function memberIdFor(chapterId: string, email: string | null): string {
  return email ? derivedId(chapterId, `${chapterId}\n${normaliseEmail(email)}`) : randomUUID();
}
