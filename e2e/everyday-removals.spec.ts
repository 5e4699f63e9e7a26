import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { allPages, groupNamed, organizationNamed, sandboxApi } from './sandbox-api.ts';

type Person = { id: number; name: string; email: string; default_group_id: number | null };
type GroupMembership = { id: number; user_id: number; group_id: number; default: boolean };

/** The review names every person and warns about tickets and defaults before the red button can be pressed. */
async function expectRemovalReview(
  dialog: Locator,
  names: readonly string[],
  tickets: RegExp,
  defaults: RegExp,
) {
  const list = dialog.getByRole('list', { name: 'To remove' });
  for (const name of names) await expect(list).toContainText(name);
  const notes = dialog.getByRole('note');
  await expect(notes.filter({ hasText: tickets })).toHaveCount(1);
  await expect(notes.filter({ hasText: defaults })).toHaveCount(1);
  await expect(dialog.locator('.button-danger')).toBeEnabled();
}

async function chooseOnUsersPage(page: Page, people: readonly Person[]) {
  await page.goto('/users?role=all');
  const table = page.getByRole('table', { name: 'Users' });
  for (const person of people) {
    await page.getByRole('searchbox', { name: 'Search people by name or email' }).fill(person.email);
    await table.getByRole('checkbox', { name: `Select ${person.name}` }).check();
  }
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText(
    people.length === 1 ? '1 person selected' : `${people.length} people selected`,
  );
}

test('Users page → Remove from groups names everyone and warns about tickets and defaults', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const people = (await api.get<{ users: Person[] }>('/users?role=agent&page[size]=3')).users;
  const defaultGroup = people[0]?.default_group_id;
  const group = (await api.get<{ group: { id: number; name: string } }>(`/groups/${defaultGroup}`)).group;
  await chooseOnUsersPage(page, people);
  await page.getByRole('button', { name: 'Remove from groups…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: group.name, exact: true }).check();
  await dialog.getByRole('button', { name: 'Review' }).click();
  const members = people.filter((person) => person.default_group_id === group.id).map((p) => p.name);
  await expectRemovalReview(
    dialog,
    members.slice(0, 1),
    /unassigns the removed agents' open tickets/,
    /lose|loses/,
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});

test('Users page → Remove from organizations names everyone and warns about tickets', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const eve = (await api.get<{ users: Person[] }>('/users/search?query=email:end-user@roster.example'))
    .users[0];
  const [membership] = await allPages<{ organization_name: string }>(
    api,
    `/users/${eve?.id}/organization_memberships`,
    'organization_memberships',
  );
  await chooseOnUsersPage(page, [eve as Person]);
  await page.getByRole('button', { name: 'Remove from organizations…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: membership?.organization_name ?? '', exact: true }).check();
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expectRemovalReview(dialog, ['Eve Enduser'], /tickets stop belonging/, /default organization/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a group page names every selected member and warns about tickets and defaults', async ({
  page,
  request,
}) => {
  const group = await groupNamed(sandboxApi(request), 'Billing');
  await page.goto(`/groups/${group.id}`);
  const table = page.getByRole('table', { name: 'Group members' });
  const rows = table.locator('tbody tr');
  const names: string[] = [];
  for (const index of [0, 1, 2]) {
    await rows.nth(index).getByRole('checkbox').check();
    names.push((await rows.nth(index).getByRole('link').first().textContent()) ?? '');
  }
  await page
    .getByRole('toolbar', { name: 'Bulk actions' })
    .getByRole('button', { name: 'Remove selected' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Remove 3 members?' });
  await expectRemovalReview(dialog, names, /open tickets/, /default group/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('an organization page names every selected member and warns about tickets', async ({
  page,
  request,
}) => {
  const organization = await organizationNamed(sandboxApi(request), 'Falcon Systems');
  await page.goto(`/organizations/${organization.id}`);
  const rows = page.getByRole('table', { name: 'Organization members' }).locator('tbody tr');
  await rows.first().getByRole('checkbox').check();
  const name = (await rows.first().getByRole('link').first().textContent()) ?? '';
  await page
    .getByRole('toolbar', { name: 'Bulk actions' })
    .getByRole('button', { name: 'Remove selected' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Remove 1 member?' });
  await expectRemovalReview(dialog, [name], /tickets stop belonging/, /default organization/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test("a person's page reviews removing a group before the red button, and removes it", async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const agents = (await api.get<{ users: Person[] }>('/users?role=agent&page[size]=40')).users;
  let chosen: { agent: Person; memberships: GroupMembership[] } | undefined;
  for (const agent of agents.slice(20)) {
    const memberships = await allPages<GroupMembership>(
      api,
      `/users/${agent.id}/group_memberships`,
      'group_memberships',
    );
    if (memberships.length >= 2) {
      chosen = { agent, memberships };
      break;
    }
  }
  if (!chosen) throw new Error('no agent with two groups');
  const { agent, memberships } = chosen;
  const target = memberships.find((membership) => membership.default) ?? memberships[0];
  const group = (await api.get<{ group: { name: string } }>(`/groups/${target?.group_id}`)).group;

  await page.goto(`/users/${agent.id}`);
  const table = page.getByRole('table', { name: 'Group memberships' });
  await table
    .getByRole('row')
    .filter({ hasText: group.name })
    .getByRole('button', { name: 'Remove' })
    .click();
  const dialog = page.getByRole('dialog', { name: `Remove ${agent.name} from ${group.name}?` });
  await expectRemovalReview(dialog, [agent.name], /open tickets/, /default group/);
  await dialog.getByRole('button', { name: 'Remove from group' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: group.name })).toHaveCount(0, { timeout: 20_000 });
  const after = await allPages<GroupMembership>(
    api,
    `/users/${agent.id}/group_memberships`,
    'group_memberships',
  );
  expect(after.map((membership) => membership.id)).not.toContain(target?.id);
});

test("a person's page reviews unassigning an organization, with the ticket warning", async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const eve = (await api.get<{ users: Person[] }>('/users/search?query=email:end-user@roster.example'))
    .users[0];
  await page.goto(`/users/${eve?.id}`);
  const row = page.getByTestId('organization-membership').first();
  const organization = (await row.getByRole('link').textContent()) ?? '';
  await row.getByRole('button', { name: 'Unassign' }).click();
  const dialog = page.getByRole('dialog', { name: `Unassign Eve Enduser from ${organization}?` });
  await expectRemovalReview(dialog, ['Eve Enduser'], /tickets stop belonging/, /default organization/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});
