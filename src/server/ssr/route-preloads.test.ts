import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRoutePreloads } from './route-preloads.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const PAGE = 'src/features/sign-in/sign-in-page.tsx';

/** A build's manifest as Vite writes it: the entry with its CSS, and a page chunk with its own. */
function builtDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'roster-preloads-'));
  dirs.push(dist);
  mkdirSync(join(dist, '.vite'), { recursive: true });
  const manifest = {
    'index.html': { file: 'assets/index-A.js', isEntry: true, css: ['assets/index-A.css'] },
    [PAGE]: {
      file: 'assets/sign-in-page-B.js',
      imports: ['index.html', '_form-C.js'],
      css: ['assets/sign-in-page-B.css'],
    },
    '_form-C.js': { file: 'assets/form-C.js' },
  };
  writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
  return dist;
}

describe('loadRoutePreloads', () => {
  it("links a page's chunks and its stylesheet, leaving out what the entry brings", () => {
    const links = loadRoutePreloads(builtDist())([PAGE]);
    expect(links).toBe(
      '<link rel="stylesheet" crossorigin href="/assets/sign-in-page-B.css">' +
        '<link rel="modulepreload" crossorigin href="/assets/sign-in-page-B.js">' +
        '<link rel="modulepreload" crossorigin href="/assets/form-C.js">',
    );
  });

  it("puts a page's stylesheet into the page, and preloads the file its chunk will ask for", () => {
    const styleOf = (file: string) =>
      file === 'assets/sign-in-page-B.css' ? '<style>.card{}</style>' : undefined;
    const links = loadRoutePreloads(builtDist(), styleOf)([PAGE]);
    expect(links).toContain(
      '<style>.card{}</style><link rel="preload" as="style" crossorigin href="/assets/sign-in-page-B.css">',
    );
    expect(links).not.toContain('rel="stylesheet"');
    expect(links).not.toContain('index-A');
  });

  it('links nothing without a build manifest', () => {
    expect(loadRoutePreloads(join(tmpdir(), 'roster-no-such-dist'))([PAGE])).toBe('');
  });
});
