import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { recentJobStatusesQueryOptions } from '../../api/job-statuses.ts';
import {
  infiniteLoading,
  VirtualTable,
  type VirtualTableColumn,
} from '../../components/data-table/virtual-table.tsx';
import { EmptyState, ListStates } from '../../components/list-states.tsx';
import type { JobStatus } from '../../contract/job-status.ts';
import { paths } from '../../lib/paths.ts';
import { JOB_STATE_WORDS } from './job-words.ts';

const JOB_COLUMNS: VirtualTableColumn<JobStatus>[] = [
  {
    id: 'type',
    header: 'Job',
    width: 'minmax(220px, 2fr)',
    cell: ({ row }) => <Link to={paths.zendeskJob.href(row.original.id)}>{row.original.job_type}</Link>,
  },
  {
    id: 'id',
    header: 'Id',
    width: '170px',
    cell: ({ row }) => <code className="truncate">{row.original.id}</code>,
  },
  {
    id: 'status',
    header: 'Status',
    width: '110px',
    cell: ({ row }) => JOB_STATE_WORDS[row.original.status],
  },
  {
    id: 'progress',
    header: 'Items',
    width: '110px',
    align: 'end',
    cell: ({ row }) =>
      `${(row.original.progress ?? 0).toLocaleString()} / ${(row.original.total ?? 0).toLocaleString()}`,
  },
];

/**
 * Zendesk's own record of the account's jobs in the last day, whoever started them: Roster's
 * operations submit most of theirs, other clients theirs.
 */
export function ZendeskJobsSection() {
  const jobs = useInfiniteQuery(recentJobStatusesQueryOptions());
  const rows = useMemo(() => jobs.data?.pages.flatMap((page) => page.job_statuses) ?? [], [jobs.data]);
  return (
    <section className="person-section" aria-labelledby="zendesk-jobs">
      <h2 id="zendesk-jobs" className="section-title">
        Zendesk jobs in this account
      </h2>
      <p className="section-lede">
        Every bulk job Zendesk ran for this account in the last day, whoever started it, including the jobs
        Roster's operations submit.
      </p>
      <ListStates
        query={jobs}
        what="the account's jobs"
        isEmpty={rows.length === 0}
        empty={<EmptyState title="No jobs in the last day." />}
      >
        <div className="jobs-table">
          <VirtualTable
            label="Account jobs"
            columns={JOB_COLUMNS}
            rows={rows}
            getRowId={(job) => job.id}
            {...infiniteLoading(jobs)}
          />
        </div>
      </ListStates>
    </section>
  );
}
