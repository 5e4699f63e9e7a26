import type { QueryClient } from '@tanstack/react-query';
import { type OperationListFilters, operationsQueryOptions } from '../api/roster-operations.ts';
import { parseRecordId } from '../lib/parse-record-id.ts';

/**
 * What every signed-in page shows besides its own content and no page's prefetch starts: the
 * tray's list of the person's bulk operations (components/operations/use-tray-operations.ts).
 * Started from the shell's loader, so the server's first view renders once, with it.
 */
export function prefetchShell(queryClient: QueryClient): void {
  void queryClient.prefetchInfiniteQuery(operationsQueryOptions({ who: 'mine', source: 'bulk' }, 20));
}

/**
 * The bulk operations a group's or organization's page shows above its members
 * (components/operations/scoped-operations.tsx, as components/members/members-section.tsx scopes it).
 */
export function prefetchScopedOperations(
  queryClient: QueryClient,
  scope: 'group_id' | 'organization_id',
  idParam: string | undefined,
): void {
  const id = parseRecordId(idParam);
  if (id === undefined) return;
  const filters: OperationListFilters = { [scope]: String(id), source: 'bulk' };
  void queryClient.prefetchInfiniteQuery(operationsQueryOptions(filters, 10));
}

/**
 * A loader's work when its page's prefetch is imported as the route is entered (so those queries'
 * modules stay off the entry script): a failed import costs only the head start, since the page
 * asks for its own data, and must not turn the navigation into the route's error page.
 */
export async function prefetchOnEntry(prefetch: () => Promise<void>): Promise<null> {
  try {
    await prefetch();
  } catch {
    // The page reads what it needs itself.
  }
  return null;
}
