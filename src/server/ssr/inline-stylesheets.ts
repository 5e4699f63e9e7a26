import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built page's stylesheets, put into the page itself, and what the CSP must allow for them. */
export type InlineStylesheets = {
  /** The page with each of the build's stylesheet links replaced by a `<style>` holding the file. */
  inline: (html: string) => string;
  /**
   * The `<style>` holding one of the build's stylesheets, e.g. `assets/user-page-Ab1.css`: a route's
   * own CSS, which its chunk brings in the browser, goes into a page rendered on the server this way.
   */
  styleOf: (file: string) => string | undefined;
  /** `'sha256-…'` of each `<style>` (CSP `style-src`), so no other inline style is allowed. */
  hashes: string[];
};

/** A stylesheet link as Vite writes it into index.html, e.g. `<link rel="stylesheet" crossorigin href="/assets/index-BX81.css">`. */
const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*? href="\/(assets\/[\w.-]+\.css)"[^>]*>/g;

/**
 * Reads the build's stylesheets in `distDir` once, at start-up: those the built `index.html` links,
 * and each route's own (`assets/*.css`). With the rules in the page, its first paint waits for no
 * stylesheet request, which on a cold load comes back behind the scripts. Without a build (tests
 * with a hand-made `dist/`), nothing changes.
 */
export function loadInlineStylesheets(distDir: string): InlineStylesheets {
  const templateFile = join(distDir, 'index.html');
  if (!existsSync(templateFile)) return { inline: (html) => html, styleOf: () => undefined, hashes: [] };
  const files = new Map<string, string>();
  const assets = join(distDir, 'assets');
  const built = existsSync(assets) ? readdirSync(assets).filter((name) => name.endsWith('.css')) : [];
  for (const name of built) files.set(`assets/${name}`, readStylesheet(distDir, `assets/${name}`));
  const links = new Map<string, string>();
  for (const [link, file] of readFileSync(templateFile, 'utf8').matchAll(STYLESHEET_LINK)) {
    if (file === undefined) continue;
    links.set(link, files.get(file) ?? readStylesheet(distDir, file));
  }
  return {
    inline: (html) => html.replace(STYLESHEET_LINK, (link) => styleElement(links.get(link)) ?? link),
    styleOf: (file) => styleElement(files.get(file)),
    hashes: [...new Set([...links.values(), ...files.values()])].map(cspHash),
  };
}

function readStylesheet(distDir: string, file: string): string {
  const css = readFileSync(join(distDir, file), 'utf8');
  // Our own build's CSS; a `</style` in it would end the element early and show the rest as text.
  if (/<\/style/i.test(css)) throw new Error(`${file} holds "</style" and cannot go into the page`);
  return css;
}

function styleElement(css: string | undefined): string | undefined {
  return css === undefined ? undefined : `<style>${css}</style>`;
}

/** The CSP source that allows a `<style>` whose text is exactly `css`. */
export function cspHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}
