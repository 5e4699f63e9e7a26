import { FIRST_VIEW_SCRIPTS_ID, isBuiltScript } from './contract/first-view-scripts.ts';

/*
 * The one script a page the server rendered names (src/server/ssr/page-scripts.ts). A module script
 * runs once the document is parsed, and this one fetches the SPA only then: the browser parses and
 * paints the server's rows without compiling some 420 kB of JavaScript beside them, which on a
 * two-core machine put the first rows a third later. The entry and the route's chunks are then
 * fetched at once, and the entry hydrates the page as it would have.
 */
const listed: unknown = JSON.parse(document.getElementById(FIRST_VIEW_SCRIPTS_ID)?.textContent ?? '[]');
const scripts = Array.isArray(listed) ? listed.filter(isBuiltScript) : [];
const [entry] = scripts;
if (entry === undefined) throw new Error(`The page lists no scripts in #${FIRST_VIEW_SCRIPTS_ID}`);
for (const href of scripts) {
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  // As the entry's own script tag would fetch it, so the import below finds the response ready.
  link.crossOrigin = 'anonymous';
  link.href = href;
  document.head.append(link);
}
import(/* @vite-ignore */ entry).catch((error: unknown) => {
  // Without the SPA the page stays as the server sent it: its links still work as plain page loads
  // once it is no longer inert, which beats a page that ignores every click.
  document.getElementById('root')?.removeAttribute('inert');
  throw error;
});
