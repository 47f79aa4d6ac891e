/**
 * How a numeric spreadsheet cell reads as text. Whole numbers keep every digit (a phone number
 * stored as a number is 612345678, never 6.1E+8). A format made only of zeros, such as
 * 0000000000 for phone numbers or 00000 for member numbers, restores the leading zeros the
 * secretary sees in the sheet. Fractions are cut to Excel's 15 significant digits.
 */
export function numberText(value: number, numFmt?: string): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) {
    const digits = BigInt(value).toString();
    const width = zeroPadWidth(numFmt);
    return value >= 0 && digits.length < width ? digits.padStart(width, '0') : digits;
  }
  return String(Number(value.toPrecision(15)));
}

function zeroPadWidth(numFmt: string | undefined): number {
  if (!numFmt) return 0;
  // Drop quoted literals and escaped characters, then accept only digit placeholders and spacing.
  const bare = numFmt.replace(/"[^"]*"|\\./g, '');
  if (!/^[0#\s\-().]*$/.test(bare) || bare.includes('.')) return 0;
  return (bare.match(/0/g) ?? []).length;
}

/** A date cell as an ISO date, keeping a time of day only when there is one. */
export function dateText(value: Date): string {
  const time = value.getTime();
  if (Number.isNaN(time)) return '';
  // Excel stores dates as fractions of days; round away the floating-point dust.
  const iso = new Date(Math.round(time / 1000) * 1000).toISOString();
  const clock = iso.slice(11, 19);
  return clock === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${clock}`;
}
