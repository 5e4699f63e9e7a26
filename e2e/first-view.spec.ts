import { createHash } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { boxSandboxApi } from './box-sandbox-api.ts';
import { SANDBOX_SERVER } from './e2e-env.ts';
import { expect, test } from './fixtures.ts';
import { groupNamed, organizationNamed, sandboxApi } from './sandbox-api.ts';

test.describe.configure({ mode: 'serial' });

test.afterEach(async ({ request }) => {
  await sandboxApi(request).delete('/_sandbox/faults');
});

type FirstView = {
  path: string;
  /** What the server's HTML must already show. */
  shows: (page: Page) => Promise<void>;
  /** The request for the data the server already sent, which the browser must not make again. */
  firstData: RegExp;
};

async function firstViews(browserRequest: Parameters<typeof sandboxApi>[0]): Promise<FirstView[]> {
  const api = sandboxApi(browserRequest);
  const group = await groupNamed(api, 'Tier 1 Support');
  const organization = await organizationNamed(api, 'Falcon Systems');
  const { user } = await api.get<{ user: { id: number; name: string } }>('/users/me');
  // The grid's first screen: its headers and cells with what each holds, none still loading.
  const gridCells = (label: string) => async (page: Page) => {
    const grid = page.getByRole('grid', { name: label });
    await expect(grid.getByRole('rowheader').first()).toBeVisible();
    await expect(grid.getByRole('gridcell').first()).toBeVisible();
    await expect(grid.locator('.grid-cell.is-member, .grid-cell.is-default').first()).toBeVisible();
    await expect(grid.locator('.grid-cell.is-loading')).toHaveCount(0);
  };
  const rows = (page: Page) =>
    expect(page.locator('.vt-body-row:not(.vt-unloaded-row)').first()).toBeVisible();
  return [
    {
      path: '/groups',
      shows: async (page) => {
        await expect(page.getByRole('heading', { name: 'Groups' })).toBeVisible();
        await expect(page.getByRole('link', { name: 'Tier 1 Support', exact: true })).toBeVisible();
      },
      firstData: /\/api\/v2\/groups\?/,
    },
    {
      path: `/groups/${group.id}`,
      shows: async (page) => {
        await expect(page.getByRole('heading', { name: group.name })).toBeVisible();
        await rows(page);
      },
      firstData: new RegExp(`/api/v2/groups/${group.id}(/memberships|\\b)`),
    },
    {
      path: '/organizations',
      shows: async (page) => {
        await expect(page.getByRole('heading', { name: 'Organizations' })).toBeVisible();
        await rows(page);
      },
      firstData: /\/api\/v2\/organizations\?/,
    },
    {
      path: `/organizations/${organization.id}`,
      shows: async (page) => {
        await expect(page.getByRole('heading', { name: organization.name })).toBeVisible();
        await rows(page);
      },
      firstData: new RegExp(`/api/v2/organizations/${organization.id}(/organization_memberships|\\b)`),
    },
    {
      path: '/users',
      shows: async (page) => {
        await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
        await rows(page);
      },
      firstData: /\/api\/v2\/users\?/,
    },
    {
      path: `/users/${user.id}`,
      shows: async (page) => {
        await expect(page.getByRole('heading', { name: user.name })).toBeVisible();
        await expect(page.getByRole('table').first()).toBeVisible();
      },
      firstData: new RegExp(`/api/v2/users/${user.id}(/group_memberships|/organization_memberships|\\b)`),
    },
    {
      path: '/history',
      shows: async (page) => {
        await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
        await expect(page.locator('.skeleton')).toHaveCount(0);
      },
      firstData: /\/roster\/operations\?/,
    },
    {
      path: '/matrix',
      shows: gridCells('People × groups'),
      firstData: /\/api\/v2\/(users\?|group_memberships|groups\?)/,
    },
    {
      path: `/matrix/organizations?columns=${organization.id}`,
      shows: gridCells('People × organizations'),
      firstData: /\/api\/v2\/(organizations\/\d+\/organization_memberships|organizations\?)/,
    },
    {
      path: '/box/matrix',
      shows: gridCells('Box users × Box groups'),
      firstData: /\/api\/box\/2\.0\/(users|groups)\b/,
    },
    {
      path: '/box/groups',
      shows: async (page) => {
        await expect(page.getByRole('heading', { name: 'Box groups' })).toBeVisible();
        await rows(page);
      },
      firstData: /\/api\/box\/2\.0\/groups\?/,
    },
  ];
}

/** React has taken over the server's markup in `#root`. */
function hydrated(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    Object.keys(document.getElementById('root') ?? {}).some((key) => key.startsWith('__reactContainer')),
  );
}

async function signedInContext(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ baseURL: SANDBOX_SERVER.url, javaScriptEnabled });
  const signIn = await context.request.post('/roster/session/demo', { data: { identity: 'admin' } });
  expect(signIn.status()).toBe(200);
  return context;
}

