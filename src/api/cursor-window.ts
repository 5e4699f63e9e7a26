import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { CursorMeta } from '../contract/pagination.ts';
import { PAGE_SIZE } from './cursor-pagination.ts';

/**
 * Pages a long list keeps in the cache. Scrolling further drops pages at the far end and scrolling
 * back fetches them again, so memory stays bounded however long the list is (a 200,000-member
 * organization would otherwise keep every row it ever showed).
 */
export const WINDOW_PAGES = 5;

/**
 * Which page to fetch: the first one, the one after a cursor or the one before a cursor. `index` is
 * where it sits in the whole list: the position of its first row when reading forward, of the row
 * just after it when reading backward.
 */
export type WindowPageParam = { after?: string; before?: string; index: number };

/** Where a fetched page sits in the whole list: rows `start` to `end` (exclusive). */
export type Placed<Page> = Page & { start: number; end: number };

type CursorPage = { meta: CursorMeta };

const FIRST_PAGE: WindowPageParam = { index: 0 };

function windowQuery(param: WindowPageParam, extra: Record<string, string>): string {
  const params = new URLSearchParams({ ...extra, 'page[size]': String(PAGE_SIZE) });
  if (param.after) params.set('page[after]', param.after);
  if (param.before) params.set('page[before]', param.before);
  return params.toString();
}

/**
 * Fetches one page of a windowed list with `fetchPage(query)` and records where it sits. A page
 * read backward that has nothing before it starts the list, whatever the positions said.
 */
export async function fetchPlacedPage<Page extends CursorPage>(
  param: WindowPageParam,
  extra: Record<string, string>,
  fetchPage: (query: string) => Promise<Page>,
  rowCount: (page: Page) => number,
): Promise<Placed<Page>> {
  const page = await fetchPage(windowQuery(param, extra));
  const rows = rowCount(page);
  const start =
    param.before === undefined ? param.index : page.meta.has_more ? Math.max(0, param.index - rows) : 0;
  return { ...page, start, end: start + rows };
}

/**
 * The infinite-query options of a list read as a window of cursor pages in both directions.
 * `meta.has_more` speaks of the direction a page was read in; the other direction is known from how
 * the page was reached (a page read after a cursor has rows before it, and the other way round).
 */
export function cursorWindow<Page extends Placed<CursorPage>>() {
  return {
    initialPageParam: FIRST_PAGE,
    maxPages: WINDOW_PAGES,
    getNextPageParam: (last: Page, _pages: Page[], param: WindowPageParam): WindowPageParam | undefined => {
      const more = param.before !== undefined || last.meta.has_more;
      const cursor = last.meta.after_cursor;
      return more && cursor ? { after: cursor, index: last.end } : undefined;
    },
    getPreviousPageParam: (
      first: Page,
      _pages: Page[],
      param: WindowPageParam,
    ): WindowPageParam | undefined => {
      const more = param.before !== undefined ? first.meta.has_more : param.after !== undefined;
      const cursor = first.meta.before_cursor;
      return more && cursor ? { before: cursor, index: first.start } : undefined;
    },
  };
}

/**
 * Whether a view at `firstVisible` (a row index of the whole list) reaches the start of the list
 * sooner by reading its first page again than by reading back page by page from the window's first
 * loaded row, `rowsBefore`: after a far scroll back to the top, one request instead of one per page passed.
 */
export function readsFirstPageAgain(firstVisible: number, rowsBefore: number): boolean {
  return firstVisible < PAGE_SIZE && rowsBefore > PAGE_SIZE;
}

/**
 * Starts the window over at the list's first page, in one request. Until it answers, the window
 * keeps one page where it is (its rows stay where they were) and, taken as the first page, offers
 * no page before it, so nothing else is read meanwhile.
 */
export function restartWindowAtFirstPage(queryClient: QueryClient, queryKey: QueryKey): void {
  const data = queryClient.getQueryData<InfiniteData<Placed<CursorPage>, WindowPageParam>>(queryKey);
  const first = data?.pages[0];
  if (!data || !first || data.pageParams[0] === FIRST_PAGE) return;
  queryClient.setQueryData<InfiniteData<Placed<CursorPage>, WindowPageParam>>(queryKey, {
    pages: [first],
    pageParams: [FIRST_PAGE],
  });
  void queryClient.refetchQueries({ queryKey, exact: true });
}
