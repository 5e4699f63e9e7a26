import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { groupCountQueryOptions, groupsQueryOptions } from '../../api/groups.ts';
import { VirtualTable, type VirtualTableColumn } from '../../components/data-table/virtual-table.tsx';
import { EmptyState, ListStates } from '../../components/list-states.tsx';
import type { Group } from '../../contract/group.ts';

const COLUMNS: VirtualTableColumn<Group>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(200px, 1.2fr)',
    cell: ({ row }) => (
      <span className="cell-main">
        <Link to={`/groups/${row.original.id}`}>{row.original.name}</Link>
        {row.original.default && <span className="badge">Account default</span>}
      </span>
    ),
  },
  {
    id: 'description',
    header: 'Description',
    width: 'minmax(240px, 2fr)',
    cell: ({ row }) => (
      <span className="cell-muted truncate" title={row.original.description || undefined}>
        {row.original.description || '—'}
      </span>
    ),
  },
  {
    id: 'visibility',
    header: 'Visibility',
    width: '110px',
    cell: ({ row }) =>
      row.original.is_public ? 'Public' : <span className="badge badge-quiet">Private</span>,
  },
];

const SEARCH_DELAY_MS = 250;

export function GroupsPage() {
  const [params, setParams] = useSearchParams();
  const name = params.get('q') ?? '';
  const [text, setText] = useState(name);
  const [shownName, setShownName] = useState(name);
  if (name !== shownName) {
    setShownName(name);
    setText(name);
  }
  useEffect(() => {
    const timer = setTimeout(() => {
      if (text.trim() !== name) setParams(text.trim() ? { q: text.trim() } : {}, { replace: true });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, name, setParams]);

  const groups = useInfiniteQuery(groupsQueryOptions({ name }));
  const total = useQuery({ ...groupCountQueryOptions(), enabled: !name });
  const rows = useMemo(() => groups.data?.pages.flatMap((page) => page.items) ?? [], [groups.data]);

  return (
    <section className="page">
      <title>Groups · Roster</title>
      <header className="page-header">
        <div>
          <h1>Groups</h1>
          <p className="lede">Agents belong to groups; open one to see and change who is in it.</p>
        </div>
      </header>
      <div className="page-tools">
        <label className="search">
          <span className="visually-hidden">Search groups by name</span>
          <input
            type="search"
            placeholder="Search groups by name…"
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={100}
          />
        </label>
        {groups.data && (
          <span className="result-count" aria-live="polite">
            {name
              ? `${rows.length.toLocaleString()}${groups.hasNextPage ? '+' : ''} matching`
              : total.data !== undefined &&
                `${total.data.toLocaleString()} group${total.data === 1 ? '' : 's'}`}
          </span>
        )}
      </div>
      <ListStates
        query={groups}
        what="groups"
        isEmpty={rows.length === 0}
        empty={
          <EmptyState
            title={name ? `No group name starts with “${name}”.` : 'This account has no groups yet.'}
          >
            {name && <span>Try the first letters of the group's name, or clear the search.</span>}
          </EmptyState>
        }
      >
        <VirtualTable
          label="Groups"
          columns={COLUMNS}
          rows={rows}
          getRowId={(group) => String(group.id)}
          hasMore={groups.hasNextPage}
          isFetchingMore={groups.isFetchingNextPage}
          onLoadMore={() => void groups.fetchNextPage({ cancelRefetch: false })}
        />
      </ListStates>
    </section>
  );
}
