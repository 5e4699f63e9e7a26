import { join } from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { pageModuleOf } from './lazy-page.ts';
import { appRoutes } from './router.tsx';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

function routesWithPages(routes: RouteObject[]): RouteObject[] {
  return routes.flatMap((route) => [
    ...(pageModuleOf(route.handle) ? [route] : []),
    ...routesWithPages(route.children ?? []),
  ]);
}

describe('lazyPage', () => {
  it('names, for every route page, the module its lazy import loads', async () => {
    const routes = routesWithPages(appRoutes(new QueryClient()));
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const module = pageModuleOf(route.handle) ?? '';
      if (typeof route.lazy !== 'function') throw new Error(`${module}: the route loads nothing`);
      const { Component } = (await route.lazy()) as { Component: unknown };
      const exported: Record<string, unknown> = await import(join(PROJECT_ROOT, module));
      expect({ module, found: Object.values(exported).includes(Component) }).toEqual({
        module,
        found: true,
      });
    }
  });
});
