import { BOX_OAUTH_SERVER, SANDBOX_SERVER } from './e2e-env.ts';
import { expect, test } from './fixtures.ts';

// The third server has a Box OAuth client whose Box is the first server's Box sandbox.
test.use({ signInAs: null, baseURL: BOX_OAUTH_SERVER.url });

test('a Zendesk agent connects their Box account through the consent page, sees the groups and disconnects', async ({
  page,
}) => {
  const signIn = await page.request.post('/roster/session/demo', { data: { identity: 'agent' } });
  expect(signIn.status()).toBe(200);
  await page.goto('/groups');
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Box' }).click();
  await expect(page.getByRole('heading', { name: 'Connect your Box account' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Box groups' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Connect your Box account' }).click();
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX_SERVER.url}/sandbox/box/oauth2/authorize\\?`));
  await expect(page.getByRole('heading', { name: 'Sign in to the Box sandbox' })).toBeVisible();
  await page.getByRole('button', { name: /Ada Admin/ }).click();

  await expect(page).toHaveURL(`${BOX_OAUTH_SERVER.url}/box/groups`);
  await expect(page.getByRole('region', { name: 'Box account' })).toContainText('Ada Admin');
  await expect(page.getByText('40 groups')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Box groups' }).getByRole('link').first()).toBeVisible();

  await page.getByRole('button', { name: 'Disconnect Box' }).click();
  await expect(page.getByRole('heading', { name: 'Connect your Box account' })).toBeVisible();
});
