import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staticSpa } from './static-spa.ts';

const dist = mkdtempSync(join(tmpdir(), 'roster-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Roster</title>');
writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
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

  it('does not turn a missing file with an extension into the page', async () => {
    expect((await app.request('/robots.txt')).status).toBe(404);
  });
});
