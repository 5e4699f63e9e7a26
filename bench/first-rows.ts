import type { Browser, Page } from '@playwright/test';
import { coldPage } from './browser.ts';
import { installProbe, readProbe, waitForFirstRows } from './page-probe.ts';
import { type Summary, summarize } from './stats.ts';

/** LCP may still move after the rows appear (a late, larger element): give it this long. */
const LCP_SETTLE_MS = 500;

type Load = { firstRows: number; interactive: number; lcp: number };

/**
 * From the first rows on, clicks the first row's checkbox every few milliseconds, as an impatient
 * person would, until a click selects the row (the selection bar appears): ms since navigation.
 * A click before the page is hydrated only ticks the browser's own checkbox, so it is undone.
 */
function untilARowCheckboxResponds(page: Page): Promise<number> {
  // No named functions inside: the page runs this source as it is, without the bench's helpers.
  return page.evaluate(async () => {
    for (;;) {
      const box = document.querySelector<HTMLInputElement>('tbody tr[data-row-id] input[type="checkbox"]');
      box?.click();
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (document.querySelector('[role="toolbar"]')) return performance.now();
      if (box?.checked) box.click();
    }
  });
}

async function load(page: Page, url: string): Promise<Load> {
  await page.goto(url, { waitUntil: 'commit' });
  const firstRows = await waitForFirstRows(page);
  const interactive = await untilARowCheckboxResponds(page);
  await page.waitForTimeout(LCP_SETTLE_MS);
  return { firstRows, interactive, lcp: (await readProbe(page)).lcp };
}

/** A first visit (nothing cached), then a repeat visit in the same context (scripts from the HTTP cache). */
async function visitTwice(browser: Browser, url: string): Promise<{ cold: Load; repeat: Load }> {
  const page = await coldPage(browser);
  try {
    await installProbe(page);
    const cold = await load(page, url);
    return { cold, repeat: await load(page, url) };
  } finally {
    await page.context().close();
  }
}

export type FirstRows = { firstRows: Summary; interactive: Summary; lcp: Summary; repeatFirstRows: Summary };

/**
 * Navigation to member rows on screen for `url`, each cold load in a fresh browser context against
 * a server that has already answered one visit (warm).
 */
export async function measureFirstRows(browser: Browser, url: string, loads: number): Promise<FirstRows> {
  await visitTwice(browser, url);
  const samples: { cold: Load; repeat: Load }[] = [];
  for (let visit = 0; visit < loads; visit++) samples.push(await visitTwice(browser, url));
  return {
    firstRows: summarize(samples.map((s) => s.cold.firstRows)),
    interactive: summarize(samples.map((s) => s.cold.interactive)),
    lcp: summarize(samples.map((s) => s.cold.lcp)),
    repeatFirstRows: summarize(samples.map((s) => s.repeat.firstRows)),
  };
}
