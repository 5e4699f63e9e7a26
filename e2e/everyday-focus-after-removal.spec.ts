import { expect, test } from './fixtures.ts';
import { addToGroup, agentsOutside, allPages, groupNamed, sandboxApi } from './sandbox-api.ts';

type Person = { id: number; name: string };
type GroupMembership = { id: number; user_id: number; group_id: number; default: boolean };

const focusIsOnThePage = () => document.activeElement !== null && document.activeElement !== document.body;

test("after a person's group is removed, focus is on the row that took its place, not the page", async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const agents = (await api.get<{ users: Person[] }>('/users?role=agent&page[size]=60')).users;
  let chosen: { agent: Person; memberships: GroupMembership[] } | undefined;
  for (const agent of agents.slice(40)) {
    const memberships = await allPages<GroupMembership>(
      api,
      `/users/${agent.id}/group_memberships`,
      'group_memberships',
    );
    if (memberships.length >= 3) {
      chosen = { agent, memberships };
      break;
    }
  }
  if (!chosen) throw new Error('no agent with three groups');
  const { agent } = chosen;

  await page.goto(`/users/${agent.id}`);
  await expect(page.locator('#root:not([inert])')).toBeAttached();
  const table = page.getByRole('table', { name: 'Group memberships' });
  const rows = table.locator('tbody tr');
  const before = await rows.count();
  const removed = (await rows.first().getByRole('link').textContent()) ?? '';
  const next = (await rows.nth(1).getByRole('link').textContent()) ?? '';
  await rows.first().getByRole('button', { name: 'Remove' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Remove ${agent.name} from ${removed}?` });
  await dialog.getByRole('button', { name: 'Remove from group' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(rows).toHaveCount(before - 1, { timeout: 20_000 });
  await expect(rows.first().getByRole('link')).toHaveText(next);

  expect(await page.evaluate(focusIsOnThePage)).toBe(true);
  const focusedRow = await page.evaluate(() => document.activeElement?.closest('tr')?.textContent ?? '');
  expect(focusedRow).toContain(next);
});

test('after the focused member is removed from a group, focus is on the member who took its place', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Identity & SSO');
  // Someone who certainly has another group, so the removal is possible.
  const [newcomer] = await agentsOutside(api, group.id, 1);
  if (!newcomer) throw new Error('no agent outside Identity & SSO');
  await addToGroup(api, group.id, [newcomer.id]);
  await page.goto(`/groups/${group.id}`);
  await expect(page.locator('#root:not([inert])')).toBeAttached();
  const table = page.getByRole('table', { name: 'Group members' });
  const rows = table.locator('tbody tr');
  const names = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('a')?.textContent ?? ''));
  const at = names.indexOf(newcomer.name);
  expect(at).toBeGreaterThanOrEqual(0);
  const next = names[at + 1] ?? names[at - 1] ?? '';
  const row = rows.filter({ hasText: newcomer.name });
  await row.focus();
  await page.keyboard.press('Space');
  await page
    .getByRole('toolbar', { name: 'Bulk actions' })
    .getByRole('button', { name: 'Remove selected' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Remove 1 member?' });
  await dialog.locator('.button-danger').click();
  await expect(dialog).toHaveCount(0);
  await expect(rows.filter({ hasText: newcomer.name })).toHaveCount(0, { timeout: 20_000 });

  await expect.poll(() => page.evaluate(focusIsOnThePage)).toBe(true);
  const focusedRow = await page.evaluate(() => document.activeElement?.closest('tr')?.textContent ?? '');
  expect(focusedRow).toContain(next);
});
