/**
 * Measures every budget in DESIGN.md "Budgets" against the real server and headless Chromium:
 *   npm run bench -- [--scale large|tiny] [--quick] [--port 4805] [--out bench/results.json]
 * `--only first-view` measures the route weights, the cold loads and the group scroll alone and
 * prints them without writing results.json (about a minute, for work on the first view);
 * `--only grid` measures the membership grid alone on the demo seed the same way, and
 * `--only import-export` the exports and import reviews.
 */

import { spawnServer } from '../src/server/testing/spawned-server.ts';
import { basicAuthFor } from '../src/server/testing/test-server.ts';
import { launchBrowser } from './browser.ts';
import { judge, judgeFirstView, type Measurements } from './budgets.ts';
import { measureBulkAdd } from './bulk-add.ts';
import { measureBulkAddOnPostgres, POSTGRES_SKIPPED } from './bulk-add-on-postgres.ts';
import { measureRouteWeights } from './bundle-weight.ts';
import { organizationMembershipIdAt, readDataset } from './dataset.ts';
import { measureFirstRows } from './first-rows.ts';
import { measureGrid } from './grid-paint.ts';
import { measureGroupScroll } from './group-scroll.ts';
import { measureImportExport } from './import-export.ts';
import { LIST_PATH, measureCursorLatency, measureOffsetLatency, sandboxCursorFor } from './list-latency.ts';
import { describeMachine, machineLine } from './machine.ts';
import { readOptions, repetitionsFor, USAGE } from './options.ts';
import { measureOrganizationHeap } from './organization-heap.ts';
import { markdownTable, writeReport } from './report.ts';
import { cachedSeed, copyIntoDataDir } from './seeded-database.ts';
import { measureSelectAllRemoval, type SelectAllRemoval } from './select-all-removal.ts';
import { measureThroughput } from './throughput.ts';

/** The server's default, so the bulk-add figures describe what a person sees. */
const JOB_ITEM_DELAY_MS = 20;
/** Deep enough to be "past row 900,000" of the large seed's 1,000,000 organization memberships. */
const DEEP_SHARE = 0.9;

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const reps = repetitionsFor(options);
  const startedAt = new Date();
  const machine = describeMachine();
  log(`Roster bench at ${options.scale} scale${options.quick ? ' (quick)' : ''} on ${machineLine(machine)}`);

  if (options.only === 'import-export') {
    await benchImportExport(options.scale, options.quick ? 2 : 5, options.port);
    return;
  }
  log('Building the SPA and weighing each route…');
  const routes = await measureRouteWeights();
  if (options.only === 'grid') {
    const browser = await launchBrowser();
    try {
      log('The membership grid on the demo seed…');
      log(`\n${markdownTable(await measureGrid(browser, reps.coldLoads, log))}\n`);
    } finally {
      await browser.close();
    }
    return;
  }

  const data = copyIntoDataDir(cachedSeed(options.scale, log));
  const dataset = readDataset(data.databaseFile, reps.agentsToAdd);
  const deepRow = Math.floor(dataset.organizationMemberships * DEEP_SHARE);
  const rowBeforeDeep = organizationMembershipIdAt(data.databaseFile, deepRow - 1);
  const deepCursor = sandboxCursorFor(data.databaseFile, LIST_PATH, [rowBeforeDeep]);
  const server = await spawnServer(
    {
      DATA_DIR: data.dataDir,
      ...(options.port && { PORT: options.port }),
      SANDBOX_JOB_ITEM_DELAY_MS: String(JOB_ITEM_DELAY_MS),
      // The account's rate limit is part of the Zendesk imitation, not of Roster's speed.
      SANDBOX_RATE_LIMIT: '1000000000',
      // The bench measures the dashboard, not sign-in: everyone acts as the demo admin, as in a
      // single-person setup, and request lines are not logged.
      SANDBOX_IDENTITY: 'admin',
      LOG_REQUESTS: 'false',
    },
    120_000,
  );
  const browser = await launchBrowser();
  try {
    log(`Server on ${server.url}; measuring…`);
    const groupUrl = `${server.url}/groups/${dataset.bigGroup.id}`;
    log(`  first rows of ${dataset.bigGroup.name}, ${reps.coldLoads} cold loads`);
    const firstRows = await measureFirstRows(browser, groupUrl, reps.coldLoads);
    log('  scrolling the group to the end');
    const groupScroll = await measureGroupScroll(browser, server.url, dataset.bigGroup);
    if (options.only === 'first-view') {
      log(`\n${markdownTable(judgeFirstView({ dataset, routes, firstRows, groupScroll }))}\n`);
      return;
    }
    log(
      `  scrolling ${dataset.bigOrganization.name} ${reps.organizationScrollRows.toLocaleString('en-US')} rows down`,
    );
    const organizationHeap = await measureOrganizationHeap(
      browser,
      server.url,
      dataset.bigOrganization,
      reps.organizationScrollRows,
    );
    log(`  adding ${dataset.addTarget.agentIds.length} agents to ${dataset.addTarget.name}`);
    const bulkAdd = await measureBulkAdd(
      browser,
      server.url,
      data.databaseFile,
      dataset.addTarget,
      JOB_ITEM_DELAY_MS,
    );
    log(`  the same add with PostgreSQL as the store`);
    const bulkAddPostgres = await measureBulkAddOnPostgres(
      browser,
      options.scale,
      dataset.addTarget,
      JOB_ITEM_DELAY_MS,
      log,
    );
    if (!bulkAddPostgres) log(`  ${POSTGRES_SKIPPED}`);
    log(`  list latency, ${reps.latencySamples} samples each`);
    const cursorLatency = await measureCursorLatency(
      server,
      deepRow,
      rowBeforeDeep,
      deepCursor,
      reps.latencySamples,
    );
    const offsetLatency = await measureOffsetLatency(
      server,
      dataset.organizationMemberships,
      reps.latencySamples,
    );
    log(`  throughput for ${reps.loadSeconds} s`);
    const throughput = await measureThroughput(
      `${server.apiUrl}/organization_memberships?page[size]=100`,
      basicAuthFor('admin'),
      reps.loadSeconds,
    );

    log(
      `  removing all ${dataset.bigOrganization.members.toLocaleString('en-US')} members of ${dataset.bigOrganization.name}`,
    );
    const removal = await measureRemovalOnFreshServer(browser, options.scale, dataset);

    const measurements: Measurements = {
      dataset,
      routes,
      firstRows,
      groupScroll,
      organizationHeap,
      bulkAdd,
      bulkAddPostgres,
      cursorLatency,
      offsetLatency,
      throughput,
      removal,
    };
    log('  the membership grid on the demo seed, on a server of its own');
    const grid = await measureGrid(browser, reps.coldLoads, log);
    const results = [...judge(measurements), ...grid];
    const seconds = (Date.now() - startedAt.getTime()) / 1000;
    writeReport(options.out, {
      machine,
      scale: options.scale,
      quick: options.quick,
      startedAt: startedAt.toISOString(),
      seconds,
      results,
    });
    const judged = results.filter((r) => r.pass !== undefined);
    log(`\n${markdownTable(results)}\n`);
    log(
      `${judged.filter((r) => r.pass).length} of ${judged.length} budgets met; ${seconds.toFixed(0)} s; written to ${options.out}`,
    );
  } finally {
    await browser.close();
    await server.close();
    data.remove();
  }
}

