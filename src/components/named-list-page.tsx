import {
  type InfiniteData,
  type QueryKey,
  type UseInfiniteQueryOptions,
  type UseQueryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import type { CursorPageParam } from '../api/cursor-pagination.ts';
import type { NamedListPage as Page } from '../api/named-list.ts';
import { plural } from '../contract/plural.ts';
import { VirtualTable, type VirtualTableColumn } from './data-table/virtual-table.tsx';
import { EmptyState, ListStates } from './list-states.tsx';
import { useSearchParam } from './use-search-param.ts';

export type NamedListPageProps<
  Item extends { id: number | string },
  ListKey extends QueryKey,
  CountKey extends QueryKey,
  ListPage extends Page<Item> = Page<Item>,
> = {
  /** e.g. "Groups"; also the table's label. */
  title: string;
  lede: string;
  noun: { one: string; other: string };
  columns: VirtualTableColumn<Item>[];
  listQuery: (filters: {
    name: string;
  }) => UseInfiniteQueryOptions<ListPage, Error, InfiniteData<ListPage>, ListKey, CursorPageParam>;
  countQuery: () => UseQueryOptions<number, Error, number, CountKey>;
  /** How the search matches names: anywhere in them, or (the upstream's autocomplete) at their start. */
  nameMatch?: 'anywhere' | 'start';
  /** Beside the title, for what the page shows now (the search as typed into the URL): an export. */
  actions?: (search: string) => ReactNode;
};

/**
 * A page listing a named resource: the total from its count endpoint, a search by name that lives
 * in the URL (`?q=`, so every view is a link and Back works), and the infinite table.
 */
export function NamedListPage<
  Item extends { id: number | string },
  ListKey extends QueryKey,
  CountKey extends QueryKey,
  ListPage extends Page<Item> = Page<Item>,
>(props: NamedListPageProps<Item, ListKey, CountKey, ListPage>) {
  const { title, noun, nameMatch = 'start' } = props;
  const { search: name, typed: text, setTyped: setText } = useSearchParam();

  const list = useInfiniteQuery(props.listQuery({ name }));
  const total = useQuery({ ...props.countQuery(), enabled: !name });
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  return (
    <section className="page">
      <title>{`${title} · Roster`}</title>
      <header className="page-header">
        <div>
          <h1>{title}</h1>
          <p className="lede">{props.lede}</p>
        </div>
        {props.actions?.(name)}
      </header>
      <div className="page-tools">
        <label className="search">
          <span className="visually-hidden">Search {noun.other} by name</span>
          <input
            type="search"
            placeholder={
              nameMatch === 'anywhere'
                ? `Search ${noun.other} by any part of the name…`
                : `Search ${noun.other} by the start of the name…`
            }
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={100}
          />
        </label>
        {list.data && (
          <span className="result-count" aria-live="polite">
            {name
              ? `${rows.length.toLocaleString()}${list.hasNextPage ? '+' : ''} matching`
              : total.data !== undefined && plural(total.data, noun.one, noun.other)}
          </span>
        )}
      </div>
      <ListStates
        query={list}
        what={noun.other}
        isEmpty={rows.length === 0}
        empty={
          <EmptyState
            title={
              !name
                ? `This account has no ${noun.other} yet.`
                : nameMatch === 'anywhere'
                  ? `No ${noun.one} name contains “${name}”.`
                  : `No ${noun.one} name starts with “${name}”.`
            }
          >
            {name && (
              <span>
                {nameMatch === 'anywhere'
                  ? 'Try a shorter part of the name, or clear the search.'
                  : `The search matches the start of names: try the first letters of the ${noun.one}'s name, or clear the search.`}
              </span>
            )}
          </EmptyState>
        }
      >
        <VirtualTable
          label={title}
          columns={props.columns}
          rows={rows}
          getRowId={(item) => String(item.id)}
          hasMore={list.hasNextPage}
          isFetchingMore={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage({ cancelRefetch: false })}
        />
      </ListStates>
    </section>
  );
}
