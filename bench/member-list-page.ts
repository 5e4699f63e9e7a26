import type { Browser, Locator, Page } from '@playwright/test';
import { coldPage } from './browser.ts';
import type { Landmark } from './dataset.ts';
import { installProbe, waitForFirstRows } from './page-probe.ts';
import { countListRequests, type ListRequests } from './scroll-table.ts';

export type MemberListPage = {
  page: Page;
  table: Locator;
  requests: ListRequests;
  /** Pages of the list the server's HTML brought (its first page, when it rendered the page). */
  serverPages: number;
};

const LISTS = {
  group: { page: 'groups', list: 'memberships', table: 'Group members' },
  organization: { page: 'organizations', list: 'organization_memberships', table: 'Organization members' },
} as const;

/**
 * Opens a group's or an organization's page in a fresh context with the probe installed, counting
 * its member list requests from the start, and waits for the first rows and for the page to be hydrated.
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
  // The server's rows show before the scripts run; the page takes scrolling once hydrated (main.tsx
  // lifts `inert` then), and the hydration's own work is the cold load's, not the scroll's.
  await page.waitForFunction(() => !document.getElementById('root')?.hasAttribute('inert'));
  const serverPages = await page.evaluate(
    (list) => (document.getElementById('roster-first-view')?.textContent?.includes(`"${list}"`) ? 1 : 0),
    list === 'memberships' ? 'group_memberships' : list,
  );
  return { page, table: page.getByRole('table', { name: table }), requests, serverPages };
}
