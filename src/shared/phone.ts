import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export interface PhoneValue {
  /** As the secretary typed it, trimmed. */
  raw: string;
  /** E.164 form when the number is valid for the given default country, otherwise null. */
  e164: string | null;
}

export function normalisePhone(raw: string, defaultCountry: string | null): PhoneValue {
  const trimmed = raw.trim();
  if (!trimmed) return { raw: '', e164: null };
  const parsed = parsePhoneNumberFromString(
    trimmed,
    defaultCountry ? (defaultCountry.toUpperCase() as CountryCode) : undefined,
  );
  return { raw: trimmed, e164: parsed?.isValid() ? parsed.number : null };
}
