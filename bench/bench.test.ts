import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../src/server/testing/test-stores.ts';
import { PROJECT_ROOT } from './project-root.ts';
import type { BenchReport } from './report.ts';

const run = promisify(execFile);
const out = mkdtempSync(join(tmpdir(), 'roster-bench-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('runs every measurement end to end on the tiny dataset and writes a judged result for each budget', async () => {
    const file = join(out, 'results.json');
    await run(
      process.execPath,
      ['--import', 'tsx', 'bench/bench.ts', '--scale', 'tiny', '--quick', '--out', file],
      {
        cwd: PROJECT_ROOT,
      },
    );
    const report = JSON.parse(readFileSync(file, 'utf8')) as BenchReport;
    const ids = report.results.map((r) => r.id);
    for (const id of [
      'js/groups',
      'js/history/zendesk-jobs/:id',
      'js/box/groups/:id',
      'js/sign-in',
      'first-rows',
      'scroll.requests',
      'scroll.rows',
      'scroll.long-tasks',
      'heap',
    ]) {
      expect(ids).toContain(id);
    }
    for (const id of [
      'bulk.create-many',
      'bulk.poll-rate',
      'bulk.ratio',
      'cursor.ratio',
      'offset.ratio',
      'throughput',
      'removal.start-requests',
      'removal.destroy-many',
      'removal.jobs',
      'removal.rss',
      'removal.ratio',
    ]) {
      expect(ids).toContain(id);
    }
    // With a PostgreSQL server, the same add runs with it as the store, judged by the same budgets.
    if (TEST_DATABASE_URL) {
      for (const id of ['bulk-postgres.create-many', 'bulk-postgres.poll-rate', 'bulk-postgres.ratio']) {
        expect(ids).toContain(id);
      }
    }
    for (const r of report.results) {
      const value = typeof r.value === 'number' ? r.value : r.value.median;
      expect({ id: r.id, finite: Number.isFinite(value) }).toEqual({ id: r.id, finite: true });
      if (r.budget) expect(typeof r.pass).toBe('boolean');
    }
    // Every item the dialog added did get added: the run measured real work, not an error path.
    const added = report.results.find((r) => r.id === 'bulk.create-many');
    expect(added?.pass).toBe(true);
  }, 180_000);
});
