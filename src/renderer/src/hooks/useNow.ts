import { useEffect, useState } from 'react';

/** Often enough for "synced 5 min ago" to stay true, rarely enough to cost nothing. */
const TICK_MS = 15_000;

/** The current time, refreshed as it passes, for "5 min ago" texts that must age on screen. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}
