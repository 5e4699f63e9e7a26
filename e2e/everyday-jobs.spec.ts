import { expect, test } from './fixtures.ts';
import { addByPasting, operationPanel } from './roster-ui.ts';
import { agentsOutside, groupNamed, sandboxApi, waitForJob } from './sandbox-api.ts';

test("an account job a Roster operation sent names each item's person and group, with capitalised words and Roster's date format", async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Escalations EMEA');
  const agents = await agentsOutside(api, group.id, 2);
  await page.goto(`/groups/${group.id}`);
  const operation = await addByPasting(page, {
    open: 'Add agents',
    text: agents.map((agent) => agent.email).join('\n'),
    summary: '2 to add',
    start: 'Add 2 agents',
  });
  await expect(operationPanel(page, operation.label).getByRole('status')).toContainText('Completed', {
    timeout: 30_000,
  });

  await page.goto('/history');
  const jobs = page.getByRole('table', { name: 'Account jobs' });
  const row = jobs.locator('[data-row-id]').first();
  await expect(row).toContainText('Completed');
  await row.getByRole('link').click();
  await expect(page.getByText('Sent by Roster for')).toContainText(operation.label);
  const lede = page.locator('.lede').first();
  await expect(lede).toContainText('· Completed · Completed');
  // Zendesk's "2026-03-04 10:11:12 +0000" reads as every other date in Roster does.
  await expect(lede).not.toContainText('+0000');
  await expect(lede.locator('time')).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M$/);
  const results = page.getByRole('table', { name: 'Results' });
  for (const agent of agents) await expect(results).toContainText(`${agent.name} → Escalations EMEA`);
  await expect(results).toContainText('Add');
  await expect(results).not.toContainText('create');
  await expect(results).not.toContainText('record');
  await results.getByRole('link', { name: agents[0]?.name ?? '' }).click();
  await expect(page.getByRole('heading', { name: agents[0]?.name ?? '' })).toBeVisible();
});

test("another client's job labels its items by Zendesk's record id and says Roster did not send it", async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Escalations APAC');
  const [agent] = await agentsOutside(api, group.id, 1);
  const { job_status } = await api.post<{ job_status: { id: string } }>('/group_memberships/create_many', {
    group_memberships: [{ user_id: agent?.id, group_id: group.id }],
  });
  await waitForJob(api, job_status.id);
  const done = await api.get<{ job_status: { results: { id?: number }[] } }>(
    `/job_statuses/${job_status.id}`,
  );
  const recordId = done.job_status.results[0]?.id;
  expect(recordId).toBeDefined();
  await page.goto(`/history/zendesk-jobs/${job_status.id}`);
  await expect(page.getByText('Not sent by a Roster operation')).toBeVisible();
  const results = page.getByRole('table', { name: 'Results' });
  await expect(results).toContainText(`Record ${recordId}`);
  await expect(results).toContainText('Add');
});
