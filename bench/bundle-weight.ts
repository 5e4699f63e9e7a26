import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { PROJECT_ROOT } from './project-root.ts';

const BOX_GATE = 'src/features/box/box-account-gate.tsx';

/**
 * Every route of src/app/router.tsx that renders a page, with the lazy modules it loads before it
 * can show it (outermost first): the Box pages sit inside the Box workspace's account gate.
 */
const ROUTE_MODULES: Record<string, readonly string[]> = {
  '/groups': ['src/features/groups/groups-page.tsx'],
  '/groups/:id': ['src/features/groups/group-page.tsx'],
  '/organizations': ['src/features/organizations/organizations-page.tsx'],
  '/organizations/:id': ['src/features/organizations/organization-page.tsx'],
  '/users': ['src/features/users/users-page.tsx'],
  '/users/:id': ['src/features/users/user-page.tsx'],
  '/history': ['src/features/history/history-page.tsx'],
  '/history/:id': ['src/features/history/operation-detail-page.tsx'],
  '/history/zendesk-jobs/:id': ['src/features/history/zendesk-job-page.tsx'],
  '/box/groups': [BOX_GATE, 'src/features/box/box-groups-page.tsx'],
  '/box/groups/:id': [BOX_GATE, 'src/features/box/box-group-page.tsx'],
  '/box/users': [BOX_GATE, 'src/features/box/box-users-page.tsx'],
  '/box/users/:id': [BOX_GATE, 'src/features/box/box-user-page.tsx'],
  '/sign-in': ['src/features/sign-in/sign-in-page.tsx'],
};

/** Where `/` sends a person: the route a first visit loads. */
export const FIRST_ROUTE = '/groups';

export type RouteWeight = { route: string; bytes: number };

const DIST = join(PROJECT_ROOT, 'dist');

function chunksOf(output: Awaited<ReturnType<typeof build>>): Rolldown.OutputChunk[] {
  if (!Array.isArray(output) && !('output' in output)) throw new Error('vite build answered a watcher');
  const outputs = Array.isArray(output) ? output : [output];
  return outputs.flatMap((o) =>
    o.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk'),
  );
}

/**
 * Builds the SPA into dist/ and its server entry into dist-ssr/ (the server serves exactly these) and answers, per route, the
 * gzip-9 bytes of JavaScript it needs before it can render: the entry with its static imports, the
 * script that loads it on a page the server rendered, and the route's lazy chunks with their static imports. Chunks loaded later (dialogs, the job tray) do not count.
 */
export async function measureRouteWeights(): Promise<RouteWeight[]> {
  const chunks = chunksOf(await build({ root: PROJECT_ROOT, logLevel: 'warn' }));
  // The server renders each page's first view from this build of the same code (`npm run build`).
  await build({
    root: PROJECT_ROOT,
    logLevel: 'warn',
    build: { ssr: 'src/entry-server.tsx', outDir: 'dist-ssr' },
  });
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const gzipped = new Map<string, number>();
  const weigh = (file: string) => {
    let bytes = gzipped.get(file);
    if (bytes === undefined) {
      bytes = gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
      gzipped.set(file, bytes);
    }
    return bytes;
  };
  const staticClosure = (file: string, into: Set<string>) => {
    if (into.has(file)) return into;
    into.add(file);
    for (const imported of byFile.get(file)?.imports ?? []) staticClosure(imported, into);
    return into;
  };

  const entryOf = (module: string) =>
    chunks.find((chunk) => chunk.isEntry && chunk.facadeModuleId === join(PROJECT_ROOT, module));
  const entry = entryOf('index.html');
  const boot = entryOf('src/first-view-boot.ts');
  if (!entry || !boot) throw new Error('the build has no entry chunk, or no first-view boot script');
  // A rendered page runs the boot script, which loads the entry: both count on every route.
  const entryFiles = staticClosure(boot.fileName, staticClosure(entry.fileName, new Set()));
  const chunkOf = new Map(
    chunks.flatMap((chunk) =>
      chunk.isDynamicEntry && chunk.facadeModuleId
        ? [[relative(PROJECT_ROOT, chunk.facadeModuleId), chunk.fileName] as const]
        : [],
    ),
  );
  // A page that moved or was renamed must not drop out of the table unnoticed.
  const missing = Object.values(ROUTE_MODULES)
    .flat()
    .filter((module) => !chunkOf.has(module));
  if (missing.length > 0)
    throw new Error(`no lazy chunk found for ${[...new Set(missing)].join(', ')}: update ROUTE_MODULES`);
  return Object.entries(ROUTE_MODULES).map(([route, modules]) => {
    const files = new Set(entryFiles);
    for (const module of modules) staticClosure(chunkOf.get(module) ?? '', files);
    return { route, bytes: [...files].reduce((sum, f) => sum + weigh(f), 0) };
  });
}
