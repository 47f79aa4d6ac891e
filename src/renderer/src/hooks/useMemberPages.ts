import { useEffect, useState, useSyncExternalStore } from 'react';
import { membersPage } from '../startup';
import { MemberPages, type MemberPagesSnapshot, type MemberQuery } from './memberPages';

/**
 * The page cache of the members screen. `dataVersion` changes after every write anywhere in the
 * app, and the cache then re-fetches what is on screen.
 */
export function useMemberPages(
  query: MemberQuery,
  dataVersion: number,
): { pages: MemberPages; snapshot: MemberPagesSnapshot } {
  // The first page is fetched when the table first asks for rows, not here, so it is asked for once;
  // the page read at start serves it while nothing has been written since.
  const [pages] = useState(
    () => new MemberPages(query, dataVersion, (input, version) => membersPage(input, version === 0)),
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
