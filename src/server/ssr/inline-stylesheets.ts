import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built page's stylesheets, put into the page itself, and what the CSP must allow for them. */
export type InlineStylesheets = {
  /** The page with each of the build's stylesheet links replaced by a `<style>` holding the file. */
  inline: (html: string) => string;
  /** `'sha256-…'` of each `<style>` (CSP `style-src`), so no other inline style is allowed. */
  hashes: string[];
};

/** A stylesheet link as Vite writes it into index.html, e.g. `<link rel="stylesheet" crossorigin href="/assets/style-BX81.css">`. */
const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*? href="\/(assets\/[\w.-]+\.css)"[^>]*>/g;

/**
 * Reads the stylesheets the built `index.html` in `distDir` links, once, at start-up. With the
 * rules in the page, its first paint waits for no stylesheet request, which on a cold load comes
 * back behind the scripts; the build writes every route's rules into that one stylesheet
 * (`cssCodeSplit: false` in vite.config.ts). Without a build (tests with a hand-made `dist/`),
 * nothing changes.
 */
export function loadInlineStylesheets(distDir: string): InlineStylesheets {
  const templateFile = join(distDir, 'index.html');
  if (!existsSync(templateFile)) return { inline: (html) => html, hashes: [] };
  const styles = new Map<string, string>();
  for (const [link, file] of readFileSync(templateFile, 'utf8').matchAll(STYLESHEET_LINK)) {
    if (file !== undefined) styles.set(link, readStylesheet(distDir, file));
  }
  return {
    inline: (html) =>
      html.replace(STYLESHEET_LINK, (link) => {
        const css = styles.get(link);
        return css === undefined ? link : `<style>${css}</style>`;
      }),
    hashes: [...new Set(styles.values())].map(cspHash),
  };
}

function readStylesheet(distDir: string, file: string): string {
  const css = readFileSync(join(distDir, file), 'utf8');
  // Our own build's CSS; a `</style` in it would end the element early and show the rest as text.
  if (/<\/style/i.test(css)) throw new Error(`${file} holds "</style" and cannot go into the page`);
  return css;
}

/** The CSP source that allows a `<style>` whose text is exactly `css`. */
export function cspHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}
