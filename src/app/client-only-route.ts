/**
 * A route `handle` for a route the server does not render: one whose first view only redirects
 * (the browser knows the destination without rendering anything).
 */
export const CLIENT_ONLY_ROUTE = { clientOnly: true } as const;

export function isClientOnlyRoute(handle: unknown): boolean {
  return (
    typeof handle === 'object' && handle !== null && 'clientOnly' in handle && handle.clientOnly === true
  );
}
