import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_VIEW_SCRIPTS_ID } from '../../contract/first-view-scripts.ts';
import { loadPageScripts } from './page-scripts.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const PAGE = 'src/features/groups/group-page.tsx';
const OTHER_PAGE = 'src/features/users/users-page.tsx';
const ENTRY_TAG = '<script type="module" crossorigin src="/assets/index-A.js"></script>';
const TEMPLATE = `<!doctype html><html><head>${ENTRY_TAG}</head><body><div id="root"></div></body></html>`;

type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[] };

/** A build's manifest as Vite writes it: the entry, the boot script, two pages sharing a table chunk. */
const MANIFEST: Record<string, ManifestChunk> = {
  'index.html': { file: 'assets/index-A.js', isEntry: true },
  'src/first-view-boot.ts': { file: 'assets/first-view-boot-B.js', isEntry: true },
  [PAGE]: { file: 'assets/group-page-C.js', imports: ['index.html', '_data-table-D.js', '_dates-E.js'] },
  [OTHER_PAGE]: { file: 'assets/users-page-F.js', imports: ['index.html', '_data-table-D.js'] },
  '_data-table-D.js': { file: 'assets/data-table-D.js', imports: ['index.html', '_dates-E.js'] },
  '_dates-E.js': { file: 'assets/dates-E.js', imports: ['index.html'] },
  'style.css': { file: 'assets/style-G.css' },
};

function builtDist(manifest: Record<string, ManifestChunk> = MANIFEST): string {
  const dist = mkdtempSync(join(tmpdir(), 'roster-page-scripts-'));
  dirs.push(dist);
  mkdirSync(join(dist, '.vite'), { recursive: true });
  writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
  return dist;
}

function listedScripts(page: string): unknown {
  const block = new RegExp(`<script type="application/json" id="${FIRST_VIEW_SCRIPTS_ID}">(.*?)</script>`);
  return JSON.parse(block.exec(page)?.[1] ?? 'null');
}

describe('loadPageScripts', () => {
  it("swaps the entry's script tag for the boot script, which the page lists the entry and the route's chunks for", () => {
    const page = loadPageScripts(builtDist(), TEMPLATE)(TEMPLATE, [PAGE]);
    expect(page).not.toContain(ENTRY_TAG);
    expect(page).toContain('<script type="module" crossorigin src="/assets/first-view-boot-B.js"></script>');
    expect(listedScripts(page)).toEqual([
      '/assets/index-A.js',
      '/assets/group-page-C.js',
      '/assets/data-table-D.js',
      '/assets/dates-E.js',
    ]);
    expect(page).not.toContain('modulepreload');
  });

  it('lists only what the route loads, whatever was asked before', () => {
    const scripts = loadPageScripts(builtDist(), TEMPLATE);
    scripts(TEMPLATE, [PAGE]);
    expect(listedScripts(scripts(TEMPLATE, [OTHER_PAGE]))).toEqual([
      '/assets/index-A.js',
      '/assets/users-page-F.js',
      '/assets/data-table-D.js',
      '/assets/dates-E.js',
    ]);
    expect(listedScripts(scripts(TEMPLATE, []))).toEqual(['/assets/index-A.js']);
  });

  it('leaves the page alone without a build manifest', () => {
    const scripts = loadPageScripts(join(tmpdir(), 'roster-no-such-dist'), TEMPLATE);
    expect(scripts(TEMPLATE, [PAGE])).toBe(TEMPLATE);
  });

  it('refuses a build without the boot script, or a template without the entry it names', () => {
    const { 'src/first-view-boot.ts': _boot, ...withoutBoot } = MANIFEST;
    expect(() => loadPageScripts(builtDist(withoutBoot), TEMPLATE)).toThrow(
      /no src\/first-view-boot\.ts entry/,
    );
    expect(() => loadPageScripts(builtDist(), TEMPLATE.replace(ENTRY_TAG, ''))).toThrow(/has no <script/);
  });

  it('refuses a boot script that imports another chunk, which would run it on every page', () => {
    const bundled = {
      ...MANIFEST,
      'src/first-view-boot.ts': { file: 'assets/first-view-boot-B.js', imports: ['index.html'] },
    };
    expect(() => loadPageScripts(builtDist(bundled), TEMPLATE)).toThrow(/must import nothing/);
  });

  it('refuses a manifest naming a script outside the build’s assets', () => {
    const odd = { ...MANIFEST, '_x.js': { file: 'assets/x"></script><script>alert(1)//.js' } };
    expect(() => loadPageScripts(builtDist(odd), TEMPLATE)).toThrow(/outside assets/);
  });
});
