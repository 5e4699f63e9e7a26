import type { Browser, Page } from '@playwright/test';
import { spawnServer } from '../src/server/testing/spawned-server.ts';
import { coldPage } from './browser.ts';
import { type Result, result } from './result.ts';
import { cachedSeed, copyIntoDataDir } from './seeded-database.ts';
import { summarize } from './stats.ts';

/** DESIGN.md: "The grid: 1,200 agents × 60 groups first painted ≤ 1 s on the demo seed, scrolling with no long task over 50 ms." */
export const GRID_BUDGETS = { firstPaintMs: 1000, longTasks: 0, maxCells: 2000 } as const;

/** Pixels per frame: a fast drag across, then down (about seven columns, ten rows a frame). */
const ACROSS_PX = 900;
const DOWN_PX = 360;

type Paint = { ms: number; requests: number };

/** From navigation to the frame in which every cell in view shows its membership (none loading). */
async function paintOnce(page: Page, url: string): Promise<Paint> {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) requests.push(request.url());
  });
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => {
      const cells = document.querySelectorAll('.grid-cell');
      return cells.length > 0 && !document.querySelector('.grid-cell.is-loading') ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return { ms: Number(await handle.jsonValue()), requests: requests.length };
}

type Scroll = { longTasks: number[]; maxCells: number; frames: number; seconds: number };

/** Scrolls the grid to its last column, then to its last row, one step a frame, watching long tasks and cells. */
async function scrollGrid(page: Page): Promise<Scroll> {
  // tsx's keepNames wraps the named functions below in a `__name()` the page lacks (see page-probe.ts).
  await page.evaluate('var __name = (fn) => fn;');
  return page.evaluate(
    ({ across, down }) =>
      new Promise<Scroll>((resolve) => {
        const scroller = document.querySelector<HTMLElement>('.grid-scroll');
        if (!scroller) throw new Error('no grid on the page');
        const longTasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasks.push(entry.duration);
        });
        observer.observe({ type: 'longtask' });
        let maxCells = 0;
        let frames = 0;
        const started = performance.now();
        const step = () => {
          frames++;
          maxCells = Math.max(maxCells, scroller.querySelectorAll('[role="gridcell"]').length);
          const endLeft = scroller.scrollWidth - scroller.clientWidth;
          const endTop = scroller.scrollHeight - scroller.clientHeight;
          if (scroller.scrollLeft < endLeft)
            scroller.scrollLeft = Math.min(endLeft, scroller.scrollLeft + across);
          else if (scroller.scrollTop < endTop)
            scroller.scrollTop = Math.min(endTop, scroller.scrollTop + down);
          else {
            // One more frame, so the last step's render is counted too.
            requestAnimationFrame(() => {
              observer.disconnect();
              resolve({ longTasks, maxCells, frames, seconds: (performance.now() - started) / 1000 });
            });
            return;
          }
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { across: ACROSS_PX, down: DOWN_PX },
  );
}

/**
 * The membership grid on the demo seed (about 1,200 agents and admins × 60 groups), on a server of
 * its own: cold loads to the first full paint, the requests they took, then a scroll across and down.
 */
export async function measureGrid(
  browser: Browser,
  loads: number,
  log: (line: string) => void,
): Promise<Result[]> {
  const data = copyIntoDataDir(cachedSeed('demo', log));
  const server = await spawnServer(
    {
      DATA_DIR: data.dataDir,
      SANDBOX_RATE_LIMIT: '1000000000',
      SANDBOX_IDENTITY: 'admin',
      LOG_REQUESTS: 'false',
    },
    120_000,
  );
  try {
    const url = `${server.url}/matrix`;
    const warm = await coldPage(browser);
    await paintOnce(warm, url);
    await warm.context().close();
    const paints: Paint[] = [];
    for (let load = 0; load < loads; load++) {
      log(`  grid cold load ${load + 1} of ${loads}`);
      const page = await coldPage(browser);
      paints.push(await paintOnce(page, url));
      await page.context().close();
    }
    const page = await coldPage(browser);
    await paintOnce(page, url);
    const cells = await page.locator('.grid-scroll').evaluate((grid) => ({
      rows: Number(grid.getAttribute('aria-rowcount')) - 1,
      columns: Number(grid.getAttribute('aria-colcount')) - 1,
    }));
    log('  scrolling the grid across and down');
    const scroll = await scrollGrid(page);
    await page.context().close();
    const shape = `${cells.rows.toLocaleString('en-US')} people × ${cells.columns} groups`;
    const over50 = scroll.longTasks.filter((duration) => duration > 50);
    return [
      result({
        id: 'grid.first-paint',
        label: `Membership grid, ${shape}: navigation to every cell in view filled, cold load`,
        value: summarize(paints.map((paint) => paint.ms)),
        unit: 'ms',
        budget: { max: GRID_BUDGETS.firstPaintMs },
      }),
      result({
        id: 'grid.requests',
        label: 'Same loads: API requests from the browser until then (people, groups, memberships, session)',
        value: summarize(paints.map((paint) => paint.requests)),
        unit: 'requests',
      }),
      result({
        id: 'grid.scroll.long-tasks',
        label: `Scrolling the grid to its last column, then its last row (${scroll.frames} frames in ${scroll.seconds.toFixed(1)} s): long tasks over 50 ms`,
        value: over50.length,
        unit: 'tasks',
        budget: { equals: GRID_BUDGETS.longTasks },
        ...(over50.length > 0 && { note: `longest ${Math.max(...over50).toFixed(0)} ms` }),
      }),
      result({
        id: 'grid.scroll.cells',
        label: 'Same scroll: most cells in the DOM',
        value: scroll.maxCells,
        unit: 'cells',
        budget: { max: GRID_BUDGETS.maxCells },
      }),
    ];
  } finally {
    await server.close();
    data.remove();
  }
}
