import type { BulkAdd } from './bulk-add.ts';
import type { RouteWeight } from './bundle-weight.ts';
import { FIRST_ROUTE } from './bundle-weight.ts';
import type { Dataset } from './dataset.ts';
import type { FirstRows } from './first-rows.ts';
import type { GroupScroll } from './group-scroll.ts';
import type { ListLatency } from './list-latency.ts';
import type { OrganizationHeap } from './organization-heap.ts';
import { type Result, result } from './result.ts';
import type { SelectAllRemoval } from './select-all-removal.ts';
import type { Throughput } from './throughput.ts';

/** DESIGN.md "Budgets", in the units the bench measures. */
export const BUDGETS = {
  firstRouteKB: 160,
  firstRowsMs: 150,
  interactiveMs: 600,
  maxRowsInDom: 60,
  longTasks: 0,
  heapMB: 150,
  pollsPerSecond: 1,
  bulkTimeRatio: 1.2,
  removalStartRequests: 1,
  jobsInFlight: 30,
  serverRssMB: 300,
  removalTimeRatio: 1.1,
  deepCursorRatio: 2,
} as const;

export const PAGE_SIZE = 100;

export type Measurements = {
  dataset: Dataset;
  routes: RouteWeight[];
  firstRows: FirstRows;
  groupScroll: GroupScroll;
  organizationHeap: OrganizationHeap;
  bulkAdd: BulkAdd;
  /** The same add with PostgreSQL as Roster's store; absent without a PostgreSQL server. */
  bulkAddPostgres: BulkAdd | undefined;
  cursorLatency: ListLatency;
  offsetLatency: ListLatency;
  throughput: Throughput;
  removal: SelectAllRemoval;
};

const count = (value: number) => value.toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(0)} ms`;

function routeResults(routes: RouteWeight[]): Result[] {
  // Any route is the first one for a person who opens a link to it, so every route is held to the budget.
  return routes.map(({ route, bytes }) =>
    result({
      id: `js${route}`,
      label:
        route === FIRST_ROUTE ? `JS for the first route (${route})` : `JS for ${route} as the first route`,
      value: bytes / 1000,
      unit: 'kB',
      budget: { max: BUDGETS.firstRouteKB },
    }),
  );
}

function listResults(kind: 'cursor' | 'offset', latency: ListLatency, rows: number): Result[] {
  const ratio = latency.deep.median / latency.first.median;
  const deep =
    kind === 'cursor' ? `page after row ${count(latency.deepRow)}` : `page at row ${count(latency.deepRow)}`;
  return [
    result({
      id: `${kind}.first`,
      label: `Sandbox ${kind} list, first page (${count(rows)} rows)`,
      value: latency.first,
      unit: 'ms',
    }),
    result({ id: `${kind}.deep`, label: `Sandbox ${kind} list, ${deep}`, value: latency.deep, unit: 'ms' }),
    result({
      id: `${kind}.ratio`,
      label: `Sandbox ${kind} list, deep page ÷ first page (medians)`,
      value: ratio,
      unit: '×',
      ...(kind === 'cursor' && { budget: { max: BUDGETS.deepCursorRatio } }),
    }),
  ];
}

function removalResults(removal: SelectAllRemoval, organization: string): Result[] {
  const what = `Removing all ${count(removal.members)} members of ${organization} through "select all"`;
  return [
    result({
      id: 'removal.start-requests',
      label: `${what}: requests from the browser to start it (${count(removal.planRequests)} for the review before)`,
      value: removal.startRequests,
      unit: 'requests',
      budget: { equals: BUDGETS.removalStartRequests },
    }),
    result({
      id: 'removal.destroy-many',
      label: 'Same removal: destroy_many requests',
      value: removal.destroyManyRequests,
      unit: 'requests',
      budget: { equals: Math.ceil(removal.members / PAGE_SIZE) },
    }),
    result({
      id: 'removal.jobs',
      label: 'Same removal: most jobs in flight',
      value: removal.mostJobsInFlight,
      unit: 'jobs',
      budget: { max: BUDGETS.jobsInFlight },
    }),
    result({
      id: 'removal.rss',
      label: 'Same removal: server RSS at its highest (Roster and the embedded sandbox)',
      value: removal.peakRssMB,
      unit: 'MB',
      budget: { max: BUDGETS.serverRssMB },
    }),
    result({
      id: 'removal.time',
      label: `Same removal: start to end (${count(removal.succeeded)} succeeded${
        removal.failed > 0 ? `, ${count(removal.failed)} failed: ${removal.failures.join('; ')}` : ''
      })`,
      value: removal.operationMs,
      unit: 'ms',
    }),
    result({
      id: 'removal.sandbox-time',
      label: "Same removal: the sandbox's own processing time (no pause per item)",
      value: removal.sandboxMs,
      unit: 'ms',
    }),
    result({
      id: 'removal.ratio',
      label: 'Same removal: time ÷ sandbox processing time',
      value: removal.operationMs / removal.sandboxMs,
      unit: '×',
      budget: { max: BUDGETS.removalTimeRatio },
    }),
  ];
}

/** The 1,000-agent add, on the default store (`idPrefix` `bulk`) or another (`bulk-postgres`). */
function bulkAddResults(bulk: BulkAdd, target: string, idPrefix: string, store: string): Result[] {
  const bulkSeconds = bulk.uiMs / 1000;
  return [
    result({
      id: `${idPrefix}.create-many`,
      label: `Adding ${count(bulk.agents)} agents to ${target}${store}: create_many requests`,
      value: bulk.createManyRequests,
      unit: 'requests',
      budget: { equals: Math.ceil(bulk.agents / PAGE_SIZE) },
    }),
    result({
      id: `${idPrefix}.polls`,
      label: `Same add: job_statuses/show_many requests (${count(bulk.otherRequests)} other requests)`,
      value: bulk.jobPollRequests,
      unit: 'requests',
    }),
    result({
      id: `${idPrefix}.poll-rate`,
      label: 'Same add: job polling rate',
      value: bulk.jobPollRequests / bulkSeconds,
      unit: 'req/s',
      budget: { max: BUDGETS.pollsPerSecond },
    }),
    result({
      id: `${idPrefix}.time`,
      label: `Same add: click on Add to "${count(bulk.succeeded)} succeeded" on screen`,
      value: bulk.uiMs,
      unit: 'ms',
    }),
    result({
      id: `${idPrefix}.sandbox-time`,
      label: "Same add: the sandbox's own processing time",
      value: bulk.sandboxMs,
      unit: 'ms',
    }),
    result({
      id: `${idPrefix}.ratio`,
      label: 'Same add: time on screen ÷ sandbox processing time',
      value: bulk.uiMs / bulk.sandboxMs,
      unit: '×',
      budget: { max: BUDGETS.bulkTimeRatio },
    }),
  ];
}

export type FirstViewMeasurements = Pick<Measurements, 'dataset' | 'routes' | 'firstRows' | 'groupScroll'>;

/** The lines about a first visit: what it loads, how soon it shows and responds, how it scrolls. */
export function judgeFirstView(m: FirstViewMeasurements): Result[] {
  const { bigGroup } = m.dataset;
  const group = `${bigGroup.name} (${count(bigGroup.members)} members)`;
  const scroll = m.groupScroll;
  return [
    ...routeResults(m.routes),
    result({
      id: 'first-rows',
      label: `Navigation to first member rows on screen: ${group}, cold load`,
      value: m.firstRows.firstRows,
      unit: 'ms',
      budget: { max: BUDGETS.firstRowsMs },
    }),
    result({
      id: 'interactive',
      label: 'Same loads: navigation to a row checkbox that selects its row (the page hydrated)',
      value: m.firstRows.interactive,
      unit: 'ms',
      budget: { max: BUDGETS.interactiveMs },
    }),
    result({ id: 'lcp', label: 'Largest contentful paint, same loads', value: m.firstRows.lcp, unit: 'ms' }),
    result({
      id: 'first-rows.repeat',
      label: 'Same, on a repeat visit (scripts from the HTTP cache)',
      value: m.firstRows.repeatFirstRows,
      unit: 'ms',
    }),
    result({
      id: 'scroll.requests',
      label: `Scrolling ${group} to the end: list requests (${count(scroll.serverPages)} in the server's HTML)`,
      value: scroll.listRequests,
      unit: 'requests',
      budget: { equals: Math.ceil(bigGroup.members / PAGE_SIZE) },
    }),
    result({
      id: 'scroll.rows',
      label: 'Same scroll: most row elements in the DOM',
      value: scroll.maxRowsInDom,
      unit: 'rows',
      budget: { max: BUDGETS.maxRowsInDom },
    }),
    result({
      id: 'scroll.long-tasks',
      label: 'Same scroll: long tasks over 50 ms',
      value: scroll.longTasks.length,
      unit: 'tasks',
      budget: { equals: BUDGETS.longTasks },
      ...(scroll.longTasks.length > 0 && { note: `longest ${ms(Math.max(...scroll.longTasks))}` }),
    }),
    result({
      id: 'scroll.slow-frames',
      label: `Same scroll: frames slower than 32 ms (of ${count(scroll.frames)} in ${scroll.seconds.toFixed(1)} s)`,
      value: scroll.slowFrames,
      unit: 'frames',
    }),
  ];
}

