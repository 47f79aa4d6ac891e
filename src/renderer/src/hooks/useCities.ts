import { useEffect, useState } from 'react';
import { api } from '../api/client';

/**
 * The cities members live in, for the city filter; re-read after writes since an edit can add one.
 * Waits for `enabled` so that the first rows of the list are not queued behind it.
 */
export function useCities(dataVersion: number, enabled: boolean): { cities: string[]; error: unknown } {
  const [cities, setCities] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    api.call('members.cities').then(
      (found) => {
        if (!current) return;
        setCities(found);
        setError(null);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [dataVersion, enabled]);
  return { cities, error };
}
