import type { Browser } from '@playwright/test';
import { coldPage } from './browser.ts';
import type { Dataset } from './dataset.ts';
import { watchJobs } from './job-clock.ts';

export type BulkAdd = {
  agents: number;
  createManyRequests: number;
  jobPollRequests: number;
  otherRequests: number;
  uiMs: number;
  sandboxMs: number;
  succeeded: number;
};

const KINDS = { createMany: '/group_memberships/create_many', jobPolls: '/job_statuses/show_many' } as const;

/**
 * Adds agents to a small group through the dialog (pasted ids, Review, Add) and times the click on
 * "Add" to the operation reporting success, counting the API requests the page sends meanwhile.
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
      .getByTestId('add-plan-summary')
      .filter({ hasText: `${count} to add` })
      .waitFor({ timeout: 60_000 });

    const requests = { createMany: 0, jobPolls: 0, other: 0 };
    let counting = true;
    page.on('request', (request) => {
      const url = request.url();
      if (!counting || !url.includes('/api/v2/')) return;
      if (url.includes(KINDS.createMany)) requests.createMany++;
      else if (url.includes(KINDS.jobPolls)) requests.jobPolls++;
      else requests.other++;
    });
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
    counting = false;
    const text = (await status.jsonValue()) as string;
    const sandboxMs = await jobs.finished(agents, 30_000);
    const succeeded = Number(/([\d,]+) succeeded/.exec(text)?.[1]?.replaceAll(',', '') ?? Number.NaN);
    return {
      agents,
      createManyRequests: requests.createMany,
      jobPollRequests: requests.jobPolls,
      otherRequests: requests.other,
      uiMs,
      sandboxMs,
      succeeded,
    };
  } finally {
    await page.context().close();
  }
}
