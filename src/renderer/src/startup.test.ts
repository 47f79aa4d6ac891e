import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Chapter, MemberListInput, MemberPage } from '../../shared/domain';

/** The renderer's API, answering as the test says and counting what was asked. */
const calls: { name: string; input: unknown }[] = [];
let chapterAnswer: () => Promise<Chapter | null>;
vi.mock('./api/client', () => ({
  api: {
    call: (name: string, input?: unknown) => {
      calls.push({ name, input });
      if (name === 'chapter.get') return chapterAnswer();
      if (name === 'sync.status') return Promise.resolve({ lastSyncAt: null });
      const page: MemberPage = { rows: [], total: calls.length };
      return Promise.resolve(page);
    },
  },
}));

const opening: MemberListInput = { query: '', sort: 'name', direction: 'asc', offset: 0, limit: 200 };
const listCalls = () => calls.filter((call) => call.name === 'members.list').length;

async function freshStart() {
  vi.resetModules();
  calls.length = 0;
  const startup = await import('./startup');
  // The page is asked for once the sync status has answered.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return startup;
}

describe('the reads asked for as the window opens', () => {
  beforeEach(() => {
    chapterAnswer = () => Promise.resolve({ id: 'c1', name: 'Dakar' } as Chapter);
  });

  it('asks for the chapter and the first page at once, and gives that page to the opening list', async () => {
    const startup = await freshStart();
    // The status before the page: a sync that ends after the page was read then counts as a round.
    expect(calls.map((call) => call.name)).toEqual(['chapter.get', 'sync.status', 'members.list']);
    const first = await startup.membersPage({ ...opening }, true);
    expect(first.total).toBe(3);
    expect(listCalls()).toBe(1);
  });

  it('gives the status read before the page to the first status poll only', async () => {
    const startup = await freshStart();
    expect(await startup.takeStartupSyncStatus()).toEqual({ lastSyncAt: null });
    expect(startup.takeStartupSyncStatus()).toBeNull();
  });

  it('reads afresh for a second list, another query, or after a write', async () => {
    let startup = await freshStart();
    await startup.membersPage(opening, true);
    await startup.membersPage(opening, true);
    expect(listCalls()).toBe(2);

    startup = await freshStart();
    await startup.membersPage({ ...opening, query: 'ada' }, true);
    expect(listCalls()).toBe(2);

    startup = await freshStart();
    await startup.membersPage(opening, false);
    expect(listCalls()).toBe(2);
  });

  it('drops the early page when the window opens on setup or recovery instead', async () => {
    chapterAnswer = () => Promise.resolve(null);
    let startup = await freshStart();
    await startup.startupChapter();
    await startup.membersPage(opening, true);
    expect(listCalls()).toBe(2);

    chapterAnswer = () => Promise.reject(new Error('DB_DAMAGED'));
    startup = await freshStart();
    await expect(startup.startupChapter()).rejects.toThrow('DB_DAMAGED');
    await startup.membersPage(opening, true);
    expect(listCalls()).toBe(2);
  });
});
