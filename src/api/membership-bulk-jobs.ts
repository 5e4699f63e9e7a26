import { type JobStatus, jobStatusEnvelopeSchema } from '../contract/job-status.ts';
import { apiRequest } from './api-client.ts';

/** The membership resources with Zendesk bulk endpoints; the path and the body key are the same name. */
export type MembershipResource = 'group_memberships' | 'organization_memberships';

/** `POST /{resource}/create_many` with at most 100 items; Zendesk answers with a queued job. */
export async function createManyJob(
  resource: MembershipResource,
  items: readonly object[],
): Promise<JobStatus> {
  const body = await apiRequest(`/api/v2/${resource}/create_many`, {
    method: 'POST',
    body: { [resource]: items },
    schema: jobStatusEnvelopeSchema,
  });
  return body.job_status;
}

/** `DELETE /{resource}/destroy_many?ids=…` with at most 100 ids. */
export async function destroyManyJob(
  resource: MembershipResource,
  ids: readonly number[],
): Promise<JobStatus> {
  const body = await apiRequest(`/api/v2/${resource}/destroy_many?ids=${ids.join(',')}`, {
    method: 'DELETE',
    schema: jobStatusEnvelopeSchema,
  });
  return body.job_status;
}
