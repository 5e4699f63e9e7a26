import { readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import Database from 'better-sqlite3';
import type { Operation } from '../src/contract/roster-operations.ts';
import { coldPage } from './browser.ts';
import type { Landmark } from './dataset.ts';
import { watchJobs } from './job-clock.ts';
import { resetSandboxRequests, sandboxRequests } from './sandbox-requests.ts';

export type SelectAllRemoval = {
  members: number;
  /** `POST /roster/operations` from the browser: starting the removal. */
  startRequests: number;
  /** `POST /roster/operations/plan`: the review shown before. */
  planRequests: number;
  destroyManyRequests: number;
  mostJobsInFlight: number;
  peakRssMB: number;
  /** From the operation's creation to its end, as the server recorded them. */
  operationMs: number;
  sandboxMs: number;
  succeeded: number;
  /** Items that failed, and the first failures' errors: a shortfall names its cause. */
  failed: number;
  failures: string[];
};

const MEMBERS_PER_PAGE = 100;
const DESTROY_MANY = 'DELETE /organization_memberships/destroy_many';

export function rssMB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
}

/**
 * Removes every member of the largest organization the way a person does: the header checkbox,
 * "Select all N members", Remove selected, the review, Remove. Counts what the browser sends to
 * start it, what the sandbox receives, the jobs in flight and the server's memory while it runs.
 */
export async function measureSelectAllRemoval(
  browser: Browser,
  baseUrl: string,
  serverPid: number,
  databaseFile: string,
  organization: Landmark,
): Promise<SelectAllRemoval> {
  const page = await coldPage(browser);
  const browserRequests = { start: 0, plan: 0 };
  let operationId: string | undefined;
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() !== 'POST') return;
    if (path === '/roster/operations') browserRequests.start++;
    if (path === '/roster/operations/plan') browserRequests.plan++;
  });
  page.on('response', async (response) => {
    if (response.request().method() !== 'POST' || new URL(response.url()).pathname !== '/roster/operations')
      return;
    const body = (await response.json().catch(() => undefined)) as { operation?: Operation } | undefined;
    operationId = body?.operation?.id;
  });
  const db = new Database(databaseFile, { readonly: true });
  const inFlight = db.prepare(
    `SELECT count(*) FROM job_statuses WHERE kind = 'organization_memberships.destroy_many' AND status IN ('queued', 'working')`,
  );
  let mostJobs = 0;
  let peakRss = rssMB(serverPid);
  const sampler = setInterval(() => {
    mostJobs = Math.max(mostJobs, inFlight.pluck().get() as number);
    peakRss = Math.max(peakRss, rssMB(serverPid));
  }, 50);
  try {
    await page.goto(`${baseUrl}/organizations/${organization.id}`);
    await page.getByRole('checkbox', { name: 'Select all loaded members' }).check({ timeout: 60_000 });
    const count = organization.members.toLocaleString('en-US');
    // With every member on the first page (the tiny seed) the header checkbox already holds them all.
    if (organization.members > MEMBERS_PER_PAGE) {
      await page.getByRole('button', { name: `Select all ${count} members` }).click();
    }
    await page.getByRole('button', { name: 'Remove selected' }).click();
    const dialog = page.getByRole('dialog');
    const remove = dialog.getByRole('button', { name: `Remove ${count}` });
    await remove.waitFor({ timeout: 60_000 });
    await resetSandboxRequests(baseUrl);
    const jobs = watchJobs(databaseFile, 'organization_memberships.destroy_many');
    await remove.click();
    const deadline = Date.now() + 15 * 60_000;
    let operation: Operation | undefined;
    for (;;) {
      if (operationId) {
        const response = await page.request.get(`${baseUrl}/roster/operations/${operationId}`);
        operation = ((await response.json()) as { operation: Operation }).operation;
        if (operation.finished_at) break;
      }
      if (Date.now() > deadline)
        throw new Error(`the removal did not finish: ${JSON.stringify(operation?.counts)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const sandboxMs = await jobs.finished(operation.counts.succeeded, 60_000);
    const requests = await sandboxRequests(baseUrl);
    const failedItems = await page.request.get(
      `${baseUrl}/roster/operations/${operation.id}/items?state=failed&limit=5`,
    );
    if (!failedItems.ok())
      throw new Error(`the failed items: ${failedItems.status()} ${await failedItems.text()}`);
    const failures = [
      ...new Set(
        (
          (await failedItems.json()) as { items: { error: string | null; details: string | null }[] }
        ).items.map((item) => `${item.error ?? 'no error given'} (${item.details ?? 'no details'})`),
      ),
    ];
    return {
      members: organization.members,
      startRequests: browserRequests.start,
      planRequests: browserRequests.plan,
      destroyManyRequests: requests[DESTROY_MANY] ?? 0,
      mostJobsInFlight: mostJobs,
      peakRssMB: peakRss,
      operationMs: Date.parse(operation.finished_at ?? '') - Date.parse(operation.created_at),
      sandboxMs,
      succeeded: operation.counts.succeeded,
      failed: operation.counts.failed,
      failures,
    };
  } finally {
    clearInterval(sampler);
    db.close();
    await page.context().close();
  }
}
