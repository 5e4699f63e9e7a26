import type { Browser, Page } from '@playwright/test';
import type { Landmark } from './dataset.ts';
import { openMemberList } from './member-list-page.ts';
import { firstRowId, jumpToTop, scrollDownTo } from './scroll-table.ts';

export type OrganizationHeap = {
  rowsScrolled: number;
  heapMB: number;
  /** Back at the top: how long until the first member showed again, and the pages fetched backward for it. */
  backToTopMs: number;
  backwardRequests: number;
  /** Every list request the way back to the top made, backward or the first page again. */
  backToTopRequests: number;
};

/** JS heap in use after a full garbage collection, through the DevTools protocol. */
async function heapAfterGc(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('Performance.enable');
    const { metrics } = await session.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize');
    if (!used) throw new Error('Chromium reported no JSHeapUsedSize');
    return used.value / 1024 ** 2;
  } finally {
    await session.detach();
  }
}

/**
 * Scrolls the organization `rows` rows down, measures the heap after GC, then jumps back to the top
 * and waits for the first member to show again.
 */
export async function measureOrganizationHeap(
  browser: Browser,
  baseUrl: string,
  organization: Landmark,
  rows: number,
): Promise<OrganizationHeap> {
  const { page, table, requests } = await openMemberList(browser, baseUrl, 'organization', organization);
  try {
    const firstMember = await firstRowId(table);
    const rowsScrolled = Math.min(rows, organization.members);
    await scrollDownTo(table, rowsScrolled, 50, 600_000);
    const heapMB = await heapAfterGc(page);
    const backwardBefore = requests.backward;
    const allBefore = requests.backward + requests.forward;
    const backToTopMs = await jumpToTop(table, firstMember, 600_000);
    return {
      rowsScrolled,
      heapMB,
      backToTopMs,
      backwardRequests: requests.backward - backwardBefore,
      backToTopRequests: requests.backward + requests.forward - allBefore,
    };
  } finally {
    await page.context().close();
  }
}