test('shows every route’s content in the HTML the server sends, before any script runs', async ({
  browser,
  request,
}) => {
  const context = await signedInContext(browser, false);
  const page = await context.newPage();
  for (const view of await firstViews(request)) {
    await test.step(view.path, async () => {
      const response = await page.goto(view.path);
      expect(response?.status()).toBe(200);
      await view.shows(page);
    });
  }
  await context.close();
});

test('hydrates every route without a React warning and without asking again for the data it came with', async ({
  page,
  request,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const asked: string[] = [];
  page.on('request', (r) => asked.push(decodeURIComponent(r.url())));
  for (const view of await firstViews(request)) {
    await test.step(view.path, async () => {
      asked.length = 0;
      await page.goto(view.path);
      await view.shows(page);
      await expect.poll(() => hydrated(page)).toBe(true);
      await expect(page.locator('.vt-flow, .grid-flow')).toHaveCount(0);
      await page.waitForLoadState('networkidle');
      expect(asked.filter((url) => view.firstData.test(url))).toEqual([]);
      expect(asked.filter((url) => url.includes('/roster/session'))).toEqual([]);
      expect(problems).toEqual([]);
    });
  }
});

test('a server-rendered group page responds to a row checkbox once hydrated', async ({ page, request }) => {
  const group = await groupNamed(sandboxApi(request), 'Tier 1 Support');
  await page.goto(`/groups/${group.id}`);
  // The table places its rows itself once hydrated; a click before that is the browser's alone.
  await expect(page.locator('.vt-flow')).toHaveCount(0);
  const firstBox = page.getByRole('checkbox', { name: /^Select (?!all)/ }).first();
  await firstBox.check();
  await expect(page.getByRole('toolbar')).toContainText('1 member selected');
});

test('styles the first view from a style element in the page that its CSP allows by hash, with no stylesheet to wait for', async ({
  browser,
  request,
}) => {
  const group = await groupNamed(sandboxApi(request), 'Tier 1 Support');
  const context = await signedInContext(browser, false);
  const page = await context.newPage();
  const response = await page.goto(`/groups/${group.id}`);
  const html = (await response?.text()) ?? '';
  const styles = [...html.matchAll(/<style>([^<]*)<\/style>/g)].map((match) => match[1] ?? '');
  expect(styles).toHaveLength(1);
  expect(html).not.toContain('rel="stylesheet"');
  const styleSrc = /style-src ([^;]*)/.exec(
    (await response?.allHeaders())?.['content-security-policy'] ?? '',
  );
  const hash = `'sha256-${createHash('sha256')
    .update(styles[0] ?? '', 'utf8')
    .digest('base64')}'`;
  const allowed = styleSrc?.[1]?.split(' ') ?? [];
  // 'self', and the hash of the build's one stylesheet only.
  expect(allowed[0]).toBe("'self'");
  expect(allowed).toContain(hash);
  expect(allowed.slice(1).every((source) => /^'sha256-[\w+/=]+'$/.test(source))).toBe(true);
  // The page's 14 px base and its header bar come from that element, with scripts off.
  await expect(page.locator('body')).toHaveCSS('font-size', '14px');
  await expect(page.locator('.shell-header')).toHaveCSS('display', 'flex');
  await context.close();
});

test("styles a route's own rules from that one element too, the sign-in card with scripts off", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: SANDBOX_SERVER.url, javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto('/sign-in');
  const html = (await response?.text()) ?? '';
  expect([...html.matchAll(/<style>/g)]).toHaveLength(1);
  expect(html).not.toMatch(/<link rel="stylesheet"|as="style"/);
  await expect(page.locator('.sign-in-card')).toHaveCSS('display', 'grid');
  await context.close();
});

/** The scripts a rendered page lists for its boot script (src/first-view-boot.ts): the entry first. */
function listedScripts(html: string): string[] {
  const block = /<script type="application\/json" id="roster-first-view-scripts">([^<]*)<\/script>/.exec(
    html,
  );
  return JSON.parse(block?.[1] ?? '[]') as string[];
}

test('asks for the SPA’s scripts only once the page is parsed, from the one script it names, and hydrates with them', async ({
  page,
  request,
}) => {
  const group = await groupNamed(sandboxApi(request), 'Tier 1 Support');
  const response = await page.goto(`/groups/${group.id}`);
  const html = (await response?.text()) ?? '';
  expect([...html.matchAll(/<script type="module"[^>]*>/g)].map((tag) => tag[0])).toEqual([
    expect.stringMatching(/src="\/assets\/first-view-boot-[\w-]+\.js"/),
  ]);
  expect(html).not.toContain('modulepreload');
  const scripts = listedScripts(html);
  expect(scripts[0]).toMatch(/^\/assets\/index-[\w-]+\.js$/);
  expect(scripts).toContainEqual(expect.stringMatching(/^\/assets\/group-page-[\w-]+\.js$/));
  await expect.poll(() => hydrated(page)).toBe(true);
  const timing = await page.evaluate((listed) => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fetched = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (entry) => listed.includes(new URL(entry.name).pathname),
    );
    return {
      parsed: navigation.domInteractive,
      fetched: fetched.length,
      firstAsked: Math.min(...fetched.map((entry) => entry.fetchStart)),
    };
  }, scripts);
  expect(timing.fetched).toBe(scripts.length);
  expect(timing.firstAsked).toBeGreaterThanOrEqual(timing.parsed);
});

