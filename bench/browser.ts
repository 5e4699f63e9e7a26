import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from '@playwright/test';

/** As in playwright.config.ts: Debian's Chromium where installed, Playwright's own otherwise. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    ...(existsSync(SYSTEM_CHROMIUM) && { executablePath: SYSTEM_CHROMIUM }),
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** A page in a fresh context: empty HTTP cache and storage, as on a first visit. */
export async function coldPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  return context.newPage();
}
