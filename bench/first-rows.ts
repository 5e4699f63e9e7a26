import type { Browser } from '@playwright/test';
import { coldPage } from './browser.ts';
import { installProbe, readProbe, waitForFirstRows } from './page-probe.ts';
import { type Summary, summarize } from './stats.ts';

/** LCP may still move after the rows appear (a late, larger element): give it this long. */
const LCP_SETTLE_MS = 500;

async function coldLoad(browser: Browser, url: string): Promise<{ firstRows: number; lcp: number }> {
  const page = await coldPage(browser);
  try {
    await installProbe(page);
    await page.goto(url, { waitUntil: 'commit' });
    const firstRows = await waitForFirstRows(page);
    await page.waitForTimeout(LCP_SETTLE_MS);
    return { firstRows, lcp: (await readProbe(page)).lcp };
  } finally {
    await page.context().close();
  }
}

/**
 * Navigation to member rows on screen for `url`, each load in a fresh browser context (nothing
 * cached) against a server that has already answered one load (warm).
 */
export async function measureFirstRows(
  browser: Browser,
  url: string,
  loads: number,
): Promise<{ firstRows: Summary; lcp: Summary }> {
  await coldLoad(browser, url);
  const samples: { firstRows: number; lcp: number }[] = [];
  for (let load = 0; load < loads; load++) samples.push(await coldLoad(browser, url));
  return {
    firstRows: summarize(samples.map((s) => s.firstRows)),
    lcp: summarize(samples.map((s) => s.lcp)),
  };
}
