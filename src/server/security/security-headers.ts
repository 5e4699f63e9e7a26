import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * A strict policy: everything from this origin, no inline script, never framed. The only inline
 * styles allowed are the `<style>` elements whose hashes are given (the page's own stylesheet,
 * ssr/inline-stylesheets.ts); `style` attributes stay refused.
 */
export function securityHeaders(inlineStyleHashes: readonly string[] = []) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", ...inlineStyleHashes],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    xContentTypeOptions: 'nosniff',
    crossOriginOpenerPolicy: 'same-origin',
    // Roster serves plain http on loopback; HSTS belongs to the https proxy in front of it, if any.
    strictTransportSecurity: false,
  });
}

/**
 * The same headers as name–value pairs, for answers written straight to a socket where no
 * middleware runs (Node's own refusal of a request it cannot parse). Read from the middleware
 * itself, so the two can never drift apart.
 */
export async function securityHeaderPairs(): Promise<[string, string][]> {
  const probe = new Hono().use(securityHeaders()).all('*', (c) => c.body(null));
  return [...(await probe.request('/')).headers];
}
