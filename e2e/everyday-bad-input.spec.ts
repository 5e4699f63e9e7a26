import { expect, test } from './fixtures.ts';
import { agentsOutside, groupNamed, sandboxApi } from './sandbox-api.ts';

test('a paste of 24 entries with one 300-character email reports that entry and checks the other 23', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Escalations APAC');
  const agents = await agentsOutside(api, group.id, 23);
  const long = `${'x'.repeat(288)}@example.com`;
  const lines = agents.map((agent) => agent.email);
  lines.splice(11, 0, long);
  await page.goto(`/groups/${group.id}`);
  await page.getByRole('button', { name: 'Add agents' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Or paste/).fill(lines.join('\n'));
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByTestId('plan-summary')).toHaveText('23 to add, 0 already members, 1 too long.');
  const skipped = dialog.getByRole('list', { name: 'Skipped entries' });
  await expect(skipped).toContainText('Line 12');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Add 23 agents', exact: true })).toBeEnabled();
});
