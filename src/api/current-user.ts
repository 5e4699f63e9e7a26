import { queryOptions } from '@tanstack/react-query';
import { userEnvelopeSchema } from '../contract/user.ts';
import { fetchJson } from './fetch-json.ts';

export const currentUserKeys = { all: ['current-user'] as const };

export const currentUserQueryOptions = () =>
  queryOptions({
    queryKey: currentUserKeys.all,
    queryFn: ({ signal }) =>
      fetchJson('/api/v2/users/me', userEnvelopeSchema, signal).then((body) => body.user),
    staleTime: 5 * 60_000,
  });
