/**
 * `fetch` with a cookie jar and no automatic redirects: enough of a browser to walk Roster's
 * sign-in flows in API tests. Paths, attributes and expiry are ignored; one jar per test.
 */
export function cookieClient(origin: string) {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];

  async function request(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${origin}${pathOrUrl}`;
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    if (typeof init.body === 'string' && !headers.has('content-type'))
      headers.set('content-type', 'application/json');
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      setCookies.push(line);
      const [pair = ''] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  return {
    request,
    jar,
    /** Every Set-Cookie header seen, in order, attributes included. */
    setCookies,
    post: (path: string, body: unknown) => request(path, { method: 'POST', body: JSON.stringify(body) }),
  };
}

/** The target of a page that moves on with `<meta http-equiv="refresh">`. */
export function metaRefreshTarget(page: string): string {
  const match = /http-equiv="refresh" content="0;url=([^"]+)"/.exec(page);
  if (!match?.[1]) throw new Error(`No refresh target in: ${page.slice(0, 300)}`);
  return match[1].replaceAll('&amp;', '&');
}
