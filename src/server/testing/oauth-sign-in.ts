import { expect } from 'vitest';
import { type cookieClient, metaRefreshTarget } from './cookie-client.ts';

type Client = ReturnType<typeof cookieClient>;

/**
 * Opens a sandbox consent page (Zendesk's or Box's) and allows access as `email`, as a person
 * would; returns the callback URL the page sends the browser on to.
 */
export async function allowOnConsentPage(client: Client, consentUrl: string, email: string) {
  const consent = await client.request(consentUrl);
  expect(consent.status).toBe(200);
  const page = await consent.text();
  const form = new URLSearchParams();
  for (const match of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)" \/>/g)) {
    const [, name = '', value = ''] = match;
    if (!form.has(name)) form.set(name, value.replaceAll('&amp;', '&'));
  }
  form.set('decision', 'allow');
  form.set('email', email);
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1] ?? '';
  const decided = await client.request(new URL(action, consentUrl).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return metaRefreshTarget(await decided.text());
}

/** Walks an OAuth flow as a browser would: Roster → consent page → pick a person → back to Roster. */
export async function walkOAuthFlow(client: Client, startPath: string, email: string) {
  const start = await client.request(startPath);
  expect(start.status).toBe(302);
  const consentUrl = start.headers.get('location') ?? '';
  const callbackUrl = await allowOnConsentPage(client, consentUrl, email);
  const callback = await client.request(callbackUrl);
  return {
    consentUrl,
    callbackUrl,
    callback,
    landing: callback.status === 200 ? metaRefreshTarget(await callback.text()) : undefined,
  };
}

/** Signs in to Roster with Zendesk's OAuth flow. */
export function signInWithOAuth(client: Client, email: string, next = '/groups') {
  return walkOAuthFlow(client, `/roster/oauth/start?next=${encodeURIComponent(next)}`, email);
}
