import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useOperationPollInterval } from '../../api/operation-events.ts';
import { operationsQueryOptions } from '../../api/roster-operations.ts';
import { infiniteLoading, VirtualTable } from '../../components/data-table/virtual-table.tsx';
import { EmptyState, ListStates } from '../../components/list-states.tsx';
import { historyColumns } from './history-columns.tsx';
import { HistoryFilterBar } from './history-filter-bar.tsx';
import { historyFiltersOf } from './history-filters.ts';
import { ZendeskJobsSection } from './zendesk-jobs-section.tsx';
import './history.css';

const POLL_MS = 5000;

/**
 * Every change made through Roster by anyone, newest first and live: bulk operations and single
 * changes, narrowed by the filters in the URL, a page at a time as the list scrolls.
 */
export function HistoryPage() {
  const [params] = useSearchParams();
  const filters = useMemo(() => historyFiltersOf(params), [params]);
  const list = useInfiniteQuery({
    ...operationsQueryOptions(filters),
    refetchInterval: useOperationPollInterval(POLL_MS),
  });
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.operations) ?? [], [list.data]);
  const columns = useMemo(() => historyColumns(params), [params]);
  const narrowed = Object.keys(filters).length > 0;

  return (
    <section className="page">
      <title>History · Roster</title>
      <header className="page-header">
        <div>
          <h1>History</h1>
          <p className="lede">
            Every change made through Roster, by anyone: bulk operations and single changes, newest first.
          </p>
        </div>
      </header>
      <HistoryFilterBar filters={filters} params={params} />
      <ListStates
        query={list}
        what="the history"
        isEmpty={rows.length === 0}
        empty={
          narrowed ? (
            <EmptyState title="Nothing matches these filters.">
              <Link to={{ search: '' }}>Show every change</Link>
            </EmptyState>
          ) : (
            <EmptyState title="No changes yet.">
              <span>Adding or removing members on a group, organization or Box group page starts one.</span>
            </EmptyState>
          )
        }
      >
        <VirtualTable
          label="History"
          columns={columns}
          rows={rows}
          getRowId={(operation) => operation.id}
          {...infiniteLoading(list)}
        />
      </ListStates>
      <ZendeskJobsSection />
    </section>
  );
}
