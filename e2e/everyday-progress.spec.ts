import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { addByPasting, operationPanel } from './roster-ui.ts';
import { agentsOutside, groupNamed, sandboxApi } from './sandbox-api.ts';

// A short window, where anything floating over the page would land on something.
test.use({ viewport: { width: 1024, height: 640 } });

/** Whether the element a click at the centre of `target` would reach is `target` itself or inside it. */
async function reachableAtCentre(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  if (!box) return false;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const handle = await target.elementHandle();
  return page.evaluate(
    ({ x, y, element }) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && element !== null && (hit === element || element.contains(hit));
    },
    { x, y, element: handle },
  );
}

test('after a bulk add finishes its panel folds to one line, and neither it nor the tray covers the primary button or a table', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Weekend Coverage');
  const agents = await agentsOutside(api, group.id, 3);
  await page.clock.install();
  await page.goto(`/groups/${group.id}`);
  const operation = await addByPasting(page, {
    open: 'Add agents',
    text: agents.map((agent) => agent.email).join('\n'),
    summary: '3 to add',
    start: 'Add 3 agents',
  });
  const panel = operationPanel(page, operation.label);
  await expect(panel.getByRole('status')).toContainText('Completed — 3 succeeded, 0 failed', {
    timeout: 30_000,
  });

  // Folded: one line with what came of it, the bar and who started it a click away.
  await expect(panel.getByRole('progressbar')).toHaveCount(0);
  const details = panel.getByRole('button', { name: 'Details' });
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  const folded = await panel.boundingBox();
  expect(folded?.height).toBeLessThan(56);
  await details.click();
  await expect(panel.getByRole('progressbar')).toBeVisible();
  await expect(panel).toContainText('3 / 3 (100%)');
  await expect(panel).toContainText('1 job · by Ada Admin');
  await details.click();
  await expect(panel.getByRole('progressbar')).toHaveCount(0);

  const addAgents = page.getByRole('button', { name: 'Add agents' });
  expect(await reachableAtCentre(page, addAgents)).toBe(true);

  // On a page without a panel of its own the tray shows it, in a band the page keeps free.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users' }).click();
  const tray = page.getByRole('complementary', { name: 'Operations' });
  const item = tray.getByTestId('tray-item').filter({ hasText: operation.label });
  await expect(item).toContainText('Completed · 1 job · 3 succeeded, 0 failed');
  // A finished operation keeps no progress bar in the tray: one short entry.
  await expect(item.getByRole('progressbar')).toHaveCount(0);
  const table = page.getByRole('table', { name: 'Users' });
  await expect(table).toContainText('Ada Admin');
  const scroller = page.locator('.vt-scroll').first();
  const [trayBox, tableBox] = [await tray.boundingBox(), await scroller.boundingBox()];
  if (!trayBox || !tableBox) throw new Error('the tray or the table is not on screen');
  expect(tableBox.y + tableBox.height).toBeLessThanOrEqual(trayBox.y);
  // The table's bottom-right corner, where the last rows' last columns show, is the table's own.
  const cornerIsTable = await scroller.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.right - 12, box.bottom - 12);
    return hit !== null && element.contains(hit);
  });
  expect(cornerIsTable).toBe(true);

  // A finished operation without failures leaves the tray after a while; with nothing left, so does the tray.
  await page.clock.fastForward('00:20');
  await expect(tray).toHaveCount(0);
  const after = await scroller.boundingBox();
  expect(after?.height).toBeGreaterThan(tableBox.height);
});
