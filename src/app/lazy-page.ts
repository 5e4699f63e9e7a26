import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/** A route's `handle` naming the module of its page, as a path from the project root. */
export type PageHandle = { pageModule: string };

/**
 * The part of a route that loads its page on demand. `module` is the file `load` imports, from the
 * project root (router.test.ts checks the two agree): the server's first view lists that module's
 * chunks in the page, so the browser fetches them alongside the entry instead of after it.
 */
export function lazyPage(
  module: string,
  load: () => Promise<ComponentType>,
): Required<Pick<RouteObject, 'lazy' | 'handle'>> {
  const handle: PageHandle = { pageModule: module };
  return { handle, lazy: async () => ({ Component: await load() }) };
}

/** The page module a route's `handle` names, if any. */
export function pageModuleOf(handle: unknown): string | undefined {
  if (typeof handle !== 'object' || handle === null || !('pageModule' in handle)) return undefined;
  return typeof handle.pageModule === 'string' ? handle.pageModule : undefined;
}
