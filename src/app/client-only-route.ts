/**
 * A route `handle` for a route the server does not render: one whose first view only redirects
 * (the browser knows the destination without rendering anything), and the membership grid, which
 * streams its cells in and places them with inline styles the CSP refuses in the server's HTML.
 */
export const CLIENT_ONLY_ROUTE = { clientOnly: true } as const;

export function isClientOnlyRoute(handle: unknown): boolean {
  return (
    typeof handle === 'object' && handle !== null && 'clientOnly' in handle && handle.clientOnly === true
  );
}
