import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { historyRow } from './roster-ui.ts';
import { agentsOutside, allPages, groupNamed, sandboxApi } from './sandbox-api.ts';

type Membership = { id: number; user_id: number; group_id: number };
type Person = { id: number; email: string; name: string };

test.describe.configure({ mode: 'serial' });

test("exports a group's members as a CSV file that lists every one of them", async ({ page, request }) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Collections');
  const members = await allPages<Membership>(api, `/groups/${group.id}/memberships`, 'group_memberships');
  await page.goto(`/groups/${group.id}`);
  await expect(page.getByTestId('member-total')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export members/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    new RegExp(`^group-memberships-${group.id}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
  );
  const bytes = await readFile((await file.path()) ?? '');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    '"user_id","user_name","user_email","role","group_id","group_name","default","created_at"',
  );
  expect(lines).toHaveLength(members.length + 1);
  for (const member of members) {
    expect(
      lines.some(
        (line) => line.startsWith(`"${member.user_id}",`) && line.includes(`"${group.id}","Collections"`),
      ),
    ).toBe(true);
  }
  await expect(page.getByText(`Saved ${members.length} rows`)).toBeVisible();
});

test('imports a file that adds 30 agents to 3 groups and removes 4, reviews the difference, applies it and shows it in History', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const groups = await Promise.all(
    ['Billing Americas', 'Refunds & Chargebacks', 'Billing APAC'].map((name) => groupNamed(api, name)),
  );
  const people = await allPages<Person>(api, '/users?role[]=agent&role[]=admin', 'users');
  const emailOf = new Map(people.map((person) => [person.id, person.email]));
  const lines = ['email,group'];
  for (const [index, group] of groups.entries()) {
    const members = await allPages<Membership>(api, `/groups/${group.id}/memberships`, 'group_memberships');
    // Two members of each of the first two groups are left out of the file: "exactly this" removes them.
    const removable: Membership[] = [];
    for (const member of members) {
      if (index > 1 || removable.length === 2) break;
      const theirs = await allPages<Membership>(
        api,
        `/users/${member.user_id}/group_memberships`,
        'group_memberships',
      );
      if (theirs.length > 1) removable.push(member);
    }
    for (const member of members) {
      if (!removable.includes(member)) lines.push(`${emailOf.get(member.user_id)},${group.name}`);
    }
    for (const agent of await agentsOutside(api, group.id, 10)) lines.push(`${agent.email},"${group.name}"`);
  }
  await page.goto('/import');
  await expect(page.locator('#root:not([inert])')).toBeAttached();
  await page.getByLabel('Make these groups exactly this').check();
  await page.getByLabel('CSV file').setInputFiles({
    name: 'who-is-where.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${lines.join('\r\n')}\r\n`),
  });
  await page.getByRole('button', { name: 'Review the difference' }).click();
  await expect(page.getByTestId('import-summary')).toContainText(
    '30 to add, 4 to remove, 0 defaults to change',
  );
  await expect(page.getByTestId('import-summary')).toContainText('0 lines could not be used');
  const changes = page.getByRole('list', { name: 'To change' });
  await expect(changes.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '34');
  await page.getByRole('button', { name: 'Apply 34 changes' }).click();
  const confirm = page.getByRole('dialog', { name: 'Apply and remove?' });
  await expect(confirm).toContainText('removes 4 memberships and adds 30');
  await confirm.getByRole('button', { name: 'Remove 4 and apply' }).click();
  const started = page.getByRole('status').filter({ hasText: 'Applying as one operation' });
  const link = started.getByRole('link');
  await expect(link).toBeVisible();
  const operationId = ((await link.getAttribute('href')) ?? '').split('/').pop() ?? '';

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'History' }).click();
  const row = historyRow(page, operationId);
  await expect(row).toContainText('Import:');
  await expect(row).toContainText('Completed · 34 succeeded', { timeout: 60_000 });
});

test('shows every line of a file that could not be used, by its line number and reason', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const [agent] = await agentsOutside(api, (await groupNamed(api, 'Collections')).id, 1);
  await page.goto('/import');
  await expect(page.locator('#root:not([inert])')).toBeAttached();
  await page
    .getByLabel('…or paste the rows')
    .fill(
      [
        'Email,Group,Default',
        `${agent?.email},Collections,`,
        'nobody@nowhere.example,Collections,',
        `${agent?.email},No Such Group,`,
        `${agent?.email},"Collections"oops,`,
        `${agent?.email},Collections,`,
        `${agent?.email},Billing APAC,maybe`,
      ].join('\n'),
    );
  await page.getByRole('button', { name: 'Review the difference' }).click();
  const bad = page.getByRole('list', { name: 'Lines that could not be used' });
  await expect(page.getByTestId('import-summary')).toContainText('5 lines could not be used');
  await expect(bad.getByRole('listitem').nth(0)).toContainText('Line 3');
  await expect(bad.getByRole('listitem').nth(0)).toContainText('Unknown person');
  await expect(bad.getByRole('listitem').nth(1)).toContainText('Line 4');
  await expect(bad.getByRole('listitem').nth(1)).toContainText('No group has the name "No Such Group"');
  await expect(bad.getByRole('listitem').nth(2)).toContainText('Line 5');
  await expect(bad.getByRole('listitem').nth(2)).toContainText('Not a CSV line');
  await expect(bad.getByRole('listitem').nth(3)).toContainText('Line 6');
  await expect(bad.getByRole('listitem').nth(3)).toContainText('Repeated');
  await expect(bad.getByRole('listitem').nth(4)).toContainText('Line 7');
  await expect(bad.getByRole('listitem').nth(4)).toContainText('"maybe" is not a default');
  await expect(page.getByRole('button', { name: 'Apply 1 change' })).toBeVisible();
});
