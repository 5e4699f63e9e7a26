import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { apiRequest } from './api-client.ts';

const connectionSchema = z.object({
  connection: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('sandbox') }),
    z.object({ kind: z.literal('zendesk'), host: z.string() }),
  ]),
});

export const connectionQueryOptions = () =>
  queryOptions({
    queryKey: ['connection'] as const,
    queryFn: ({ signal }) =>
      apiRequest('/roster/connection', { schema: connectionSchema, signal }).then((b) => b.connection),
    staleTime: Number.POSITIVE_INFINITY,
  });
