import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { type JobStatus, jobStatusEnvelopeSchema, jobStatusSchema } from '../contract/job-status.ts';
import { apiRequest } from './api-client.ts';
import { type CursorPageParam, cursorPageOf, cursorQuery, nextCursor } from './cursor-pagination.ts';

export const jobStatusKeys = {
  all: ['job-statuses'] as const,
  lists: () => [...jobStatusKeys.all, 'list'] as const,
  details: () => [...jobStatusKeys.all, 'detail'] as const,
  detail: (id: string) => [...jobStatusKeys.details(), id] as const,
};

const jobStatusPageSchema = cursorPageOf('job_statuses', jobStatusSchema);

/** The account's job statuses, newest first, whoever started them (cursor pagination only). */
export const recentJobStatusesQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: jobStatusKeys.lists(),
    queryFn: ({ pageParam, signal }) =>
      apiRequest(`/api/v2/job_statuses?${cursorQuery(pageParam)}`, { schema: jobStatusPageSchema, signal }),
    initialPageParam: undefined as CursorPageParam,
    getNextPageParam: nextCursor,
  });

export const jobStatusQueryOptions = (id: string) =>
  queryOptions({
    queryKey: jobStatusKeys.detail(id),
    queryFn: ({ signal }) => showJobStatus(id, signal),
  });

export async function showJobStatus(id: string, signal?: AbortSignal): Promise<JobStatus> {
  const body = await apiRequest(`/api/v2/job_statuses/${encodeURIComponent(id)}`, {
    schema: jobStatusEnvelopeSchema,
    ...(signal && { signal }),
  });
  return body.job_status;
}