/** `--only import-export`: the exports and import reviews on their own server and copy of the seed, printed. */
async function benchImportExport(
  scale: Parameters<typeof cachedSeed>[0],
  repetitions: number,
  port: string | undefined,
): Promise<void> {
  const data = copyIntoDataDir(cachedSeed(scale, log));
  const dataset = readDataset(data.databaseFile, 1);
  const server = await spawnServer(
    {
      DATA_DIR: data.dataDir,
      ...(port && { PORT: port }),
      SANDBOX_RATE_LIMIT: '1000000000',
      SANDBOX_IDENTITY: 'admin',
      LOG_REQUESTS: 'false',
    },
    120_000,
  );
  try {
    log(`Server on ${server.url}; exporting and reviewing imports, ${repetitions} runs each…`);
    const results = await measureImportExport(
      server.url,
      server.child.pid ?? 0,
      dataset.bigGroup,
      repetitions,
      log,
    );
    log(`\n${markdownTable(results)}\n`);
  } finally {
    await server.close();
    data.remove();
  }
}

/**
 * The removal empties the largest organization and runs with no pause per job item (the issue's
 * setting, so it fits the bench), on its own server and copy of the seed.
 */
async function measureRemovalOnFreshServer(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  scale: Parameters<typeof cachedSeed>[0],
  dataset: ReturnType<typeof readDataset>,
): Promise<SelectAllRemoval> {
  const data = copyIntoDataDir(cachedSeed(scale, log));
  const server = await spawnServer(
    {
      DATA_DIR: data.dataDir,
      SANDBOX_JOB_ITEM_DELAY_MS: '0',
      SANDBOX_RATE_LIMIT: '1000000000',
      SANDBOX_IDENTITY: 'admin',
      LOG_REQUESTS: 'false',
    },
    120_000,
  );
  try {
    return await measureSelectAllRemoval(
      browser,
      server.url,
      server.child.pid ?? 0,
      data.databaseFile,
      dataset.bigOrganization,
    );
  } finally {
    await server.close();
    data.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
