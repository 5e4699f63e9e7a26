import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { CursorMeta } from '../contract/pagination.ts';
import { PAGE_SIZE } from './cursor-pagination.ts';
import {
  cursorWindow,
  fetchPlacedPage,
  type Placed,
  readsFirstPageAgain,
  restartWindowAtFirstPage,
  WINDOW_PAGES,
  type WindowPageParam,
} from './cursor-window.ts';

type RowPage = { rows: number[]; meta: CursorMeta };

/**
 * A list of `length` rows paged the way Zendesk's cursors page it: a cursor names a row, a page read
 * after it holds the rows that follow, one read before it the rows that precede, and `has_more`
 * speaks of the direction read.
 */
function cursorList(length: number) {
  const asked: string[] = [];
  const fetchPage = async (query: string): Promise<RowPage> => {
    asked.push(query);
    const params = new URLSearchParams(query);
    const size = Number(params.get('page[size]'));
    const after = params.get('page[after]');
    const before = params.get('page[before]');
    const from =
      before !== null ? Math.max(0, Number(before) - size) : after !== null ? Number(after) + 1 : 0;
    const to = before !== null ? Number(before) : Math.min(length, from + size);
    const rows = Array.from({ length: to - from }, (_, offset) => from + offset);
    const more = before !== null ? from > 0 : to < length;
    return {
      rows,
      meta: {
        has_more: more,
        after_cursor: rows.length ? String(to - 1) : null,
        before_cursor: rows.length ? String(from) : null,
      },
    };
  };
  return { fetchPage, asked };
}

const rowCount = (page: RowPage) => page.rows.length;

function windowedList(length: number) {
  const list = cursorList(length);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const queryKey = ['rows', length];
  const observer = new InfiniteQueryObserver(queryClient, {
    queryKey,
    queryFn: ({ pageParam }: { pageParam: WindowPageParam }) =>
      fetchPlacedPage(pageParam, { include: 'users' }, list.fetchPage, rowCount),
    ...cursorWindow<Placed<RowPage>>(),
  });
  const unsubscribe = observer.subscribe(() => {});
  const pages = () => observer.getCurrentResult().data?.pages ?? [];
  const spans = () => pages().map((page) => [page.start, page.end]);
  return { queryClient, queryKey, observer, unsubscribe, pages, spans, asked: list.asked };
}

describe('fetchPlacedPage', () => {
  it('asks for a full page after the cursor, with the extra parameters, and places it at its index', async () => {
    const list = cursorList(1000);
    const page = await fetchPlacedPage(
      { after: '99', index: 100 },
      { include: 'users' },
      list.fetchPage,
      rowCount,
    );
    expect(list.asked).toEqual(['include=users&page%5Bsize%5D=100&page%5Bafter%5D=99']);
    expect([page.start, page.end]).toEqual([100, 200]);
    expect(page.rows[0]).toBe(100);
  });

  it('places a page read before a cursor so that it ends where the cursor starts', async () => {
    const list = cursorList(1000);
    const page = await fetchPlacedPage({ before: '300', index: 300 }, {}, list.fetchPage, rowCount);
    expect([page.start, page.end]).toEqual([200, 300]);
  });

  it('starts the list with a page read backward that has nothing before it, whatever the index said', async () => {
    const list = cursorList(1000);
    const page = await fetchPlacedPage({ before: '50', index: 120 }, {}, list.fetchPage, rowCount);
    expect([page.start, page.end]).toEqual([0, 50]);
  });
});

describe('cursorWindow', () => {
  it(`keeps at most ${WINDOW_PAGES} pages, dropping the far end as the reading goes on`, async () => {
    const list = windowedList(1000);
    await list.observer.refetch();
    for (let page = 1; page < WINDOW_PAGES + 2; page++) await list.observer.fetchNextPage();
    expect(list.spans()).toEqual([
      [200, 300],
      [300, 400],
      [400, 500],
      [500, 600],
      [600, 700],
    ]);
    expect(list.observer.getCurrentResult().hasPreviousPage).toBe(true);
    list.unsubscribe();
  });

  it('reads a dropped page again when reading back, at the same place', async () => {
    const list = windowedList(1000);
    await list.observer.refetch();
    for (let page = 1; page < WINDOW_PAGES + 2; page++) await list.observer.fetchNextPage();
    await list.observer.fetchPreviousPage();
    await list.observer.fetchPreviousPage();
    expect(list.spans()[0]).toEqual([0, 100]);
    expect(list.pages()[0]?.rows.slice(0, 2)).toEqual([0, 1]);
    expect(list.observer.getCurrentResult().hasPreviousPage).toBe(false);
    expect(list.observer.getCurrentResult().hasNextPage).toBe(true);
    list.unsubscribe();
  });

  it('offers no page after the last one and none before the first', async () => {
    const list = windowedList(150);
    await list.observer.refetch();
    expect(list.observer.getCurrentResult().hasPreviousPage).toBe(false);
    await list.observer.fetchNextPage();
    expect(list.spans()).toEqual([
      [0, 100],
      [100, 150],
    ]);
    expect(list.observer.getCurrentResult().hasNextPage).toBe(false);
    list.unsubscribe();
  });
});

describe('readsFirstPageAgain', () => {
  it('reads the first page again only when the view is within it and more than a page of rows lies between', () => {
    expect(readsFirstPageAgain(0, PAGE_SIZE * 3)).toBe(true);
    expect(readsFirstPageAgain(PAGE_SIZE - 1, PAGE_SIZE + 1)).toBe(true);
    expect(readsFirstPageAgain(PAGE_SIZE, PAGE_SIZE * 3)).toBe(false);
    expect(readsFirstPageAgain(0, PAGE_SIZE)).toBe(false);
  });
});

describe('restartWindowAtFirstPage', () => {
  it('starts the window over with one request for the first page', async () => {
    const list = windowedList(1000);
    await list.observer.refetch();
    for (let page = 1; page < WINDOW_PAGES + 3; page++) await list.observer.fetchNextPage();
    const asked = list.asked.length;
    restartWindowAtFirstPage(list.queryClient, list.queryKey);
    await list.queryClient.refetchQueries({ queryKey: list.queryKey, exact: true });
    expect(list.spans()).toEqual([[0, 100]]);
    expect(list.observer.getCurrentResult().hasPreviousPage).toBe(false);
    expect(list.asked.slice(asked)).not.toContainEqual(expect.stringContaining('page%5Bbefore%5D'));
    list.unsubscribe();
  });

  it('leaves a window that already starts at the first page alone', async () => {
    const list = windowedList(1000);
    await list.observer.refetch();
    await list.observer.fetchNextPage();
    const asked = list.asked.length;
    restartWindowAtFirstPage(list.queryClient, list.queryKey);
    expect(list.spans()).toEqual([
      [0, 100],
      [100, 200],
    ]);
    expect(list.asked.length).toBe(asked);
    list.unsubscribe();
  });
});
