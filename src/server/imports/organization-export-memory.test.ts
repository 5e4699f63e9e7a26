import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Organization } from '../../contract/organization.ts';
import { MEGACORP_MEMBERS, MEGACORP_ORGANIZATION_NAME } from '../sandbox/seed/seed-scales.ts';
import { getJson } from '../testing/api-helpers.ts';
import { type SpawnedServer, spawnServer } from '../testing/spawned-server.ts';
import { prepareDataDir } from '../testing/test-server.ts';

/** The server process's resident memory now and at its peak (Linux: /proc). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

let server: SpawnedServer;

beforeAll(async () => {
  const dataDir = prepareDataDir(() => {}, 'large');
  server = await spawnServer({
    DATA_DIR: dataDir,
    SANDBOX_SEED_SCALE: 'large',
    SANDBOX_IDENTITY: 'admin',
    SANDBOX_RATE_LIMIT: '1000000',
    LOG_REQUESTS: 'false',
  });
}, 120_000);
afterAll(() => server?.kill('SIGTERM'));

it('streams a 200,000-member organization without the server holding the file in memory', async () => {
  const pid = server.child.pid as number;
  const found = await getJson<{ organizations: Organization[] }>(
    server,
    `/organizations/autocomplete?name=${encodeURIComponent(MEGACORP_ORGANIZATION_NAME)}`,
  );
  const megacorp = found.organizations.find((o) => o.name === MEGACORP_ORGANIZATION_NAME);
  if (!megacorp) throw new Error('the large seed has Megacorp');
  const response = await fetch(
    `${server.url}/roster/exports/organization_memberships.csv?organization_id=${megacorp.id}`,
  );
  expect(response.status).toBe(200);
  expect(Number(response.headers.get('x-total-count'))).toBe(MEGACORP_MEMBERS);
  const before = memoryOf(pid);
  let lines = 0;
  let bytes = 0;
  let peakRss = before.rss;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.length;
    for (const byte of chunk.value) if (byte === 0x0a) lines++;
    if (lines % 200 === 0) peakRss = Math.max(peakRss, memoryOf(pid).rss);
  }
  const after = memoryOf(pid);
  peakRss = Math.max(peakRss, after.rss);
  const growth = peakRss - before.rss;
  console.log(
    `200,000-row organization export: ${(bytes / 1024 / 1024).toFixed(1)} MB of CSV; server RSS ${(before.rss / 1024 / 1024).toFixed(0)} MB before, ${(peakRss / 1024 / 1024).toFixed(0)} MB at most while streaming (+${(growth / 1024 / 1024).toFixed(0)} MB)`,
  );
  expect(lines).toBe(MEGACORP_MEMBERS + 1);
  // The file is ~30 MB as text and several times that as objects: a server that gathered it first
  // would grow by far more than this.
  expect(growth).toBeLessThan(100 * 1024 * 1024);
}, 300_000);
