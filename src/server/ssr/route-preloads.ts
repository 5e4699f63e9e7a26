import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** What the client build's manifest (`build.manifest` in vite.config.ts) says about each chunk. */
const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
    css: z.array(z.string()).optional(),
  }),
);

type Manifest = z.infer<typeof manifestSchema>;

/** The `<link>` tags that let the browser fetch a route's chunks while it fetches the entry. */
export type RoutePreloads = (modules: readonly string[]) => string;

/**
 * Reads the manifest of the build in `distDir` once. A page module's chunk, the chunks it imports
 * and its stylesheets become `modulepreload` and `stylesheet` links, except what the entry already
 * brings; without a manifest (a hand-made `dist/` in tests) pages get none. With `styleOf` (see
 * inline-stylesheets.ts), each stylesheet goes into the page as a `<style>`, so the first paint
 * waits for no request, plus a `preload` of the file: the chunk's loader adds the file's link as
 * the page hydrates and waits for it, and finds it fetched already.
 */
export function loadRoutePreloads(
  distDir: string,
  styleOf?: (file: string) => string | undefined,
): RoutePreloads {
  const file = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(file)) return () => '';
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  const inEntry = new Set(entries.flatMap((key) => [...staticClosure(manifest, key)]));
  const cache = new Map<string, string>();
  return (modules) => {
    const key = modules.join('\n');
    let links = cache.get(key);
    if (links === undefined) {
      links = linksFor(manifest, modules, inEntry, styleOf);
      cache.set(key, links);
    }
    return links;
  };
}

function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key) || !manifest[key]) return into;
  into.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

function linksFor(
  manifest: Manifest,
  modules: readonly string[],
  inEntry: ReadonlySet<string>,
  styleOf: ((file: string) => string | undefined) | undefined,
): string {
  const chunks = new Set<string>();
  for (const module of modules) staticClosure(manifest, module, chunks);
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const key of chunks) {
    if (inEntry.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) continue;
    scripts.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
  }
  // File names come from our own build (hashed, [\w.-]); `crossorigin` matches the entry's script
  // tag, so the browser reuses the preloaded response for the import.
  return [
    ...[...styles].map((css) => {
      const style = styleOf?.(css);
      return style === undefined
        ? `<link rel="stylesheet" crossorigin href="/${css}">`
        : `${style}<link rel="preload" as="style" crossorigin href="/${css}">`;
    }),
    ...[...scripts].map((js) => `<link rel="modulepreload" crossorigin href="/${js}">`),
  ].join('');
}
