import { expect } from 'vitest';
import { type cookieClient, metaRefreshTarget } from './cookie-client.ts';

type Client = ReturnType<typeof cookieClient>;

/** Walks the OAuth flow as a browser would: Roster → consent page → pick a person → back to Roster. */
export async function signInWithOAuth(client: Client, email: string, next = '/groups') {
  const start = await client.request(`/roster/oauth/start?next=${encodeURIComponent(next)}`);
  expect(start.status).toBe(302);
  const consentUrl = start.headers.get('location') ?? '';
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
  const decided = await client.request(new URL('/sandbox/oauth/authorizations', consentUrl).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  const callbackUrl = metaRefreshTarget(await decided.text());
  const callback = await client.request(callbackUrl);
  return {
    consentUrl,
    callbackUrl,
    callback,
    landing: callback.status === 200 ? metaRefreshTarget(await callback.text()) : undefined,
  };
}
