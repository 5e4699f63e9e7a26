import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { FirstViewPage } from './ssr/first-view-renderer.ts';
import { staticSpa } from './static-spa.ts';

const dist = mkdtempSync(join(tmpdir(), 'roster-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Roster</title>');
writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
const script = `export const rows = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `Member ${i}`))};`;
writeFileSync(join(dist, 'assets', 'rows-def456.js'), script);
writeFileSync(join(dist, 'assets', 'rows-def456.js.br'), brotliCompressSync(script));
writeFileSync(join(dist, 'assets', 'rows-def456.js.gz'), gzipSync(script));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('staticSpa', () => {
  const app = staticSpa(dist);

  it('caches hashed assets for a year', async () => {
    const response = await app.request('/assets/app-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing asset with 404, never with the page', async () => {
    const response = await app.request('/assets/app-old999.js');
    expect(response.status).toBe(404);
  });

  it('answers deep links with index.html, revalidated on every load', async () => {
    for (const path of ['/', '/groups/360000001', '/jobs/op_1']) {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Roster</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('sends the build’s brotli or gzip copy of an asset, as the browser accepts, and the plain file otherwise', async () => {
    const brotli = await app.request('/assets/rows-def456.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString()).toBe(script);

    const gzip = await app.request('/assets/rows-def456.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(script);

    const plain = await app.request('/assets/rows-def456.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('gzips a rendered page for a browser that accepts it', async () => {
    const html = `<!doctype html><title>Roster</title><table>${'<tr><td>Member</td></tr>'.repeat(200)}</table>`;
    const page: FirstViewPage = async (c) => c.html(html);
    const rendered = staticSpa(dist, Promise.resolve(page));
    const gzipped = await rendered.request('/groups/1', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString()).toBe(html);
    const plain = await rendered.request('/groups/1');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(html);
  });

  it('does not turn a missing file with an extension into the page', async () => {
    expect((await app.request('/robots.txt')).status).toBe(404);
  });
});
