import type { Chapter, MemberListInput, MemberPage, SyncStatus } from '../../shared/domain';
import { api } from './api/client';
import { PAGE_SIZE } from './hooks/memberPages';
import { INITIAL_LIST_STATE } from './screens/memberListState';

/*
 * The window opens on the members list. Its reads (the chapter, and the list's first page) are
 * asked for as this module is evaluated, before React, the translations and the first render, and
 * side by side rather than one after the other: on a slow laptop with 100,000 members that is most
 * of the wait for the first rows. This module is imported first by main.tsx for that reason.
 *
 * The sync status is read just before the page, and is the status poller's first answer: the list
 * re-reads when a sync ends after its status (useSyncStatus counts rounds from it), so a sync that
 * ends between this early page and the first poll (one starts as the chapter file opens) is not
 * missed, which it would be were the first status read later than the page.
 */

/** The members screen's opening query: no search and no filter, in the opening order. */
const FIRST_PAGE: MemberListInput = {
  query: INITIAL_LIST_STATE.search,
  sort: INITIAL_LIST_STATE.sort,
  direction: INITIAL_LIST_STATE.direction,
  offset: 0,
  limit: PAGE_SIZE,
};

const chapter = api.call('chapter.get');
let syncStatus: Promise<SyncStatus> | null = api.call('sync.status');
// Asked once the status has answered, so the status is never newer than the page.
const listAfterStatus = () => api.call('members.list', FIRST_PAGE);
let firstPage: Promise<MemberPage> | null = syncStatus.then(listAfterStatus, listAfterStatus);
// A window that opens on setup or recovery instead never shows this page, and the list it shows
// after a chapter is set up, joined or restored is read afresh. Either promise's failure reaches
// whoever takes it; one nobody takes is not an error of its own.
chapter.then(
  (found) => {
    if (!found) firstPage = null;
  },
  () => {
    firstPage = null;
  },
);
firstPage.catch(() => undefined);
syncStatus.catch(() => undefined);

/** The chapter as read at start, for the first read only; later reads (a retry, a restore) ask again. */
export function startupChapter(): Promise<Chapter | null> {
  return chapter;
}

/** The sync status read before the early page, for the status poller's first read only. */
export function takeStartupSyncStatus(): Promise<SyncStatus> | null {
  const early = syncStatus;
  syncStatus = null;
  return early;
}

/**
 * A page of members: the one asked for at start when this is the opening query and nothing has
 * been written since (`unchanged`), otherwise a fresh read. The early page is given out once.
 */
export function membersPage(input: MemberListInput, unchanged: boolean): Promise<MemberPage> {
  const early = firstPage;
  firstPage = null;
  if (early && unchanged && sameInput(input, FIRST_PAGE)) return early;
  return api.call('members.list', input);
}

function sameInput(a: MemberListInput, b: MemberListInput): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof MemberListInput)[]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
