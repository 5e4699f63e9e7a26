import type { QueryClient } from '@tanstack/react-query';
import { organizationMembersQueryOptions } from '../../api/organization-memberships.ts';
import { organizationMemberCountQueryOptions, organizationQueryOptions } from '../../api/organizations.ts';
import { parseRecordId } from '../../lib/parse-record-id.ts';

/** As `prefetchGroupPage`: the organization page's first requests start from its route's loader. */
export function prefetchOrganizationPage(
  queryClient: QueryClient,
  organizationIdParam: string | undefined,
): void {
  const organizationId = parseRecordId(organizationIdParam);
  if (organizationId === undefined) return;
  void queryClient.prefetchQuery(organizationQueryOptions(organizationId));
  void queryClient.prefetchQuery(organizationMemberCountQueryOptions(organizationId));
  void queryClient.prefetchInfiniteQuery(organizationMembersQueryOptions(organizationId));
}
