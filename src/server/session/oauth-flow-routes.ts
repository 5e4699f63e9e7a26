import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { z } from 'zod';
import { safeNextPath } from '../../contract/roster-session.ts';
import type { OAuthErrorCode } from '../../contract/sign-in.ts';
import { sameText } from '../shared/same-text.ts';
import { authorizationUrl, exchangeCode, OAuthExchangeError, type OAuthProvider } from './oauth-client.ts';
import { createPkcePair } from './pkce.ts';
import type { SecretBox } from './secret-box.ts';
import type { OAuthCredential } from './upstream-credential.ts';

const FLOW_MAX_AGE_SECONDS = 600;

const flowSchema = z.object({
  state: z.string(),
  verifier: z.string(),
  redirectUri: z.string(),
  next: z.string(),
  startedAt: z.number(),
  /** The Roster session the flow belongs to, when it adds to one (Box) rather than starting one. */
  sessionKey: z.string().nullable(),
});
export type OAuthFlowState = z.infer<typeof flowSchema>;

/** One authorization-code flow Roster runs as a client: Zendesk's sign-in, or connecting Box. */
export type OAuthFlowOptions = {
  provider: OAuthProvider | undefined;
  /** Where the routes are mounted, e.g. `/roster/oauth`: the callback is `{path}/callback`. */
  path: string;
  /** Names the short-lived flow cookie, and is the context it is sealed for. */
  cookieName: string;
  box: SecretBox;
  secureCookie: boolean;
  /** Where people reach Roster, when a proxy in front changes it; else the request's own origin. */
  publicUrl: string | undefined;
  /** The provider's authorize page, as the browser reaches it, for this request. */
  authorizeEndpoint(c: Context): string;
  /** The session the flow adds to, or a response that stops it before it starts (undefined: none needed). */
  beforeStart(
    c: Context,
  ): { sessionKey: string | null } | Response | Promise<{ sessionKey: string | null } | Response>;
  /** Keeps the tokens, or says why not; an undefined answer means done. */
  complete(
    c: Context,
    credential: OAuthCredential,
    flow: OAuthFlowState,
  ): Promise<OAuthErrorCode | undefined>;
  /** Where a flow that did not end well sends the person. */
  failed(c: Context, code: OAuthErrorCode, flow: OAuthFlowState | undefined): Response | Promise<Response>;
  /** The landing page's words, e.g. `Signed in`. */
  done: string;
  log: (message: string) => void;
};

/**
 * `GET {path}/start?next=` and `GET {path}/callback`: PKCE where the provider checks it, and a
 * `state` checked against a sealed, short-lived, SameSite=Lax cookie.
 */
export function oauthFlowRoutes(options: OAuthFlowOptions) {
  const { box, cookieName } = options;
  const cookiePath = options.path;
  const app = new Hono();

  app.get('/start', async (c) => {
    const provider = options.provider;
    if (!provider) return options.failed(c, 'unavailable', undefined);
    const before = await options.beforeStart(c);
    if (before instanceof Response) return before;
    const { verifier, challenge } = createPkcePair();
    const state = randomBytes(24).toString('base64url');
    const redirectUri = `${options.publicUrl ?? new URL(c.req.url).origin}${options.path}/callback`;
    const flow: OAuthFlowState = {
      state,
      verifier,
      redirectUri,
      next: safeNextPath(c.req.query('next')),
      startedAt: Date.now(),
      sessionKey: before.sessionKey,
    };
    // Lax, not Strict: the browser must send it when the provider sends the person back from another site.
    setCookie(c, cookieName, box.seal(JSON.stringify(flow), cookieName), {
      path: cookiePath,
      httpOnly: true,
      sameSite: 'Lax',
      secure: options.secureCookie,
      maxAge: FLOW_MAX_AGE_SECONDS,
    });
    return c.redirect(
      authorizationUrl(provider, options.authorizeEndpoint(c), {
        redirectUri,
        state,
        codeChallenge: challenge,
      }),
    );
  });

  app.get('/callback', async (c) => {
    const sealed = getCookie(c, cookieName);
    deleteCookie(c, cookieName, { path: cookiePath, secure: options.secureCookie });
    const opened = sealed ? box.open(sealed, cookieName) : undefined;
    const flow = opened === undefined ? undefined : flowSchema.safeParse(JSON.parse(opened)).data;
    const fail = (code: OAuthErrorCode) => options.failed(c, code, flow);
    const provider = options.provider;
    if (!provider) return fail('unavailable');
    const state = c.req.query('state') ?? '';
    if (!flow || Date.now() - flow.startedAt > FLOW_MAX_AGE_SECONDS * 1000 || !sameText(state, flow.state)) {
      return fail('state');
    }
    const code = c.req.query('code');
    if (!code) {
      options.log(`${provider.name} OAuth ended without a code: ${c.req.query('error') ?? 'no error given'}`);
      return fail('denied');
    }
    let credential: OAuthCredential;
    try {
      credential = await exchangeCode(provider, {
        code,
        redirectUri: flow.redirectUri,
        codeVerifier: flow.verifier,
      });
    } catch (error) {
      if (!(error instanceof OAuthExchangeError)) throw error;
      options.log(`${provider.name} OAuth code exchange failed: ${error.message}`);
      return fail('exchange');
    }
    const problem = await options.complete(c, credential, flow);
    if (problem) return fail(problem);
    return movingOn(c, flow.next, options.done);
  });

  return app;
}

/**
 * A page of our own that moves on. A redirect from here would still count as a cross-site
 * navigation and the SameSite=Strict session cookie would not be sent; this makes the next request
 * same-site.
 */
export function movingOn(c: Context, next: string, done: string) {
  return c.html(
    html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta http-equiv="refresh" content="0;url=${next}" />
          <title>${done} · Roster</title>
        </head>
        <body>
          <p>${done}. <a href="${next}">Continue to Roster</a></p>
        </body>
      </html>`,
    200,
    { 'Cache-Control': 'no-store' },
  );
}
