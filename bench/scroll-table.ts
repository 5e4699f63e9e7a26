import type { Locator, Page } from '@playwright/test';

/** Member list requests the page sends, by direction: a window of pages refetches backward. */
export type ListRequests = { forward: number; backward: number };

export function countListRequests(page: Page, pathPart: string): ListRequests {
  const counts: ListRequests = { forward: 0, backward: 0 };
  page.on('request', (request) => {
    const url = decodeURIComponent(request.url());
    if (!url.includes(pathPart)) return;
    if (url.includes('page[before]')) counts.backward++;
    else counts.forward++;
  });
  return counts;
}

/**
 * Scrolls the table's scroll container down `stepRows` rows per frame, as a fast and steady
 * wheel would, until the row with 1-based position `rowNumber` is rendered. Runs inside the page so
 * the bench's round trips do not pace the scrolling. Answers the elapsed ms.
 */
export function scrollDownTo(
  table: Locator,
  rowNumber: number,
  stepRows: number,
  timeoutMs: number,
): Promise<number> {
  return table.evaluate(
    async (element, { rowNumber, stepRows, timeoutMs }) => {
      const scroller = element.parentElement as HTMLElement;
      const rowHeight = element.querySelector('tbody > tr')?.getBoundingClientRect().height || 40;
      const started = performance.now();
      const target = `tbody > tr[aria-rowindex="${rowNumber + 1}"][data-row-id]`;
      while (!element.querySelector(target)) {
        if (performance.now() - started > timeoutMs) throw new Error(`row ${rowNumber} never appeared`);
        scroller.scrollBy(0, stepRows * rowHeight);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      const elapsed = performance.now() - started;
      // Two more frames, so what the last step rendered is counted too.
      for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
      return elapsed;
    },
    { rowNumber, stepRows, timeoutMs },
  );
}

/** Jumps to the top, as dragging the scrollbar up does, and waits until the first row shows `rowId`. */
export function jumpToTop(table: Locator, rowId: string, timeoutMs: number): Promise<number> {
  return table.evaluate(
    async (element, { rowId, timeoutMs }) => {
      const scroller = element.parentElement as HTMLElement;
      const started = performance.now();
      scroller.scrollTo(0, 0);
      const first = `tbody > tr[aria-rowindex="2"][data-row-id="${rowId}"]`;
      while (!element.querySelector(first)) {
        if (performance.now() - started > timeoutMs) throw new Error('the first row never came back');
        if (scroller.scrollTop > 0) scroller.scrollTo(0, 0);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return performance.now() - started;
    },
    { rowId, timeoutMs },
  );
}

export async function firstRowId(table: Locator): Promise<string> {
  const id = await table.locator('tbody > tr[aria-rowindex="2"]').getAttribute('data-row-id');
  if (!id) throw new Error('the table shows no first row');
  return id;
}
