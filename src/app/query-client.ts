import { QueryClient } from '@tanstack/react-query';

/**
 * `apiRequest` already retries reads on network failures and 5xx and waits out 429s; retrying again
 * here would multiply the attempts and delay the error state a person needs to see.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: false },
      mutations: { retry: false },
    },
  });
}
