import type { Browser } from '@playwright/test';
import type { Landmark } from './dataset.ts';
import { openMemberList } from './member-list-page.ts';
import { readProbe, setMeasuring } from './page-probe.ts';
import { scrollDownTo } from './scroll-table.ts';

export type GroupScroll = {
  /** Every page read, the one the server's HTML brought included. */
  listRequests: number;
  serverPages: number;
  maxRowsInDom: number;
  longTasks: number[];
  frames: number;
  slowFrames: number;
  seconds: number;
};

/** A frame that took two 60 Hz frames' time or more: a visible stutter. */
const SLOW_FRAME_MS = 32;

/**
 * Rows scrolled per frame: 24,000 px/s, a fast flick held all the way down (the table shows about
 * 13 rows at a time, so most rows on screen are new in every frame).
 */
const ROWS_PER_FRAME = 10;

/** Opens the group and scrolls its member table to the last member at a steady, fast pace. */
export async function measureGroupScroll(
  browser: Browser,
  baseUrl: string,
  group: Landmark,
): Promise<GroupScroll> {
  const { page, table, requests, serverPages } = await openMemberList(browser, baseUrl, 'group', group);
  try {
    await setMeasuring(page, true);
    const elapsed = await scrollDownTo(table, group.members, ROWS_PER_FRAME, 300_000);
    await setMeasuring(page, false);
    const probe = await readProbe(page);
    return {
      listRequests: serverPages + requests.forward + requests.backward,
      serverPages,
      maxRowsInDom: probe.maxRowsInDom,
      longTasks: probe.longTasks,
      frames: probe.frameGaps.length,
      slowFrames: probe.frameGaps.filter((gap) => gap > SLOW_FRAME_MS).length,
      seconds: elapsed / 1000,
    };
  } finally {
    await page.context().close();
  }
}
