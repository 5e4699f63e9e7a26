import type { Browser, BrowserContext } from '@playwright/test';
import { expect } from '@playwright/test';
import type { DemoIdentityKey } from '../src/contract/roster-session.ts';
import { DEMO_API_TOKEN } from '../src/server/sandbox/demo-identities.ts';
import { SANDBOX_SERVER } from './e2e-env.ts';
import type { SandboxApi } from './sandbox-api.ts';

/** A browser context of its own (another person's browser), signed in before it opens a page. */
export async function signedInContext(
  browser: Browser,
  who: { identity: DemoIdentityKey } | { email: string },
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: SANDBOX_SERVER.url });
  const response =
    'identity' in who
      ? await context.request.post('/roster/session/demo', { data: { identity: who.identity } })
      : await context.request.post('/roster/session/api-token', {
          data: { email: who.email, token: DEMO_API_TOKEN },
        });
  expect(response.status(), `signing in as ${JSON.stringify(who)}`).toBe(200);
  return context;
}

/** An admin of the seeded account other than the demo admin: a second person with every right. */
export async function anotherAdmin(api: SandboxApi): Promise<{ id: number; name: string; email: string }> {
  const body = await api.get<{ users: { id: number; name: string; email: string }[] }>(
    '/users?role=admin&page[size]=20',
  );
  const admin = body.users.find((user) => !user.email.endsWith('@roster.example'));
  if (!admin) throw new Error('the seed has no second admin');
  return admin;
}
