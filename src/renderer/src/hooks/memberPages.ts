import type { Member, MemberListInput, MemberPage } from '../../../shared/domain';
import { toApiError, type ApiError } from '../api/ApiError';

export const PAGE_SIZE = 200;
/**
 * Dragging the scrollbar across 100,000 rows passes hundreds of pages; with few requests in flight,
 * each freed slot goes to wherever the user is by then instead of to a queue of pages long gone.
 */
const MAX_IN_FLIGHT = 2;
/** About 10,000 rows: enough to scroll back and forth without refetching, without growing forever. */
const MAX_CACHED_PAGES = 50;

export type MemberQuery = Omit<MemberListInput, 'offset' | 'limit'>;
/** `dataVersion`: the app's count of writes the page must reflect (0: none since the window opened). */
export type LoadPage = (input: MemberListInput, dataVersion: number) => Promise<MemberPage>;

export interface MemberPagesSnapshot {
  /** The query whose rows are on show; null until its first page has answered. */
  query: MemberQuery | null;
  total: number | null;
  error: ApiError | null;
  /** Bumped whenever a page arrives, so React knows the rows changed. */
  revision: number;
}

/**
 * The rows of one member query, fetched a page at a time as the table scrolls and cached by
 * offset, so 100,000 members never sit in memory or cross the bridge at once.
 */
export class MemberPages {
  private readonly pages = new Map<number, Member[]>();
  private readonly loading = new Set<number>();
  /** Pages kept on screen until their fresh copy arrives, to avoid a flash of placeholders. */
  private stale = new Set<number>();
  /** Set while the rows on show still belong to the previous query. */
  private replacing = false;
  /** After a failure, nothing more is fetched until `refresh`, so a broken connection is not hammered. */
  private failed = false;
  private readonly listeners = new Set<() => void>();
  private generation = 0;
  private wanted: [number, number] = [0, PAGE_SIZE - 1];
  private snapshot: MemberPagesSnapshot = { query: null, total: null, error: null, revision: 0 };

  constructor(
    private query: MemberQuery,
    private dataVersion: number,
    private readonly loadPage: LoadPage,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): MemberPagesSnapshot => this.snapshot;

  row(index: number): Member | undefined {
    return this.pages.get(index - (index % PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** The rows first..last are on screen: load the pages that hold them and are not cached yet. */
  request(first: number, last: number): void {
    this.wanted = [first, last];
    this.pump();
  }

  /**
   * A new search, filter or sort. The previous rows stay on show until the new first page arrives,
   * so typing in the search box never blanks the table between keystrokes.
   */
  setQuery(query: MemberQuery): void {
    if (query === this.query) return;
    this.query = query;
    this.replacing = true;
    this.wanted = [0, PAGE_SIZE - 1];
    this.refresh();
  }

  /** Something was written somewhere in the app; what is on screen may be out of date. */
  setDataVersion(dataVersion: number): void {
    if (dataVersion === this.dataVersion) return;
    this.dataVersion = dataVersion;
    this.refresh();
  }

  /** Drop what is out of view, and re-fetch what is in view while still showing it. */
  refresh(): void {
    this.generation += 1;
    this.loading.clear();
    this.failed = false;
    const [first, last] = this.wanted;
    for (const offset of this.pages.keys()) {
      if (offset + PAGE_SIZE <= first || offset > last) this.pages.delete(offset);
    }
    this.stale = new Set(this.pages.keys());
    this.request(first, last);
  }

  private pump(): void {
    if (this.failed) return;
    const [first, last] = this.wanted;
    const { total } = this.snapshot;
    const end = Math.max(total === null ? last : Math.min(last, total - 1), 0);
    for (let offset = first - (first % PAGE_SIZE); offset <= end; offset += PAGE_SIZE) {
      if (this.loading.size >= MAX_IN_FLIGHT) return;
      const cached = this.pages.has(offset) && !this.stale.has(offset);
      if (!cached && !this.loading.has(offset)) void this.load(offset);
    }
  }

  private evictFarPages(): void {
    if (this.pages.size <= MAX_CACHED_PAGES) return;
    const centre = this.wanted[0];
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const offset of byDistance.slice(0, this.pages.size - MAX_CACHED_PAGES)) this.pages.delete(offset);
  }

  private async load(offset: number): Promise<void> {
    const generation = this.generation;
    this.loading.add(offset);
    try {
      const page = await this.loadPage({ ...this.query, offset, limit: PAGE_SIZE }, this.dataVersion);
      if (generation !== this.generation) return;
      if (this.replacing) {
        for (const old of this.stale) this.pages.delete(old);
        this.stale.clear();
        this.replacing = false;
      }
      this.pages.set(offset, page.rows);
      this.stale.delete(offset);
      this.evictFarPages();
      this.publish({ query: this.query, total: page.total, error: null });
    } catch (error) {
      if (generation === this.generation) {
        this.failed = true;
        this.publish({ error: toApiError(error) });
      }
    } finally {
      if (generation === this.generation) {
        this.loading.delete(offset);
        this.pump();
      }
    }
  }

  private publish(change: Partial<Omit<MemberPagesSnapshot, 'revision'>>): void {
    this.snapshot = { ...this.snapshot, ...change, revision: this.snapshot.revision + 1 };
    for (const listener of this.listeners) listener();
  }
}
