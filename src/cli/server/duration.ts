const UNIT_MS: Record<string, number> = {
  m: 60_000,
  h: 60 * 60_000,
  d: 24 * 60 * 60_000,
  w: 7 * 24 * 60 * 60_000,
};

/** "30m", "12h", "7d", "2w" -> milliseconds. */
export function parseDuration(text: string): number {
  const match = /^\s*(\d{1,4})\s*([mhdw])\s*$/i.exec(text);
  if (!match)
    throw new Error(`Cannot read the duration "${text}"; use a number and m, h, d or w, such as 7d.`);
  return Number(match[1]) * UNIT_MS[match[2]!.toLowerCase()]!;
}
