import type { Page } from '@playwright/test';

/** What the page records about itself while the bench drives it (see `installProbe`). */
export type Probe = {
  /** performance.now() (ms since navigation) of the frame that first showed member rows. */
  firstRowsAt: number | null;
  /** The latest largest-contentful-paint candidate. */
  lcp: number;
  /** Recorded only while `measuring`: */
  measuring: boolean;
  longTasks: number[];
  frameGaps: number[];
  maxRowsInDom: number;
};

type ProbeWindow = { __benchProbe: Probe };

/**
 * Runs in the page before its own scripts: observers for the first rows, LCP and long tasks, and a
 * requestAnimationFrame loop that records frame gaps and the most table rows ever in the DOM.
 */
function probeScript(): void {
  const probe: Probe = {
    firstRowsAt: null,
    lcp: 0,
    measuring: false,
    longTasks: [],
    frameGaps: [],
    maxRowsInDom: 0,
  };
  (window as unknown as ProbeWindow).__benchProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    if (probe.measuring) for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const rows = new MutationObserver(() => {
    if (!document.querySelector('tr[data-row-id]')) return;
    rows.disconnect();
    requestAnimationFrame(() => {
      probe.firstRowsAt = performance.now();
    });
  });
  rows.observe(document, { childList: true, subtree: true });
  let last = 0;
  const onFrame = (time: number) => {
    if (probe.measuring) {
      if (last > 0) probe.frameGaps.push(time - last);
      probe.maxRowsInDom = Math.max(probe.maxRowsInDom, document.querySelectorAll('tbody > tr').length);
      last = time;
    } else {
      last = 0;
    }
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
}

/**
 * tsx compiles with esbuild's keepNames, which wraps named functions in a `__name()` helper that
 * does not exist in the page; the script brings a stand-in.
 */
const PAGE_SCRIPT = `var __name = (fn) => fn; (${probeScript.toString()})();`;

export async function installProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: PAGE_SCRIPT });
}

export function readProbe(page: Page): Promise<Probe> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__benchProbe);
}

export async function setMeasuring(page: Page, measuring: boolean): Promise<void> {
  await page.evaluate((on) => {
    (window as unknown as ProbeWindow).__benchProbe.measuring = on;
  }, measuring);
}

/** Waits until member rows have been on screen for a frame; answers ms since navigation. */
export async function waitForFirstRows(page: Page, timeoutMs = 30_000): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as unknown as ProbeWindow).__benchProbe.firstRowsAt,
    null,
    {
      timeout: timeoutMs,
    },
  );
  return (await handle.jsonValue()) as number;
}
