import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { anotherAdmin, signedInContext } from './roster-sessions.ts';
import { addByPasting, historyRow, operationPanel, startFrom } from './roster-ui.ts';
import {
  addToGroup,
  agentsOutside,
  allPages,
  emptyGroup,
  groupNamed,
  sandboxApi,
  waitForJob,
} from './sandbox-api.ts';

test.describe.configure({ mode: 'serial' });

test('finishes a 300-agent add after the browser that started it is closed, and History names who started it', async ({
  browser,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Customer Success NA');
  const agents = await agentsOutside(api, group.id, 300);
  const first = await signedInContext(browser, { identity: 'admin' });
  const page = await first.newPage();
  await page.goto(`/groups/${group.id}`);
  const operation = await addByPasting(page, {
    open: 'Add agents',
    text: agents.map((agent) => agent.id).join('\n'),
    summary: '300 to add, 0 already members',
    start: 'Add 300 agents',
  });
  await first.close();

  const later = await signedInContext(browser, { identity: 'admin' });
  const history = await later.newPage();
  await history.goto('/history');
  const row = historyRow(history, operation.id);
  await expect(row).toContainText('Ada Admin');
  await expect(row).toContainText('Add 300 agents to Customer Success NA');
  await expect(row).toContainText('Completed · 300 succeeded', { timeout: 60_000 });

  await row.getByRole('link', { name: 'Add 300 agents to Customer Success NA' }).click();
  await expect(history.getByRole('heading', { name: 'Add 300 agents to Customer Success NA' })).toBeVisible();
  await expect(history.getByText('A bulk operation by Ada Admin')).toBeVisible();
  await expect(history.getByTestId('operation-counts')).toContainText('300 succeeded, 0 failed');
  const download = history.waitForEvent('download');
  await history.getByRole('button', { name: 'Download results (CSV)' }).click();
  const csv = await readFile((await (await download).path()) ?? '', 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'item,state,action,user_id,user_name,user_email,target_type,target_id,target_name,membership_id,upstream_status,error,details,tries',
  );
  expect(lines).toHaveLength(301);
  const [agent] = agents;
  expect(csv).toContain(
    `,succeeded,,${agent?.id},${agent?.name},${agent?.email},group,${group.id},Customer Success NA,`,
  );

  const members = new Set(
    (await allPages<{ user_id: number }>(api, `/groups/${group.id}/memberships`, 'group_memberships')).map(
      (membership) => membership.user_id,
    ),
  );
  expect(agents.filter((each) => !members.has(each.id))).toEqual([]);
  await later.close();
});

test('shows two admins in two browsers each other’s operations as they run and finish', async ({
  browser,
  request,
}) => {
  const api = sandboxApi(request);
  const second = await anotherAdmin(api);
  const [chat, phone] = await Promise.all([
    groupNamed(api, 'Live Chat Team'),
    groupNamed(api, 'Phone Support'),
  ]);
  const [forAda, forSecond] = await Promise.all([
    agentsOutside(api, chat.id, 200),
    agentsOutside(api, phone.id, 200),
  ]);
  const ada = await signedInContext(browser, { identity: 'admin' });
  const other = await signedInContext(browser, { email: second.email });
  const adaHistory = await ada.newPage();
  const otherHistory = await other.newPage();
  await adaHistory.goto('/history');
  await otherHistory.goto('/history');
  await expect(adaHistory.getByRole('table', { name: 'History' })).toBeVisible();
  await expect(otherHistory.getByRole('table', { name: 'History' })).toBeVisible();

  const adaWork = await ada.newPage();
  await adaWork.goto(`/groups/${chat.id}`);
  const adds = await addByPasting(adaWork, {
    open: 'Add agents',
    text: forAda.map((agent) => agent.id).join('\n'),
    summary: '200 to add',
    start: 'Add 200 agents',
  });
  const seenByOther = historyRow(otherHistory, adds.id);
  await expect(seenByOther).toContainText('Ada Admin');
  await expect(seenByOther).toContainText('Running');
  await expect(seenByOther).toContainText('Completed · 200 succeeded', { timeout: 60_000 });

  const otherWork = await other.newPage();
  await otherWork.goto(`/groups/${phone.id}`);
  const theirs = await addByPasting(otherWork, {
    open: 'Add agents',
    text: forSecond.map((agent) => agent.id).join('\n'),
    summary: '200 to add',
    start: 'Add 200 agents',
  });
  const seenByAda = historyRow(adaHistory, theirs.id);
  await expect(seenByAda).toContainText(second.name);
  await expect(seenByAda).toContainText('Running');
  await expect(seenByAda).toContainText('Completed · 200 succeeded', { timeout: 60_000 });
  // Both History pages followed along as they were, without being reloaded.
  expect(new URL(adaHistory.url()).pathname).toBe('/history');
  expect(new URL(otherHistory.url()).pathname).toBe('/history');
  await ada.close();
  await other.close();
});

test('undoes a removal of 40 members from History, with their default groups back as they were', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Quality Assurance');
  await emptyGroup(api, group.id);
  const agents = await agentsOutside(api, group.id, 40);
  await addToGroup(
    api,
    group.id,
    agents.map((agent) => agent.id),
  );
  const memberships = await allPages<{ id: number; user_id: number }>(
    api,
    `/groups/${group.id}/memberships`,
    'group_memberships',
  );
  const withDefault = memberships.slice(0, 10);
  for (const membership of withDefault) {
    await api.put(`/users/${membership.user_id}/group_memberships/${membership.id}/make_default`);
  }
  const defaultGroupOf = async (userId: number) =>
    (await api.get<{ user: { default_group_id: number } }>(`/users/${userId}`)).user.default_group_id;

  await page.goto(`/groups/${group.id}`);
  await expect(page.getByTestId('member-total')).toContainText('40 members');
  await page.getByRole('checkbox', { name: 'Select all loaded members' }).check();
  await page
    .getByRole('toolbar', { name: 'Bulk actions' })
    .getByRole('button', { name: 'Remove selected' })
    .click();
  const confirm = page.getByRole('dialog', { name: 'Remove 40 members?' });
  await expect(confirm).toContainText('10 people lose their default group');
  const removal = await startFrom(page, confirm.getByRole('button', { name: 'Remove 40' }));
  await expect(operationPanel(page, removal.label).getByRole('status')).toContainText(
    'Completed — 40 succeeded, 0 failed',
    { timeout: 30_000 },
  );
  for (const membership of withDefault) expect(await defaultGroupOf(membership.user_id)).not.toBe(group.id);

  await operationPanel(page, removal.label).getByRole('link', { name: removal.label }).click();
  await page.getByRole('button', { name: 'Undo…' }).click();
  const undo = page.getByRole('dialog', { name: `Undo “${removal.label}”?` });
  await expect(undo.getByTestId('plan-summary')).toContainText('40 to add');
  await expect(undo).toContainText('Ticket reassignments Zendesk already made');
  await expect(undo).toContainText('are not undone');
  await expect(undo).toContainText('10 of them are made default again');
  const reverse = await startFrom(page, undo.getByRole('button', { name: 'Undo: add 40' }));
  await expect(page).toHaveURL(new RegExp(`/history/${reverse.id}$`));
  await expect(page.getByTestId('operation-state')).toContainText('Completed', { timeout: 30_000 });
  await expect(page.getByText('This undoes')).toContainText(removal.label);

  const after = await allPages<{ user_id: number }>(
    api,
    `/groups/${group.id}/memberships`,
    'group_memberships',
  );
  expect(new Set(after.map((m) => m.user_id))).toEqual(new Set(agents.map((agent) => agent.id)));
  for (const membership of withDefault) expect(await defaultGroupOf(membership.user_id)).toBe(group.id);
  await page.goto(`/history/${removal.id}`);
  await expect(page.getByText('Undone by')).toContainText(reverse.label);
  await expect(page.getByRole('button', { name: 'Undo…' })).toHaveCount(0);
});

