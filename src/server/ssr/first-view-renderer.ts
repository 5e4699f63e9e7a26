import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'hono';
import type { FirstViewModule, FirstViewTiming } from '../../contract/first-view.ts';
import type { InlineStylesheets } from './inline-stylesheets.ts';
import { loadPageScripts } from './page-scripts.ts';

/** Answers a page request with its first view rendered, or with the plain shell. */
export type FirstViewPage = (c: Context) => Promise<Response>;

export type FirstViewOptions = {
  /** The built SPA: its `index.html` is the template the first view goes into. */
  distDir: string;
  /** The server build of src/entry-server.tsx (`npm run build` writes it). */
  ssrDir: string;
  /** The server's own routes, called in-process for the page's data. */
  fetch: (request: Request) => Response | Promise<Response>;
  /** How long a render waits for the upstream (SSR_TIMEOUT_MS). */
  timeoutMs: number;
  /** The build's stylesheets, put into every page this sends (shell or rendered). */
  stylesheets?: InlineStylesheets;
  log?: (line: string) => void;
};

const ROOT = '<div id="root"></div>';

/**
 * Loads the server build of the SPA's entry, or answers undefined when there is none (a build from
 * before server rendering, or tests that serve a hand-made `dist/`): pages are then the plain shell.
 */
export async function loadFirstViewPage(options: FirstViewOptions): Promise<FirstViewPage | undefined> {
  const entry = join(options.ssrDir, 'entry-server.js');
  const templateFile = join(options.distDir, 'index.html');
  if (!existsSync(entry) || !existsSync(templateFile)) return undefined;
  const built = readFileSync(templateFile, 'utf8');
  const template = options.stylesheets ? options.stylesheets.inline(built) : built;
  if (!template.includes(ROOT)) throw new Error(`${templateFile} has no empty ${ROOT} to render into`);
  const scripts = loadPageScripts(options.distDir, template);
  const module = (await import(pathToFileURL(entry).href)) as FirstViewModule;
  const shell = (c: Context) => c.html(template, 200, { 'Cache-Control': 'no-store' });

  return async (c) => {
    const origin = new URL(c.req.url).origin;
    const cookie = c.req.header('cookie');
    const host = c.req.header('host');
    let view: Awaited<ReturnType<FirstViewModule['renderFirstView']>>;
    try {
      view = await module.renderFirstView({
        request: c.req.raw,
        timeoutMs: options.timeoutMs,
        send: async (path, init) => {
          const headers = new Headers(init.headers);
          if (cookie) headers.set('cookie', cookie);
          // As if the browser had asked: the host allowlist and the session see the same request.
          if (host) headers.set('host', host);
          return options.fetch(new Request(new URL(path, origin), { ...init, headers }));
        },
      });
    } catch (error) {
      // A page that cannot render on the server still works: the SPA renders it in the browser.
      options.log?.(`first render of ${new URL(c.req.url).pathname} failed: ${String(error)}`);
      return shell(c);
    }
    if (view.kind === 'redirect') return c.redirect(view.location, 302);
    if (view.kind === 'shell') return shell(c);
    // Inert until hydrated (main.tsx lifts it): a click before then would reach markup with no handlers.
    const page = scripts(template, view.modules).replace(
      ROOT,
      () => `<div id="root" inert>${view.html}</div>${view.stateScript}`,
    );
    // The page holds this person's data now: no cache keeps it for anyone else, or for later.
    return c.html(page, 200, { 'Cache-Control': 'no-store', 'Server-Timing': serverTiming(view.timings) });
  };
}

/** E.g. `data;dur=12.3, render;dur=8.1;desc="1 pass"`: where the server spent the page's time. */
function serverTiming(timings: readonly FirstViewTiming[]): string {
  return timings
    .map(
      ({ name, ms, count }) =>
        `${name};dur=${ms.toFixed(1)}${name === 'render' ? `;desc="${count} pass"` : ''}`,
    )
    .join(', ');
}
