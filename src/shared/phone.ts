import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export interface PhoneValue {
  /** As the secretary typed it, trimmed. */
  raw: string;
  /** E.164 form when the number is valid for the given default country, otherwise null. */
  e164: string | null;
}

/**
 * Numbers already found valid, in E.164 form. An import checks each phone while cleaning and then
 * stores it in that form, which would parse it a second time (a fifth of the cost of writing a
 * member); whether an E.164 number is valid does not depend on a default country, so the first
 * answer holds. Bounded, as one chapter's numbers are.
 */
const knownValid = new Set<string>();
const KNOWN_VALID_MAX = 200_000;

export function normalisePhone(raw: string, defaultCountry: string | null): PhoneValue {
  const trimmed = raw.trim();
  if (!trimmed) return { raw: '', e164: null };
  if (knownValid.has(trimmed)) return { raw: trimmed, e164: trimmed };
  const parsed = parsePhoneNumberFromString(
    trimmed,
    defaultCountry ? (defaultCountry.toUpperCase() as CountryCode) : undefined,
  );
  const e164 = parsed?.isValid() ? parsed.number : null;
  if (e164) {
    if (knownValid.size >= KNOWN_VALID_MAX) knownValid.clear();
    knownValid.add(e164);
  }
  return { raw: trimmed, e164 };
}

/**
 * A stored phone number as people read it: in the national format for a number of the chapter's
 * own country ("07 12 34 56 78" in a French chapter), in the international format otherwise
 * ("+254 712 345678"), as libphonenumber writes them. A number that was not valid when typed has
 * no E.164 form and is shown as typed. Files meant for other programs (exports) keep E.164.
 */
export function displayPhone(
  phone: { phone: string | null; phoneE164: string | null },
  chapterCountry: string | null,
): string {
  const parsed = phone.phoneE164 ? parsePhoneNumberFromString(phone.phoneE164) : undefined;
  if (!parsed) return phone.phone ?? '';
  return parsed.country && parsed.country === chapterCountry?.toUpperCase()
    ? parsed.formatNational()
    : parsed.formatInternational();
}
