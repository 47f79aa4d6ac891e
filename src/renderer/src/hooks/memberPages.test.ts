import { describe, expect, it } from 'vitest';
import type { Member, MemberListInput, MemberPage } from '../../../shared/domain';
import { ApiError } from '../api/ApiError';
import { MemberPages, PAGE_SIZE, type MemberQuery } from './memberPages';

const query = (text = ''): MemberQuery => ({ query: text, sort: 'name', direction: 'asc' });

/** A loader over `total` fake members whose answers the test releases by hand. */
function fakeServer(total: number) {
  const pending: { input: MemberListInput; release: () => void; fail: () => void }[] = [];
  const load = (input: MemberListInput) =>
    new Promise<MemberPage>((resolve, reject) => {
      const offset = input.offset ?? 0;
      const count = Math.max(0, Math.min(input.limit ?? PAGE_SIZE, total - offset));
      const rows = Array.from(
        { length: count },
        (_, i) => ({ id: `${input.query}-${offset + i}`, firstName: input.query ?? '' }) as Member,
      );
      pending.push({
        input,
        release: () => resolve({ rows, total }),
        fail: () => reject(new ApiError('INTERNAL', 'boom')),
      });
    });
  const settle = async () => {
    while (pending.length) pending.shift()!.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { load, pending, settle };
}

describe('MemberPages', () => {
  it('loads the page holding the visible rows once and publishes the total', async () => {
    const server = fakeServer(1_000);
    const pages = new MemberPages(query(), 0, server.load);
    pages.request(0, 30);
    pages.request(0, 40);
    expect(server.pending.map((p) => p.input.offset)).toEqual([0]);
    await server.settle();
    expect(pages.row(5)?.id).toBe('-5');
    expect(pages.row(PAGE_SIZE)).toBeUndefined();
    expect(pages.getSnapshot().total).toBe(1_000);
  });

  it('keeps at most two requests in flight and spends freed slots on the rows now in view', async () => {
    const server = fakeServer(100_000);
    const pages = new MemberPages(query(), 0, server.load);
    pages.request(0, 30);
    await server.settle();
    pages.request(10_000, 10_600);
    expect(server.pending.map((p) => p.input.offset)).toEqual([10_000, 10_200]);
    pages.request(50_000, 50_030);
    server.pending.shift()!.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(server.pending.map((p) => p.input.offset)).toEqual([10_200, 50_000]);
  });

  it('shows the previous rows until the new query answers, then only the new ones', async () => {
    const server = fakeServer(1_000);
    const pages = new MemberPages(query(), 0, server.load);
    pages.request(0, 30);
    await server.settle();
    const next = query('ana');
    pages.setQuery(next);
    expect(pages.row(0)?.id).toBe('-0');
    expect(pages.getSnapshot().query).not.toBe(next);
    await server.settle();
    expect(pages.row(0)?.id).toBe('ana-0');
    expect(pages.getSnapshot().query).toBe(next);
  });

  it('stops fetching after a failure until it is refreshed', async () => {
    const server = fakeServer(1_000);
    const pages = new MemberPages(query(), 0, server.load);
    pages.request(0, 30);
    server.pending.shift()!.fail();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pages.getSnapshot().error?.message).toBe('boom');
    pages.request(0, 30);
    expect(server.pending).toHaveLength(0);
    pages.refresh();
    expect(server.pending).toHaveLength(1);
  });

  it('re-reads the rows in view when the data version changes, and only then', async () => {
    const server = fakeServer(1_000);
    const pages = new MemberPages(query(), 3, server.load);
    pages.request(0, 30);
    await server.settle();
    pages.setDataVersion(3);
    expect(server.pending).toHaveLength(0);
    pages.setDataVersion(4);
    expect(server.pending.map((p) => p.input.offset)).toEqual([0]);
    expect(pages.row(0)).toBeDefined();
  });
});
