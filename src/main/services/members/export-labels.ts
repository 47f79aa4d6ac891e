import type { Member } from '../../../shared/domain';
import { PRINT_LABELS } from '../../../shared/print/labels';

/** The languages an export's header row and values can be written in: the app's. */
export const EXPORT_LANGUAGES = ['en', 'fr'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

export function exportLanguage(value: string | null | undefined): ExportLanguage {
  return value === 'fr' ? 'fr' : 'en';
}

/**
 * Column headings per language. Each is a heading the import recognises (see ALIASES in
 * imports/mapping.ts; a test exports and imports back in every language), so an exported file
 * comes back in with no mapping to choose. The E.164 phone, the status and the consents are not
 * imported: their headings map to nothing.
 */
const HEADERS: Record<ExportLanguage, Partial<Record<keyof Member, string>>> = {
  en: {
    memberNumber: 'Member number',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email',
    phone: 'Phone',
    phoneE164: 'Phone (E.164)',
    country: 'Country',
    addressLine1: 'Address line 1',
    addressLine2: 'Address line 2',
    postalCode: 'Postal code',
    city: 'City',
    region: 'Region',
    organisation: 'Organisation',
    typeName: 'Membership type',
    status: 'Status',
    joinedOn: 'Joined on',
    paidThrough: 'Paid through',
    consentEmail: 'Consent email',
    consentSms: 'Consent SMS',
    notes: 'Notes',
  },
  fr: {
    memberNumber: 'Numéro de membre',
    firstName: 'Prénom',
    lastName: 'Nom de famille',
    email: 'Courriel',
    phone: 'Téléphone',
    phoneE164: 'Téléphone (E.164)',
    country: 'Pays',
    addressLine1: 'Adresse ligne 1',
    addressLine2: 'Adresse ligne 2',
    postalCode: 'Code postal',
    city: 'Ville',
    region: 'Région',
    organisation: 'Organisation',
    typeName: 'Type d’adhésion',
    status: 'Statut',
    joinedOn: 'Date d’adhésion',
    paidThrough: 'Payé jusqu’au',
    consentEmail: 'Accord courriel',
    consentSms: 'Accord SMS',
    notes: 'Notes',
  },
};

const YES_NO: Record<ExportLanguage, [string, string]> = { en: ['yes', 'no'], fr: ['oui', 'non'] };

/** Yes or no in `language`, as exports write them (and imports read them back). */
export function yesNoWord(yes: boolean, language: ExportLanguage): string {
  return YES_NO[language][yes ? 0 : 1];
}

/** The exported columns in order, with their heading in `language`. */
export function exportColumns(language: ExportLanguage): [keyof Member, string][] {
  return Object.entries(HEADERS[language]) as [keyof Member, string][];
}

/** A member's value as a person reads it in `language`: statuses and yes/no in words, the rest as stored. */
export function exportValue(m: Member, key: keyof Member, language: ExportLanguage): string {
  const value = m[key];
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return YES_NO[language][value ? 0 : 1];
  if (key === 'status') return PRINT_LABELS[language].status[m.status];
  return String(value);
}
