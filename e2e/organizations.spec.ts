import { expect, test } from './fixtures.ts';
import { addByPasting, operationPanel, startFrom } from './roster-ui.ts';
import { allPages, endUsersOutside, organizationNamed, sandboxApi, waitForJob } from './sandbox-api.ts';

test.describe.configure({ mode: 'serial' });

test.afterEach(async ({ request }) => {
  await sandboxApi(request).delete('/_sandbox/faults');
});

test('browses organizations, searches by name and opens one', async ({ page }) => {
  await page.goto('/organizations');
  await expect(page.getByText('30 organizations')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search organizations by name' }).fill('Oak');
  await expect(page).toHaveURL(/\?q=Oak/);
  await page.getByRole('link', { name: 'Oakridge Games' }).click();
  await expect(page.getByRole('heading', { name: 'Oakridge Games' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Organization members' })).toContainText('Eve Enduser');
});

test('adds 40 users by pasted emails and shows them with the new total', async ({ page, request }) => {
  const api = sandboxApi(request);
  const organization = await organizationNamed(api, 'Falcon Systems');
  const before = (
    await allPages(
      api,
      `/organizations/${organization.id}/organization_memberships`,
      'organization_memberships',
    )
  ).length;
  const people = await endUsersOutside(api, organization.id, 40);
  await page.goto(`/organizations/${organization.id}`);
  await addByPasting(page, {
    open: 'Add users',
    text: people.map((p) => p.email).join('\n'),
    summary: '40 to add, 0 already members',
    start: 'Add 40 users',
  });
  const panel = operationPanel(page, 'Add 40 users to Falcon Systems');
  await expect(panel.getByRole('status')).toContainText('40 succeeded, 0 failed', { timeout: 30_000 });
  await expect(page.getByTestId('member-total')).toContainText(`${before + 40} members`);
});

test('removes 60 members after a review that warns their tickets lose the organization', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const organization = await organizationNamed(api, 'Willow Dental LLC');
  const existing = await allPages<{ id: number }>(
    api,
    `/organizations/${organization.id}/organization_memberships`,
    'organization_memberships',
  );
  for (let start = 0; start < existing.length; start += 100) {
    const ids = existing.slice(start, start + 100).map((m) => m.id);
    const { job_status } = await api.delete<{ job_status: { id: string } }>(
      `/organization_memberships/destroy_many?ids=${ids.join(',')}`,
    );
    await waitForJob(api, job_status.id);
  }
  const people = await endUsersOutside(api, organization.id, 60);
  const { job_status } = await api.post<{ job_status: { id: string } }>(
    '/organization_memberships/create_many',
    {
      organization_memberships: people.map((p) => ({ user_id: p.id, organization_id: organization.id })),
    },
  );
  await waitForJob(api, job_status.id);

  await page.goto(`/organizations/${organization.id}`);
  await expect(page.getByTestId('member-total')).toContainText('60 members');
  await page.getByRole('checkbox', { name: 'Select all loaded members' }).check();
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar).toContainText('60 members selected');
  await bar.getByRole('button', { name: 'Remove selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove 60 members?' });
  await expect(dialog).toContainText("The removed users' tickets stop belonging to Willow Dental LLC");
  await expect(dialog.getByTestId('plan-summary')).toContainText('60 to remove');
  await startFrom(page, dialog.getByRole('button', { name: 'Remove 60' }));
  const panel = operationPanel(page, 'Remove 60 members from Willow Dental LLC');
  await expect(panel.getByRole('status')).toContainText('60 succeeded, 0 failed', { timeout: 30_000 });
  await expect(page.getByText('No one is in this organization yet.')).toBeVisible();
});

test("changes a member's default organization and rolls back when the sandbox refuses", async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const organization = await organizationNamed(api, 'Oakridge Games');
  await page.goto(`/organizations/${organization.id}`);
  const table = page.getByRole('table', { name: 'Organization members' });
  const makeDefault = page.getByRole('button', { name: /^Make this .* default organization$/ });
  const row = table.locator('[data-row-id]').filter({ has: makeDefault }).first();
  const rowId = await row.getAttribute('data-row-id');
  await row.getByRole('button', { name: /Make this/ }).click();
  await expect(table.locator(`[data-row-id="${rowId}"]`)).toContainText('Default');
  await expect
    .poll(
      async () =>
        (
          await api.get<{ organization_membership: { default: boolean | null } }>(
            `/organization_memberships/${rowId}`,
          )
        ).organization_membership.default,
    )
    .toBe(true);

  await api.put('/_sandbox/faults', {
    faults: { rules: [{ method: 'PUT', path_contains: 'make_default', status: 500, times: 1 }] },
  });
  const next = table.locator('[data-row-id]').filter({ has: makeDefault }).first();
  const nextId = await next.getAttribute('data-row-id');
  await next.getByRole('button', { name: /Make this/ }).click();
  await expect(page.getByRole('alert')).toContainText('The previous default is back');
  await expect(
    table.locator(`[data-row-id="${nextId}"]`).getByRole('button', { name: /Make this/ }),
  ).toBeVisible();
});

test("shows a removal on the person's page at once, without serving their old memberships from cache", async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const organization = await organizationNamed(api, 'Oakridge Games');
  const body = await api.get<{
    organization_memberships: { user_id: number }[];
    users: { id: number; name: string; email: string }[];
  }>(`/organizations/${organization.id}/organization_memberships?include=users&page[size]=5`);
  const member = body.users.find(
    (user) =>
      user.id === body.organization_memberships[1]?.user_id && !user.email.endsWith('@roster.example'),
  );
  if (!member) throw new Error('no member to remove');

  await page.goto(`/users/${member.id}`);
  const memberships = page.getByTestId('organization-membership');
  await expect(memberships.filter({ hasText: 'Oakridge Games' })).toHaveCount(1);
  await memberships.filter({ hasText: 'Oakridge Games' }).getByRole('link').click();
  await page.getByRole('checkbox', { name: `Select ${member.name}` }).check();
  await page
    .getByRole('toolbar', { name: 'Bulk actions' })
    .getByRole('button', { name: 'Remove selected' })
    .click();
  const confirm = page.getByRole('dialog', { name: 'Remove 1 member?' });
  await expect(confirm.getByRole('list', { name: 'To remove' })).toContainText(member.name);
  await startFrom(page, confirm.getByRole('button', { name: 'Remove 1' }));
  const panel = operationPanel(page, 'Remove 1 member from Oakridge Games');
  await expect(panel.getByRole('status')).toContainText('1 succeeded, 0 failed', { timeout: 30_000 });
  await page.goBack();
  await expect(page.getByRole('heading', { name: member.name })).toBeVisible();
  await expect(memberships.filter({ hasText: 'Oakridge Games' })).toHaveCount(0);
});