test('filters History by state, kind and the person a change was made to, all in its address', async ({
  page,
  request,
}) => {
  await page.goto('/history');
  await page.getByRole('button', { name: 'With failures' }).click();
  await expect(page).toHaveURL(/status=failures/);
  await page.getByRole('button', { name: 'Bulk' }).click();
  await expect(page).toHaveURL(/source=bulk/);
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(page).not.toHaveURL(/status=/);

  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Email Triage');
  const [person] = await agentsOutside(api, group.id, 1);
  if (!person) throw new Error('no agent outside Email Triage');
  const planned = await page.request.post('/roster/operations/plan', {
    data: { kind: 'group_memberships.create', people: { user_ids: [person.id] }, group_ids: [group.id] },
  });
  const { plan } = (await planned.json()) as { plan: { id: string } };
  const started = await page.request.post('/roster/operations', { data: { plan_id: plan.id } });
  const { operation } = (await started.json()) as { operation: { id: string; label: string } };

  const search = page.getByPlaceholder('Person…');
  await search.fill(person.name);
  await expect(page.locator('#history-people option').first()).toBeAttached();
  await search.fill(`${person.name} <${person.email}>`);
  await expect(page).toHaveURL(new RegExp(`user_id=${person.id}`));
  await expect(page.getByRole('button', { name: 'Bulk' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(`Person: ${person.name}`)).toBeVisible();
  await expect(historyRow(page, operation.id)).toContainText(operation.label);
  await page.getByRole('link', { name: `Clear: Person: ${person.name}` }).click();
  await expect(page).not.toHaveURL(/user_id/);
  await expect(page).toHaveURL(/source=bulk/);
});

test('follows an operation to its end by polling while the event stream cannot connect, member list included', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Night Shift Americas');
  const before = (await allPages(api, `/groups/${group.id}/memberships`, 'group_memberships')).length;
  const agents = await agentsOutside(api, group.id, 120);
  let refused = 0;
  await page.route('**/roster/operations/events', (route) => {
    refused++;
    return route.abort();
  });
  await page.goto(`/groups/${group.id}`);
  const operation = await addByPasting(page, {
    open: 'Add agents',
    text: agents.map((agent) => agent.id).join('\n'),
    summary: '120 to add',
    start: 'Add 120 agents',
  });
  await expect(operationPanel(page, operation.label).getByRole('status')).toContainText(
    'Completed — 120 succeeded, 0 failed',
    { timeout: 60_000 },
  );
  await expect(page.getByTestId('member-total')).toContainText(`${before + 120} members`);
  expect(refused).toBeGreaterThan(0);
});

test('sends the old /jobs addresses to History', async ({ page }) => {
  await page.goto('/jobs?show=running');
  await expect(page).toHaveURL(/\/history\?status=running$/);
  await expect(page.getByRole('button', { name: 'Running' })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/jobs/op_does_not_exist');
  await expect(page).toHaveURL(/\/history\/op_does_not_exist$/);
  await expect(page.getByRole('heading', { name: 'No such operation' })).toBeVisible();
});

test('lists jobs other clients started and shows their per-item results', async ({ page, request }) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Onboarding');
  const [agent] = await agentsOutside(api, group.id, 1);
  const { job_status } = await api.post<{ job_status: { id: string } }>('/group_memberships/create_many', {
    group_memberships: [
      { user_id: agent?.id, group_id: group.id },
      { user_id: 999999999, group_id: group.id },
    ],
  });
  await waitForJob(api, job_status.id);
  await page.goto('/history');
  const jobs = page.getByRole('table', { name: 'Account jobs' });
  await expect(jobs).toContainText(job_status.id);
  await jobs.locator(`[data-row-id="${job_status.id}"]`).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Bulk Create Group Memberships' })).toBeVisible();
  const results = page.getByRole('table', { name: 'Results' });
  await expect(results).toContainText('User 999999999 does not exist');
  await expect(results).toContainText('Succeeded');
});
