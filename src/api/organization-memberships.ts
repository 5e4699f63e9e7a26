import { type JobStatus, jobStatusEnvelopeSchema } from '../contract/job-status.ts';
import { apiRequest } from './api-client.ts';

export async function createOrganizationMembershipsJob(
  items: readonly { user_id: number; organization_id: number }[],
): Promise<JobStatus> {
  const body = await apiRequest('/api/v2/organization_memberships/create_many', {
    method: 'POST',
    body: { organization_memberships: items },
    schema: jobStatusEnvelopeSchema,
  });
  return body.job_status;
}

export async function destroyOrganizationMembershipsJob(ids: readonly number[]): Promise<JobStatus> {
  const body = await apiRequest(`/api/v2/organization_memberships/destroy_many?ids=${ids.join(',')}`, {
    method: 'DELETE',
    schema: jobStatusEnvelopeSchema,
  });
  return body.job_status;
}
