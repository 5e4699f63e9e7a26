import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadInlineStylesheets } from './inline-stylesheets.ts';

const LINK = '<link rel="stylesheet" crossorigin href="/assets/index-Ab1_x.css">';
const CSS = ':root{color-scheme:light dark}body{font-size:14px}.name::after{content:"é"}';
const PAGE = `<!doctype html><html><head><script type="module" crossorigin src="/assets/index-Q.js"></script>${LINK}</head><body><div id="root"></div></body></html>`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function builtDist(css = CSS, page = PAGE): string {
  const dist = mkdtempSync(join(tmpdir(), 'roster-styles-'));
  dirs.push(dist);
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), page);
  writeFileSync(join(dist, 'assets', 'index-Ab1_x.css'), css);
  return dist;
}

describe('loadInlineStylesheets', () => {
  it('puts the built stylesheet into the page in place of its link', () => {
    const { inline } = loadInlineStylesheets(builtDist());
    const page = inline(PAGE);
    expect(page).not.toContain('rel="stylesheet"');
    expect(page).toContain(`<style>${CSS}</style></head>`);
    expect(page).toContain('<script type="module" crossorigin src="/assets/index-Q.js"></script>');
  });

  it('answers the CSP hash of exactly the text of the style element it writes', () => {
    const { inline, hashes } = loadInlineStylesheets(builtDist());
    const text = /<style>([\s\S]*)<\/style>/.exec(inline(PAGE))?.[1] ?? '';
    const expected = createHash('sha256').update(text, 'utf8').digest('base64');
    expect(hashes).toEqual([`'sha256-${expected}'`]);
  });

  it('leaves a page alone when there is no build', () => {
    const stylesheets = loadInlineStylesheets(join(tmpdir(), 'roster-no-such-dist'));
    expect(stylesheets.inline(PAGE)).toBe(PAGE);
    expect(stylesheets.hashes).toEqual([]);
  });

  it('refuses a stylesheet that would end its style element early', () => {
    const dist = builtDist('.a::after{content:"</style><script>"}');
    expect(() => loadInlineStylesheets(dist)).toThrow(/cannot go into the page/);
  });
});
