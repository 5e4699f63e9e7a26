import type { Page, Response } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Operation } from '../src/contract/roster-operations.ts';

/**
 * On a group or organization page: opens "Add agents"/"Add users", pastes the text, reviews and
 * starts. Answers the operation the server started, as its `POST /roster/operations` returned it.
 */
export async function addByPasting(
  page: Page,
  options: { open: string; text: string; summary: string; start: string; reviewTimeout?: number },
): Promise<Operation> {
  await page.getByRole('button', { name: options.open }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Or paste/).fill(options.text);
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByTestId('plan-summary')).toContainText(options.summary, {
    ...(options.reviewTimeout && { timeout: options.reviewTimeout }),
  });
  return startFrom(page, dialog.getByRole('button', { name: options.start, exact: true }));
}

/** Clicks the button that starts a reviewed plan and answers the operation the server started. */
export async function startFrom(page: Page, button: ReturnType<Page['getByRole']>): Promise<Operation> {
  const started = page.waitForResponse(
    (response: Response) =>
      response.request().method() === 'POST' && new URL(response.url()).pathname === '/roster/operations',
  );
  await button.click();
  const response = await started;
  expect(response.status()).toBe(202);
  return ((await response.json()) as { operation: Operation }).operation;
}

/** The one progress display of an operation on a group, organization or Box group page. */
export function operationPanel(page: Page, label: string) {
  return page.getByTestId('operation').filter({ hasText: label });
}

/** An operation's row in History's table. */
export function historyRow(page: Page, operationId: string) {
  return page.getByRole('table', { name: 'History' }).locator(`[data-row-id="${operationId}"]`);
}
