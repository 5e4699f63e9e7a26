import { infiniteQueryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { organizationMembershipSchema } from '../contract/organization-membership.ts';
import { userSchema } from '../contract/user.ts';
import { apiRequest } from './api-client.ts';
import { cursorPageOf } from './cursor-pagination.ts';
import { cursorWindow, fetchPlacedPage, type Placed } from './cursor-window.ts';

export const organizationMembershipKeys = {
  all: ['organization-memberships'] as const,
  lists: () => [...organizationMembershipKeys.all, 'list'] as const,
  ofOrganization: (organizationId: number) =>
    [...organizationMembershipKeys.lists(), { organizationId }] as const,
  /** The membership grid's reading of these organizations' lists. */
  grid: (organizationIds: number[]) => [...organizationMembershipKeys.all, 'grid', organizationIds] as const,
  makeDefault: () => [...organizationMembershipKeys.all, 'make-default'] as const,
};

/** A page of an organization's members with the users sideloaded. */
const memberPageSchema = z.extend(cursorPageOf('organization_memberships', organizationMembershipSchema), {
  users: z._default(z.array(userSchema), []),
});
export type OrganizationMemberPage = Placed<z.infer<typeof memberPageSchema>>;

/** A window of the organization's member pages (see `cursorWindow`). */
export const organizationMembersQueryOptions = (organizationId: number) =>
  infiniteQueryOptions({
    queryKey: organizationMembershipKeys.ofOrganization(organizationId),
    queryFn: ({ pageParam, signal }) =>
      fetchPlacedPage(
        pageParam,
        { include: 'users' },
        (query) =>
          apiRequest(`/api/v2/organizations/${organizationId}/organization_memberships?${query}`, {
            schema: memberPageSchema,
            signal,
          }),
        (page) => page.organization_memberships.length,
      ),
    ...cursorWindow<OrganizationMemberPage>(),
  });
