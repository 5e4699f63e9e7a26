import type { Browser } from '@playwright/test';
import { coldPage } from './browser.ts';
import type { Dataset } from './dataset.ts';
import { watchJobs } from './job-clock.ts';
import { resetSandboxRequests, sandboxRequests } from './sandbox-requests.ts';

export type BulkAdd = {
  agents: number;
  createManyRequests: number;
  jobPollRequests: number;
  otherRequests: number;
  uiMs: number;
  sandboxMs: number;
  succeeded: number;
};

const CREATE_MANY = 'POST /group_memberships/create_many';
const JOB_POLLS = 'GET /job_statuses/show_many';

/**
 * Adds agents to a small group through the dialog (pasted ids, Review, Add) and times the click on
 * "Add" to the operation reporting success, counting the API requests the sandbox answers meanwhile
 * (the Roster server sends them; the browser only starts the operation and follows it).
 */
export async function measureBulkAdd(
  browser: Browser,
  baseUrl: string,
  databaseFile: string,
  target: Dataset['addTarget'],
  itemDelayMs: number,
): Promise<BulkAdd> {
  const agents = target.agentIds.length;
  const page = await coldPage(browser);
  try {
    await page.goto(`${baseUrl}/groups/${target.id}`);
    await page.getByRole('button', { name: 'Add agents' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Or paste emails or user ids').fill(target.agentIds.join('\n'));
    await dialog.getByRole('button', { name: 'Review' }).click();
    const count = agents.toLocaleString('en-US');
    await dialog
      .getByTestId('plan-summary')
      .filter({ hasText: `${count} to add` })
      .waitFor({ timeout: 60_000 });

    await resetSandboxRequests(baseUrl);
    const jobs = watchJobs(databaseFile, 'group_memberships.create_many');
    const label = `Add ${count} agent${agents === 1 ? '' : 's'} to ${target.name}`;
    const started = performance.now();
    await dialog.getByRole('button', { name: `Add ${count} agent` }).click();
    const status = await page.waitForFunction(
      (label) => {
        const operation = [...document.querySelectorAll('[data-testid="operation"]')].find(
          (element) => element.getAttribute('aria-label') === label,
        );
        const text = operation?.querySelector('[role="status"]')?.textContent ?? '';
        return text.includes('succeeded') ? text : undefined;
      },
      label,
      { polling: 'raf', timeout: Math.max(120_000, agents * itemDelayMs * 5) },
    );
    const uiMs = performance.now() - started;
    const requests = await sandboxRequests(baseUrl);
    const createMany = requests[CREATE_MANY] ?? 0;
    const jobPolls = requests[JOB_POLLS] ?? 0;
    const all = Object.values(requests).reduce((sum, n) => sum + n, 0);
    const text = (await status.jsonValue()) as string;
    const sandboxMs = await jobs.finished(agents, 30_000);
    const succeeded = Number(/([\d,]+) succeeded/.exec(text)?.[1]?.replaceAll(',', '') ?? Number.NaN);
    return {
      agents,
      createManyRequests: createMany,
      jobPollRequests: jobPolls,
      otherRequests: all - createMany - jobPolls,
      uiMs,
      sandboxMs,
      succeeded,
    };
  } finally {
    await page.context().close();
  }
}