test('sends the page gzipped and its scripts as the build’s brotli copies, which decode to the same text', async ({
  browser,
  request,
}) => {
  const group = await groupNamed(sandboxApi(request), 'Tier 1 Support');
  const context = await signedInContext(browser, false);
  const page = await context.request.get(`/groups/${group.id}`, {
    headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
  });
  expect(page.headers()['content-encoding']).toBe('gzip');
  const html = await page.text();
  expect(html).toMatch(/<tr[^>]* data-row-id=/);
  const [entry] = listedScripts(html);
  expect(entry).toBeDefined();
  const brotli = await context.request.get(entry ?? '', { headers: { 'accept-encoding': 'gzip, br' } });
  expect(brotli.headers()['content-encoding']).toBe('br');
  const plain = await context.request.get(entry ?? '', { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  expect(await brotli.text()).toBe(await plain.text());
  await context.close();
});

test('renders the lists, History, the person page and the Box lists and Box user in one pass: their loaders start every query the first view reads', async ({
  browser,
  request,
}) => {
  const { user } = await sandboxApi(request).get<{ user: { id: number } }>('/users/me');
  const [boxUser] = await boxSandboxApi(request).usersOutside(
    (await boxSandboxApi(request).groupNamed('Localization')).id,
    1,
  );
  expect(boxUser).toBeDefined();
  const context = await signedInContext(browser, false);
  const paths = [
    '/groups',
    '/groups?q=tier',
    '/organizations',
    '/users',
    '/users?role=all&q=a',
    `/users/${user.id}`,
    '/history',
    '/box/groups',
    '/box/groups?q=lo',
    '/box/users',
    `/box/users/${boxUser?.id}`,
  ];
  for (const path of paths) {
    const response = await context.request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()['server-timing']).toContain('render;');
    expect({ path, timing: response.headers()['server-timing'] }).toEqual({
      path,
      timing: expect.stringContaining('desc="1 pass"'),
    });
  }
  await context.close();
});

test('sends a signed-out visitor to sign in, not a page', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: SANDBOX_SERVER.url, javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto('/groups?name=tier');
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  expect(new URL(page.url()).searchParams.get('next')).toBe('/groups?name=tier');
  expect(response?.status()).toBe(200);
  await context.close();
});

test('renders a hostile name as text: it cannot end the data block or run a script', async ({
  browser,
  page,
  request,
}) => {
  const hostile = `</script><script>window.__hostile = 1</script><!-- Eve ${Date.now()}`;
  const { user } = await sandboxApi(request).post<{ user: { id: number } }>('/users', {
    user: { name: hostile, email: `eve-${Date.now()}@example.com`, role: 'end-user' },
  });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to execute/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`/users/${user.id}`);
  await expect(page.getByRole('heading', { name: hostile })).toBeVisible();
  expect(await page.evaluate(() => 'hostile' in window || '__hostile' in window)).toBe(false);
  expect(violations).toEqual([]);

  const noScript = await signedInContext(browser, false);
  const plain = await noScript.newPage();
  await plain.goto(`/users/${user.id}`);
  await expect(plain.getByRole('heading', { name: hostile })).toBeVisible();
  const html = await (await noScript.request.get(`/users/${user.id}`)).text();
  expect(html).not.toContain('<script>window.__hostile');
  await noScript.close();
});

test('answers with the shell and the SPA’s loading state when the upstream is slow, then the SPA fills it in', async ({
  browser,
  request,
}) => {
  const group = await groupNamed(sandboxApi(request), 'Tier 1 Support');
  // Longer than the server waits for data (SSR_TIMEOUT_MS, 1000 ms by default).
  await sandboxApi(request).put('/_sandbox/faults', { faults: { latency_ms: 2500 } });
  const noScript = await signedInContext(browser, false);
  const response = await noScript.request.get(`/groups/${group.id}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain('id="root" inert><');
  // No member row (the page's own stylesheet names the class too, so the markup is what is checked).
  expect(html).not.toMatch(/<tr[^>]* data-row-id=/);
  await noScript.close();

  const context = await signedInContext(browser, true);
  const page = await context.newPage();
  await page.goto(`/groups/${group.id}`);
  await expect(page.locator('.vt-body-row:not(.vt-unloaded-row)').first()).toBeVisible({ timeout: 15_000 });
  await context.close();
});
