import type { Browser, Locator, Page } from '@playwright/test';
import { coldPage } from './browser.ts';
import type { Landmark } from './dataset.ts';
import { installProbe, waitForFirstRows } from './page-probe.ts';
import { countListRequests, type ListRequests } from './scroll-table.ts';

export type MemberListPage = { page: Page; table: Locator; requests: ListRequests };

const LISTS = {
  group: { page: 'groups', list: 'memberships', table: 'Group members' },
  organization: { page: 'organizations', list: 'organization_memberships', table: 'Organization members' },
} as const;

/**
 * Opens a group's or an organization's page in a fresh context with the probe installed, counting
 * its member list requests from the start, and waits for the first rows.
 */
export async function openMemberList(
  browser: Browser,
  baseUrl: string,
  kind: keyof typeof LISTS,
  target: Landmark,
): Promise<MemberListPage> {
  const { page: path, list, table } = LISTS[kind];
  const page = await coldPage(browser);
  await installProbe(page);
  const requests = countListRequests(page, `/api/v2/${path}/${target.id}/${list}`);
  await page.goto(`${baseUrl}/${path}/${target.id}`);
  await waitForFirstRows(page);
  return { page, table: page.getByRole('table', { name: table }), requests };
}
