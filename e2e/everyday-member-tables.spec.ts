import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { groupNamed, organizationNamed, sandboxApi } from './sandbox-api.ts';

async function shiftClickRange(page: Page, tableName: string) {
  const table = page.getByRole('table', { name: tableName });
  const boxes = table.getByRole('row').getByRole('checkbox', { name: /^Select (?!all)/ });
  await expect(boxes.nth(6)).toBeVisible();
  await expect(page.locator('#root:not([inert])')).toBeAttached();
  await boxes.nth(1).click();
  await boxes.nth(5).click({ modifiers: ['Shift'] });
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar).toContainText('5 members selected');
  for (const index of [1, 2, 3, 4, 5]) await expect(boxes.nth(index)).toBeChecked();
  await expect(boxes.nth(0)).not.toBeChecked();
  await expect(boxes.nth(6)).not.toBeChecked();

  // A shift-click on a selected row clears the range from the last click to it.
  await boxes.nth(3).click({ modifiers: ['Shift'] });
  await expect(bar).toContainText('2 members selected');
  for (const index of [1, 2]) await expect(boxes.nth(index)).toBeChecked();
  for (const index of [3, 4, 5]) await expect(boxes.nth(index)).not.toBeChecked();
}

test("Shift-click selects a range of a group's members", async ({ page, request }) => {
  const group = await groupNamed(sandboxApi(request), 'Billing');
  await page.goto(`/groups/${group.id}`);
  await shiftClickRange(page, 'Group members');
});

test("Shift-click selects a range of an organization's members", async ({ page, request }) => {
  const organization = await organizationNamed(sandboxApi(request), 'Falcon Systems');
  await page.goto(`/organizations/${organization.id}`);
  await shiftClickRange(page, 'Organization members');
});
