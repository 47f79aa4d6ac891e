import { useFormat } from '../i18n/useFormat';

const UNITS = [
  { unit: 'gigabyte', size: 1e9 },
  { unit: 'megabyte', size: 1e6 },
  { unit: 'kilobyte', size: 1e3 },
] as const;

/** A number of bytes as it reads in a locale: "1.2 MB", "340 kB", "512 byte" (decimal units). */
export function formatBytes(bytes: number, locale: string): string {
  const step = UNITS.find((u) => bytes >= u.size);
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: step?.unit ?? 'byte',
    unitDisplay: 'short',
    // One decimal while it tells something ("1.2 MB"), none past ten ("15 MB").
    maximumFractionDigits: step && bytes < step.size * 10 ? 1 : 0,
  }).format(step ? bytes / step.size : bytes);
}

/** formatBytes in the UI language. */
export function useByteSize(): (bytes: number) => string {
  const { locale } = useFormat();
  return (bytes) => formatBytes(bytes, locale);
}
