import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { countSchema } from '../contract/count.ts';
import { organizationEnvelopeSchema, organizationSchema } from '../contract/organization.ts';
import { apiRequest } from './api-client.ts';
import type { CursorPageParam } from './cursor-pagination.ts';
import { fetchAllPages, fetchNamedListPage } from './named-list.ts';

export const organizationKeys = {
  all: ['organizations'] as const,
  lists: () => [...organizationKeys.all, 'list'] as const,
  list: (filters: { name: string }) => [...organizationKeys.lists(), filters] as const,
  details: () => [...organizationKeys.all, 'detail'] as const,
  detail: (id: number) => [...organizationKeys.details(), id] as const,
  memberCount: (id: number) => [...organizationKeys.detail(id), 'member-count'] as const,
  /** The Organizations list's count, read in batches through Roster (see organization-member-counts.ts). */
  listedMemberCount: (id: number) => [...organizationKeys.detail(id), 'listed-member-count'] as const,
  count: () => [...organizationKeys.all, 'count'] as const,
  /** Names for one page of people's organizations, keyed by that page's ids alone. */
  byIds: (ids: readonly number[]) =>
    [...organizationKeys.all, 'by-ids', [...ids].sort((a, b) => a - b)] as const,
  /** Every organization in one plain list (not the paged infinite list), for multi-pickers. */
  every: () => [...organizationKeys.all, 'every'] as const,
};

const countOf = (path: string, signal: AbortSignal) =>
  apiRequest(path, { schema: countSchema, signal }).then((body) => body.count.value);

export const organizationCountQueryOptions = () =>
  queryOptions({
    queryKey: organizationKeys.count(),
    queryFn: ({ signal }) => countOf('/api/v2/organizations/count', signal),
  });

/** All organizations, or those whose name starts with `name`. */
export const organizationsQueryOptions = (filters: { name: string }) =>
  infiniteQueryOptions({
    queryKey: organizationKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      fetchNamedListPage({
        resource: 'organizations',
        item: organizationSchema,
        name: filters.name,
        pageParam,
        signal,
      }),
    initialPageParam: undefined as CursorPageParam,
    getNextPageParam: (page) => page.next,
  });

export const organizationQueryOptions = (id: number) =>
  queryOptions({
    queryKey: organizationKeys.detail(id),
    queryFn: ({ signal }) =>
      apiRequest(`/api/v2/organizations/${id}`, { schema: organizationEnvelopeSchema, signal }).then(
        (body) => body.organization,
      ),
  });

export const organizationMemberCountQueryOptions = (id: number) =>
  queryOptions({
    queryKey: organizationKeys.memberCount(id),
    queryFn: ({ signal }) => countOf(`/api/v2/organizations/${id}/users/count`, signal),
  });

const organizationListSchema = z.looseObject({ organizations: z.array(organizationSchema) });

/** Names for the organizations a page of people points at: one `show_many` per 100 ids. */
export const organizationsByIdsQueryOptions = (ids: readonly number[]) =>
  queryOptions({
    queryKey: organizationKeys.byIds(ids),
    queryFn: async ({ signal }) => {
      const organizations = [];
      for (let start = 0; start < ids.length; start += 100) {
        const chunk = ids.slice(start, start + 100);
        const body = await apiRequest(`/api/v2/organizations/show_many?ids=${chunk.join(',')}`, {
          schema: organizationListSchema,
          signal,
        });
        organizations.push(...body.organizations);
      }
      return organizations;
    },
    enabled: ids.length > 0,
    staleTime: 5 * 60_000,
  });

/** The organizations the people of one page point at, each once. */
export function organizationIdsOf(people: readonly { organization_id: number | null }[]): number[] {
  return [
    ...new Set(people.flatMap((person) => (person.organization_id === null ? [] : [person.organization_id]))),
  ];
}

/**
 * One names query per page of people, keyed by that page's ids: a page loaded later asks for its
 * own organizations only, and the pages before keep their queries (and their cached answers).
 */
export const organizationsOfPagesQueryOptions = (
  pages: readonly { items: readonly { organization_id: number | null }[] }[],
) => pages.map((page) => organizationsByIdsQueryOptions(organizationIdsOf(page.items)));

/** Every organization, for pickers that choose several at once. */
export const allOrganizationsQueryOptions = () =>
  queryOptions({
    queryKey: organizationKeys.every(),
    queryFn: ({ signal }) =>
      fetchAllPages('/api/v2/organizations', 'organizations', organizationSchema, signal),
    staleTime: 5 * 60_000,
  });
