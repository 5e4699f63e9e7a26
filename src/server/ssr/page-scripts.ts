import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FIRST_VIEW_SCRIPTS_ID } from '../../contract/first-view-scripts.ts';

/** What the client build's manifest (`build.manifest` in vite.config.ts) says about each chunk. */
const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    imports: z.array(z.string()).optional(),
  }),
);

type Manifest = z.infer<typeof manifestSchema>;

/** The manifest's keys for the SPA's entry and for the script that loads it on a rendered page. */
const ENTRY = 'index.html';
const BOOT = 'src/first-view-boot.ts';
/** Our own build's hashed names; anything else in the manifest is refused, so nothing needs escaping. */
const BUILT_SCRIPT = /^assets\/[\w.-]+\.js$/;

/** A rendered page (the template with its first view) given the scripts for a route that loads `modules`. */
export type PageScripts = (page: string, modules: readonly string[]) => string;

/**
 * Reads the manifest of the build in `distDir` once. A rendered page goes without the entry's
 * script tag: it names src/first-view-boot.ts instead, with a data block listing the entry and
 * the chunks of the route's page modules (paths from the project root), which the boot script
 * fetches once the page is parsed. Without a manifest (a hand-made `dist/` in tests) pages keep
 * the template's own script tag.
 */
export function loadPageScripts(distDir: string, template: string): PageScripts {
  const file = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(file)) return (page) => page;
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const entry = manifest[ENTRY];
  const boot = manifest[BOOT];
  if (!entry || !boot) throw new Error(`${file} has no ${entry ? BOOT : ENTRY} entry: run npm run build`);
  // Were the boot chunk to import (the entry's chunk, say), it would run again on every shell page.
  if (boot.imports?.length) throw new Error(`${file}: ${boot.file} must import nothing (see vite.config.ts)`);
  const odd = Object.values(manifest).find(
    (chunk) => /\.js$/.test(chunk.file) && !BUILT_SCRIPT.test(chunk.file),
  );
  if (odd) throw new Error(`${file} names a script outside assets/: ${odd.file}`);
  const entryTag = `<script type="module" crossorigin src="/${entry.file}"></script>`;
  if (!template.includes(entryTag)) throw new Error(`the built index.html has no ${entryTag}`);
  const cache = new Map<string, string>();
  return (page, modules) => {
    const key = modules.join('\n');
    const tags =
      cache.get(key) ??
      `<script type="module" crossorigin src="/${boot.file}"></script>${scriptList(manifest, modules)}`;
    cache.set(key, tags);
    return page.replace(entryTag, () => tags);
  };
}

/** The data block src/first-view-boot.ts reads: the entry's files first, then the route's. */
function scriptList(manifest: Manifest, modules: readonly string[]): string {
  const keys = staticClosure(manifest, ENTRY);
  for (const module of modules) staticClosure(manifest, module, keys);
  const files = [...keys].flatMap((key) => {
    const chunk = manifest[key];
    return chunk && BUILT_SCRIPT.test(chunk.file) ? [`/${chunk.file}`] : [];
  });
  return `<script type="application/json" id="${FIRST_VIEW_SCRIPTS_ID}">${JSON.stringify(files)}</script>`;
}

function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key) || !manifest[key]) return into;
  into.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(manifest, imported, into);
  return into;
}
