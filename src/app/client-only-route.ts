/**
 * A route `handle` for a route whose first view only redirects: the server sends it the page shell
 * and leaves the redirect to the browser, which knows the destination without rendering anything.
 */
export const CLIENT_ONLY_ROUTE = { clientOnly: true } as const;

export function isClientOnlyRoute(handle: unknown): boolean {
  return (
    typeof handle === 'object' && handle !== null && 'clientOnly' in handle && handle.clientOnly === true
  );
}
