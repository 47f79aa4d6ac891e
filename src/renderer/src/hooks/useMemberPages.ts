import { useEffect, useState, useSyncExternalStore } from 'react';
import { api } from '../api/client';
import { MemberPages, type MemberPagesSnapshot, type MemberQuery } from './memberPages';

/**
 * The page cache of the members screen. `dataVersion` changes after every write anywhere in the
 * app, and the cache then re-fetches what is on screen.
 */
export function useMemberPages(
  query: MemberQuery,
  dataVersion: number,
): { pages: MemberPages; snapshot: MemberPagesSnapshot } {
  // The first page is fetched when the table first asks for rows, not here, so it is asked for once.
  const [pages] = useState(
    () => new MemberPages(query, dataVersion, (input) => api.call('members.list', input)),
  );
  const snapshot = useSyncExternalStore(pages.subscribe, pages.getSnapshot);
  useEffect(() => {
    pages.setQuery(query);
  }, [pages, query]);
  useEffect(() => {
    pages.setDataVersion(dataVersion);
  }, [pages, dataVersion]);
  return { pages, snapshot };
}
