import { z } from 'zod';
import { type JobStatus, jobStatusEnvelopeSchema, jobStatusSchema } from '../contract/job-status.ts';
import { apiRequest } from './api-client.ts';

export const jobStatusKeys = {
  all: ['job-statuses'] as const,
  detail: (id: string) => [...jobStatusKeys.all, 'detail', id] as const,
};

const jobStatusListSchema = z.looseObject({ job_statuses: z.array(jobStatusSchema) });

/** One request for every job being watched: `job_statuses/show_many?ids=a,b,c` (at most 100 ids). */
export async function showManyJobStatuses(
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<JobStatus[]> {
  const query = new URLSearchParams({ ids: ids.join(',') });
  const body = await apiRequest(`/api/v2/job_statuses/show_many?${query}`, {
    schema: jobStatusListSchema,
    ...(signal && { signal }),
  });
  return body.job_statuses;
}

export async function showJobStatus(id: string, signal?: AbortSignal): Promise<JobStatus> {
  const body = await apiRequest(`/api/v2/job_statuses/${encodeURIComponent(id)}`, {
    schema: jobStatusEnvelopeSchema,
    ...(signal && { signal }),
  });
  return body.job_status;
}
