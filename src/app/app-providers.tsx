import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import type { BulkEngine } from '../lib/bulk-operations/bulk-engine.ts';
import { BulkEngineProvider } from '../lib/bulk-operations/use-bulk-operations.ts';
import type { createAppRouter } from './router.tsx';

export function AppProviders({
  queryClient,
  engine,
  router,
}: {
  queryClient: QueryClient;
  engine: BulkEngine;
  router: ReturnType<typeof createAppRouter>;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <BulkEngineProvider engine={engine}>
        <RouterProvider router={router} />
      </BulkEngineProvider>
    </QueryClientProvider>
  );
}
