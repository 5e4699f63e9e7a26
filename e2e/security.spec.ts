import { SANDBOX_SERVER } from './e2e-env.ts';
import { expect, test } from './fixtures.ts';
import { agentsOutside, allPages, groupNamed, sandboxApi } from './sandbox-api.ts';

/**
 * Another site on this machine: `localhost` is a different site from `127.0.0.1`, so the browser
 * treats it as cross-site, without the private-network rules that stop a public site reaching
 * loopback before the server could refuse anything.
 */
const ATTACKER = `http://localhost:${SANDBOX_SERVER.port}/attacker`;

/** A page on another site, open in a signed-in admin's browser: what a cross-site attack looks like. */
async function openAttackerPage(page: import('@playwright/test').Page, html: string) {
  await page.route(`${ATTACKER}**`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!doctype html><html><body>${html}</body></html>`,
    }),
  );
  await page.goto(ATTACKER);
}

async function membershipCount(request: import('@playwright/test').APIRequestContext, groupId: number) {
  const members = await allPages(
    sandboxApi(request),
    `/groups/${groupId}/memberships?page[size]=100`,
    'group_memberships',
  );
  return members.length;
}

test('refuses a cross-site form POST to a write endpoint, and nothing changes', async ({ page, request }) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Escalations EMEA');
  const [agent] = await agentsOutside(api, group.id, 1);
  const before = await membershipCount(request, group.id);
  // text/plain forms can smuggle a JSON-looking body; the server must not be fooled.
  const name = `{"group_membership":{"user_id":${agent?.id},"group_id":${group.id},"x":"`;
  await openAttackerPage(
    page,
    `<form method="post" enctype="text/plain" action="${SANDBOX_SERVER.url}/api/v2/group_memberships">
       <input type="hidden" name='${name}' value='"}}'><button>Win a prize</button></form>`,
  );
  const answer = page.waitForResponse(`${SANDBOX_SERVER.url}/api/v2/group_memberships`);
  await page.getByRole('button', { name: 'Win a prize' }).click();
  expect((await answer).status()).toBe(403);
  expect(await membershipCount(request, group.id)).toBe(before);
});

test('refuses a cross-site fetch to a write endpoint, and nothing changes', async ({
  playwright,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Escalations EMEA');
  const [agent] = await agentsOutside(api, group.id, 1);
  const before = await membershipCount(request, group.id);
  // Chromium already stops a page reaching loopback from another site (Local Network Access); with
  // that switched off, as in browsers without it, the request arrives and the server must refuse it.
  const browser = await playwright.chromium.launch({
    ...(test.info().project.use.launchOptions ?? {}),
    args: ['--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests'],
  });
  try {
    const context = await browser.newContext();
    expect(
      (
        await context.request.post(`${SANDBOX_SERVER.url}/roster/session/demo`, {
          data: { identity: 'admin' },
        })
      ).ok(),
    ).toBe(true);
    const page = await context.newPage();
    const outcomes: string[] = [];
    page.on('requestfinished', (r) => outcomes.push(`${r.method()} answered`));
    page.on('requestfailed', (r) => outcomes.push(`${r.method()} ${r.failure()?.errorText}`));
    await openAttackerPage(page, '<p>Nothing to see</p>');
    outcomes.length = 0;
    await page.evaluate(
      async ({ target, body }) => {
        // A no-cors POST is the one write another site can send without a preflight.
        await fetch(`${target}/api/v2/group_memberships`, {
          method: 'POST',
          mode: 'no-cors',
          credentials: 'include',
          headers: { 'content-type': 'text/plain' },
          body,
        }).catch(() => {});
      },
      {
        target: SANDBOX_SERVER.url,
        body: JSON.stringify({ group_membership: { user_id: agent?.id, group_id: group.id } }),
      },
    );
    // The server answered (and its answer is then withheld from the other site).
    await expect.poll(() => outcomes).toEqual(['POST net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin']);
  } finally {
    await browser.close();
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await membershipCount(request, group.id)).toBe(before);
});

test('answers no request that names a foreign host, as after DNS rebinding', async ({ playwright }) => {
  const browser = await playwright.chromium.launch({
    ...(test.info().project.use.launchOptions ?? {}),
    args: ['--host-resolver-rules=MAP rebound.test 127.0.0.1'],
  });
  try {
    const page = await browser.newPage();
    const response = await page.goto(`http://rebound.test:${SANDBOX_SERVER.port}/api/v2/users/me`);
    expect(response?.status()).toBe(421);
    expect(await response?.json()).toMatchObject({ error: 'MisdirectedRequest' });
  } finally {
    await browser.close();
  }
});

test.describe('without a session cookie', () => {
  test.use({ signInAs: null });

  test('gets no data from the API and is sent to sign-in', async ({ page, playwright }) => {
    const stranger = await playwright.request.newContext({ baseURL: SANDBOX_SERVER.url });
    try {
      const answer = await stranger.get('/api/v2/groups');
      expect(answer.status()).toBe(401);
      expect(await answer.json()).toEqual({
        error: 'SignInRequired',
        description: 'Sign in to Roster to continue',
      });
    } finally {
      await stranger.dispose();
    }
    await page.goto('/groups');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fgroups$/);
  });
});

test('shows a hostile name as text everywhere it appears', async ({ page, request }) => {
  const api = sandboxApi(request);
  const hostile = '<img src=x onerror=alert(1)>';
  const email = `hostile-${Date.now()}@attacker.test`;
  const { user } = await api.post<{ user: { id: number } }>('/users', {
    user: { name: hostile, email, role: 'agent' },
  });
  const group = await groupNamed(api, 'Escalations EMEA');
  await api.post('/group_memberships', { group_membership: { user_id: user.id, group_id: group.id } });
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const members = await allPages<{ user_id: number }>(
    api,
    `/groups/${group.id}/memberships?page[size]=100`,
    'group_memberships',
  );
  expect(members.some((member) => member.user_id === user.id)).toBe(true);

  await page.goto(`/users/${user.id}`);
  await expect(page.getByRole('heading', { name: hostile })).toBeVisible();
  await page.goto(`/users?q=${encodeURIComponent(email)}&role=all`);
  await expect(page.getByRole('table', { name: 'Users' })).toContainText(hostile);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
