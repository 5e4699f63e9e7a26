import { queryOptions } from '@tanstack/react-query';
import { userEnvelopeSchema } from '../contract/user.ts';
import { apiRequest } from './api-client.ts';

export const currentUserKeys = { all: ['current-user'] as const };

export const currentUserQueryOptions = () =>
  queryOptions({
    queryKey: currentUserKeys.all,
    queryFn: ({ signal }) =>
      apiRequest('/api/v2/users/me', { schema: userEnvelopeSchema, signal }).then((body) => body.user),
    staleTime: 5 * 60_000,
  });
