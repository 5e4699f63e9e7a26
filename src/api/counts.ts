import { queryOptions } from '@tanstack/react-query';
import { countSchema } from '../contract/count.ts';
import { apiRequest } from './api-client.ts';

export type CountedResource = 'groups' | 'organizations' | 'agents';

const COUNT_PATHS: Record<CountedResource, string> = {
  groups: '/api/v2/groups/count?exclude_deleted=true',
  organizations: '/api/v2/organizations/count',
  agents: '/api/v2/users/count?role[]=agent&role[]=admin',
};

export const countKeys = {
  all: ['count'] as const,
  of: (resource: CountedResource) => [...countKeys.all, resource] as const,
};

export const countQueryOptions = (resource: CountedResource) =>
  queryOptions({
    queryKey: countKeys.of(resource),
    queryFn: ({ signal }) =>
      apiRequest(COUNT_PATHS[resource], { schema: countSchema, signal }).then((b) => b.count.value),
  });