/** Every measurement as a line of the table, judged against its budget where DESIGN.md sets one. */
export function judge(m: Measurements): Result[] {
  const { bigOrganization, addTarget } = m.dataset;
  const heap = m.organizationHeap;
  const bulk = m.bulkAdd;
  return [
    ...judgeFirstView(m),
    result({
      id: 'heap',
      label: `JS heap after GC, ${bigOrganization.name} scrolled ${count(heap.rowsScrolled)} rows down`,
      value: heap.heapMB,
      unit: 'MB',
      budget: { max: BUDGETS.heapMB },
    }),
    result({
      id: 'back-to-top',
      label: `Same organization, back to the top until the first member shows`,
      value: heap.backToTopMs,
      unit: 'ms',
    }),
    result({
      id: 'back-to-top.requests',
      label: `Same way back: list requests (${count(heap.backwardRequests)} of them backward)`,
      value: heap.backToTopRequests,
      unit: 'requests',
      budget: { equals: 1 },
    }),
    ...bulkAddResults(bulk, addTarget.name, 'bulk', ''),
    ...(m.bulkAddPostgres
      ? bulkAddResults(m.bulkAddPostgres, addTarget.name, 'bulk-postgres', ' (PostgreSQL store)')
      : []),
    ...removalResults(m.removal, bigOrganization.name),
    ...listResults('cursor', m.cursorLatency, m.dataset.organizationMemberships),
    ...listResults('offset', m.offsetLatency, m.dataset.organizationMemberships),
    result({
      id: 'throughput',
      label: `Sandbox cursor list, first page, 10 connections: throughput (p50 ${ms(m.throughput.p50Ms)}, p99 ${ms(m.throughput.p99Ms)}, ${count(m.throughput.failures)} failed)`,
      value: m.throughput.requestsPerSecond,
      unit: 'req/s',
    }),
  ];
}
